"""Entities read from the shape of the clause: relative clauses, fronted places, prices, payees.

Each row is a sentence, the text of one of its quantities, and the entity
expected for it (``None`` where the sentence names no thing).  Every rule has
rows of the near forms it must leave alone.  The sentences are written for
these tests in the shapes news, price lists and public-service reports use.
"""

from __future__ import annotations

import pytest

from helpers import entity_span_near, quantity_entity

# (sentence, quantity text, entity)
Row = tuple[str, str, str | None]

#: A relative clause that opens with its verb states the value of the noun before ``that``.
RELATIVE: list[Row] = [
    ("Fuel bills ate into a profit that fell 27% to $410 million.", "27%", "profit"),
    ("Fuel bills ate into a profit that fell 27% to $410 million.", "$410 million", "profit"),
    ("Drivers want 9% to make up for inflation that peaked at 11.1%.", "11.1%", "inflation"),
    ("The rover must survive nights that plunged to minus 170C.", "minus 170C", "nights"),
    ("Rents rose at the site, which has a pool that is 25 metres long.", "25 metres", "pool"),
    # a verb of doing, not of stating: how far the noun went, no thing
    ("Crews found a drone that flew 40 miles.", "40 miles", None),
    # a subject of its own after that: the clause's reading, not the noun before
    ("Officials said that exports rose 4% in May.", "4%", "exports"),
    # how often, not how many: no thing
    ("The deadline was extended three times.", "three", None),
    ("It set a deadline that was extended four times.", "four", None),
    ("The valve is checked 2 times during each shift.", "2", None),
]

#: A place or a time set before the subject without a comma is passed over.
FRONTED: list[Row] = [
    ("In Leeds the average rent was £1,120 a month.", "£1,120 a month", "average rent"),
    ("In March prices rose 3.1%.", "3.1%", "prices"),
    ("In 2023 the budget was £4.2m.", "£4.2m", "budget"),
    # after a comma the clause reads as before
    ("In Leeds, the average rent was £1,120 a month.", "£1,120 a month", "average rent"),
    # with and a noun at a value: the noun
    ("With rents at £1,120 a month, few can save.", "£1,120 a month", "rents"),
]

#: A verb of pricing that is also a noun is a verb after a noun or an adverb.
PRICING: list[Row] = [
    ("Kayaks rent for about $25 an hour.", "about $25 an hour", "Kayaks"),
    ("The Pro version sells for $799.", "$799", "Pro version"),
    ("A two-bed flat now rents for £1,450 a month.", "£1,450 a month", "flat"),
    ("Nurses on the ward start on £29,970.", "£29,970", "Nurses"),
    # a noun after a determiner, an adjective or a participle
    ("The median asking rent for a studio has fallen 4% to $1,390.", "4%", "median asking rent"),
    ("Rents for a studio rose 5% to £1,390.", "5%", "Rents"),
]

#: The subject of the sentence, for a clause that has none of its own.
SHARED: list[Row] = [
    ("The economy grew 0.6% in spring, after shrinking 0.1% in winter.", "0.1%", "economy"),
    # the passive of a verb of paying: who is paid
    ("Cabin crew will be paid £1,950 a month.", "£1,950 a month", "Cabin crew"),
    ("Junior doctors were paid £15.50 an hour.", "£15.50 an hour", "Junior doctors"),
    # but a fine, and the active voice, name no thing
    ("The club were fined £10,000.", "£10,000", None),
    ("The state borrowed £15bn.", "£15bn", None),
    # a word with an ampersand is one word of the phrase
    ("Only 58.4% of A&E patients were seen within four hours.", "58.4%", "A&E patients"),
]

#: Who is paid: the object of a verb of paying, or the noun after its preposition.
PAYEES: list[Row] = [
    ("The grocer pays its shelf stackers £12.80 an hour.", "£12.80 an hour", "shelf stackers"),
    ("The council paid its chief executive £231,000 last year.", "£231,000", "chief executive"),
    ("City firms are paying trainees as much as £52,000.", "as much as £52,000", "trainees"),
    ("The insurer will return £300m to shareholders.", "£300m", "shareholders"),
    ("The trust agreed to pay £1.9m to the family.", "£1.9m", "family"),
    ("The supplier will pay £6.5m into a redress fund.", "£6.5m", "redress fund"),
    ("The landlord is adding £5.40 a week to tenants' bills.", "£5.40 a week", "bills"),
    ("Motorists paid an average of 151.2p a litre for diesel.", "151.2p a litre", "diesel"),
    # the thing an amount in a list of a budget is for, and a second one after and
    (
        "The council set a £980m budget, including £301m for adult social care and £88m for bins.",
        "£301m",
        "adult social care",
    ),
    (
        "The council set a £980m budget, including £301m for adult social care and £88m for bins.",
        "£88m",
        "bins",
    ),
    ("The developer will pay £2.9m towards new school places.", "£2.9m", "new school places"),
    ("Dimming the lamps will save £410,000 a year on energy.", "£410,000 a year", "energy"),
    # a record or an amount after a: the amount's word, not who is paid
    ("Rovers paid a record £9m for the winger.", "£9m", "winger"),
    # a verb of costing: the subject costs, its object pays
    ("The strike cost the airline £30m.", "£30m", "strike"),
]

#: Names in a list keep their modifiers; a subject before a hyphenated count is read past it.
NAMES: list[Row] = [
    (
        "Footfall fell 2.1%, with high streets down 3.8% and shopping centres down 2.9%.",
        "3.8%",
        "high streets",
    ),
    (
        "Footfall fell 2.1%, with high streets down 3.8% and shopping centres down 2.9%.",
        "2.9%",
        "shopping centres",
    ),
    ("Its best-selling sofa now sells for €1,299.", "€1,299", "best-selling sofa"),
    # a noun that is also a verb, before a participle in -ing: the participle's subject
    ("Fly-tipping rose, with clean-up costs reaching £830,000.", "£830,000", "clean-up costs"),
    # a participle that opens the clause is no part of the name
    ("Prices rose 2%, leaving wage growth at 4.3%.", "4.3%", "wage growth"),
    ("The 2,400-seat arena will cost £310m.", "£310m", "arena"),
    ("The 1,800-tonne ferry will cost €95m.", "€95m", "ferry"),
    (
        "Starting salaries now range from £31,000 to £37,500.",
        "from £31,000 to £37,500",
        "Starting salaries",
    ),
    # a range of, a noun
    ("The phone comes in a range of 6 colours.", "6", "colours"),
]

#: Words that looked like verbs or plurals inside a noun phrase, and asides.
WORDS: list[Row] = [
    ("The restructuring will cost $280 million.", "$280 million", "restructuring"),
    ("The average rate on a 30-year fixed mortgage climbed to 7.1%.", "7.1%", "average rate"),
    ("The average two-year fixed mortgage rate stands at 5.8%.", "5.8%", "fixed mortgage rate"),
    ("Rates were fixed at 4.25% for a year.", "4.25%", "Rates"),
    ("Payvio has closed a $40 million Series B round.", "$40 million", "Series B round"),
    # an aside that is a noun phrase: the subject before it
    ("The VIX, Wall Street's fear gauge, jumped to 18.4.", "18.4", "VIX"),
    ("Brent crude, the global benchmark, rose 1.1% to $82.10 a barrel.", "1.1%", "Brent crude"),
    ("Ether, the second-largest cryptocurrency, fell 5.2% to $2,640.", "$2,640", "Ether"),
    (
        "The 10-year yield, a gauge of borrowing costs, fell 9 basis points.",
        "9 basis points",
        "yield",
    ),
    ("The index, however, fell 2%.", "2%", "index"),
    # an age is no noun aside: the verb after it moves the amount
    (
        "The court heard that Patel, 46, transferred 1.2 million dollars.",
        "1.2 million dollars",
        None,
    ),
    # a level after a noun, its change and at: the noun's, past its counter
    ("Costs rose, with the 10-year yield up 5 basis points at 4.2%.", "4.2%", "yield"),
    (
        "Sunseek took 1.4 million bookings, with prices up 4% at £912 a head.",
        "£912 a head",
        "prices",
    ),
    # a level after a comma and at, behind a change: the same subject
    ("Its shares closed down $1.45, or 6.2%, at $21.83.", "$21.83", "shares"),
    ("Rents rose fastest in Leeds, at 11.4%.", "11.4%", "Rents"),
    # beat between two nouns is a verb; to before a word and a determiner, an infinitive
    ("The profit beat forecasts of $1.2bn.", "$1.2bn", "forecasts"),
    ("The firm agreed to pay $4.3bn to settle the case.", "$4.3bn", "firm"),
    # stores between a noun and an amount is a verb; after a count, a noun
    ("The battery pack stores 100 kWh.", "100 kWh", "battery pack"),
    ("The chain will close 40 stores this year.", "40", "stores"),
    # in and a place after a price: where, not what
    ("A pint now costs £6.50 in central London.", "£6.50", "pint"),
    ("It raised £5bn in new equity.", "£5bn", "new equity"),
    ("Hostel beds go for 18 euros a night in winter.", "18 euros a night", "Hostel beds"),
    ("Fans spent $40 on average at the match.", "$40", None),
    ("The hotel charges $289 a night midweek.", "$289 a night", "hotel"),
    # of after a rate by a time says what the time is of; after any other, the thing
    ("It will pay drivers $32.50 per hour of engaged time.", "$32.50 per hour", "drivers"),
    ("Farmers get Ksh 50 per kilo of tea.", "Ksh 50 per kilo", "tea"),
    # a word in -ing after of is a noun, after an adjective too; after a noun, a clause
    ("The earbuds offer eight hours of listening per charge.", "eight hours", "listening"),
    ("The battery is good for 90 km of assisted riding.", "90 km", "assisted riding"),
    ("About 10% of workers earning under £10 are young.", "About 10%", "workers"),
    # after a hyphenated measure, a word in -ing is the noun it describes
    ("The ferry makes the 90-minute crossing twice a day.", "90-minute", "crossing"),
    ("A 5-mile running track opened in May.", "5-mile", "running track"),
    ("She spent three hours answering questions.", "three hours", None),
    # a comparison between an amount and the thing it is paid for
    ("Eurozone shoppers paid 2.6% more for food in November.", "2.6%", "food"),
    ("Drivers paid 12p less for petrol than in May.", "12p", "petrol"),
    # a change restated after a phrase with no verb of its own
    (
        "Shoppers spent £1.4bn on groceries in the week before Christmas, 6% more than in 2023.",
        "6%",
        "groceries",
    ),
    # after of, such a word is a noun
    ("A strike would halt around £150 million of trade a week.", "around £150 million", "trade"),
    ("Wages for its 52,000 store workers will rise to €15.20 an hour.", "€15.20 an hour", "Wages"),
    ("The group will return £500m to shareholders.", "£500m", "shareholders"),
    # more verbs that give an amount to someone; to and a verb is no payee
    ("A jury awarded $4.6 million to the family of a cyclist.", "$4.6 million", "family"),
    ("The airline must refund £1.1m to 9,300 passengers.", "£1.1m", "passengers"),
    ("A donor left $3.2 million to the animal sanctuary.", "$3.2 million", "animal sanctuary"),
    ("The retailer agreed to pay $18 million to settle claims.", "$18 million", "retailer"),
    ("Runners took part, raising £2.3m for local charities.", "£2.3m", "local charities"),
    # extra and additional belong to the phrase, as new does; more does not
    ("The district will hire 45 additional counsellors.", "45", "additional counsellors"),
    ("The army sent 134,500 more conscripts.", "134,500", "conscripts"),
    # after a count: a verb in -ed before a name is the count's verb; an adverb in -ly
    # before a participle describes the noun
    ("A crowd of 31,208 watched Ashford City win.", "31,208", "crowd"),
    ("Mix the beef with 2 finely chopped onions.", "2", "finely chopped onions"),
    ("The sets weigh roughly 640 tonnes fully loaded.", "roughly 640 tonnes", "sets"),
    # a change verb that is also a noun, before by and an amount, is a verb
    ("Prize money at the open rises by 11% to $21.5 million.", "11%", "Prize money"),
    ("Traders price in 50 bps of rate cuts by December.", "50 bps", "rate cuts"),
    # in today's money, in real terms: how the amount is counted, no thing
    ("Spending will rise to 2.5% of GDP, or £87bn in today's money.", "£87bn", "Spending"),
    # a value after a verb that states one and at is the subject's, durations too
    ("Waiting times stood at 14 weeks last month.", "14 weeks", "Waiting times"),
    # thanks to, and a fan oven's setting, name no thing
    ("The coast should hold near 27C thanks to a breeze.", "near 27C", "coast"),
    ("Preheat the oven to 180C (160C fan).", "160C", None),
    # a time or a date fronted without a comma, after from or by
    ("From April the typical bill will rise to £1,812 a year.", "£1,812 a year", "typical bill"),
    # worth after net is the head noun ([compound_head]); after any other noun, an adjective
    ("Her net worth is estimated at $3.2 billion.", "$3.2 billion", "net worth"),
    ("The net worth of the family is $40 billion.", "$40 billion", "net worth"),
    ("The brand worth $2bn was sold.", "$2bn", "brand"),
    # a preposition in -ing is no verb; a statistic before a noun is no noun
    ("The average cost of an advert during the final rose to $7.5m.", "$7.5m", "average cost"),
    ("The median rent for a flat in the borough rose 9.1%.", "9.1%", "median rent"),
    # a participle in -ing that opens a clause after a comma: its object, before the link
    ("Lawmakers passed the budget, boosting school funding by 6.5%.", "6.5%", "school funding"),
    ("Bags cost 10p more from Monday, taking the charge to 30p.", "30p", "charge"),
    # a word that may be a verb is a noun before a change noun: regular pay growth
    ("Regular pay growth slowed to 6%.", "6%", "Regular pay growth"),
    ("Pay rose 0.3% in May, leaving wage growth at 4.3%.", "4.3%", "wage growth"),
    ("The fund bought more shares, lifting its stake to 12%.", "12%", "stake"),
    # a plan noun after an adjective is a noun before to; after an adverb, a verb
    (
        "The group lifted its annual forecast to ¥1.05 trillion.",
        "¥1.05 trillion",
        "annual forecast",
    ),
    ("Growth is widely forecast to reach 2%.", "2%", "Growth"),
    # a change verb's object, right before the change: the thing changed
    ("The board raised the quarterly dividend 8% to 54 cents.", "8%", "quarterly dividend"),
    ("The Fed raised rates 25 basis points.", "25 basis points", "rates"),
    ("It will lift the capacity from 24,500 to 30,000.", "from 24,500 to 30,000", "capacity"),
    ("Output hit a record 135 TWh.", "135 TWh", "Output"),
    # a noun that ends like an adjective still makes the word after it a verb
    ("The deal values Corby at about $5.6 billion.", "about $5.6 billion", "Corby"),
    # a multiple of a base is the subject's, not the base's
    ("The shares trade at 0.7 times book value.", "0.7 times", "shares"),
    ("Net debt is now 2.1 times earnings.", "2.1 times", "Net debt"),
    ("The flat now rents for £1,640 a month.", "£1,640 a month", "flat"),
]

#: An ordinal after a determiner opens the noun phrase; elsewhere it stays out.
ORDINALS: list[Row] = [
    ("The first phase will cost $2bn.", "$2bn", "first phase"),
    ("The rocket's first stage stands 70 metres tall.", "70 metres", "first stage"),
    ("Its second runway, which will cost £14bn, opens in 2031.", "£14bn", "second runway"),
    ("She made five 3-pointers in the first half.", "five", "3-pointers"),
    ("Denmark will deliver the first of its 19 F-16 jets.", "19", "F-16 jets"),
]

#: A group that opens the sentence after Of or Among: a value right after its comma counts it.
FRONTED_GROUPS: list[Row] = [
    ("Of the 2,914 people surveyed, 44% said potholes were their top concern.", "44%", "people"),
    ("Among teenagers who used social media daily, 27% reported anxiety.", "27%", "teenagers"),
    ("Of the 1,400 patients given the drug, 112 had serious side effects.", "112", "patients"),
    # a value with a subject of its own after the comma keeps it
    ("Among the day's decliners, Tessaro lost 3.1%.", "3.1%", "Tessaro"),
]

#: A price fronted by a preposition that opens the sentence: the subject after its comma.
FRONTED_PRICES: list[Row] = [
    ("At $1,299, the laptop is $200 cheaper than last year's model.", "$1,299", "laptop"),
    ("For £18, the lunch menu is a bargain.", "£18", "lunch menu"),
    # a pronoun names nothing; no comma, or mid-sentence, is no fronted price
    ("For $349, you get a lot of camera.", "$349", None),
    ("Is it worth it? At $1,499, probably not.", "$1,499", None),
    # words of [price_front] longer than one, and after an opening quote
    ("Priced at $349, the earbuds offer eight hours of playback.", "$349", "earbuds"),
    ("“Starting at £29,995, the base model has a 40 kWh battery.", "£29,995", "base model"),
    ("From €79 a month, the plan includes unlimited data.", "€79 a month", "plan"),
]

#: A takeover price: what it buys or values, not how it is paid.
TAKEOVERS: list[Row] = [
    (
        "Harwell agreed to buy Tilbury Crisps for $45 a share in cash.",
        "$45 a share",
        "Tilbury Crisps",
    ),
    (
        "The takeover values Arlo Systems at $18.50 a share in cash.",
        "$18.50 a share",
        "Arlo Systems",
    ),
    ("Its offer of 265p a share values Aspen Leisure at £2.7bn.", "£2.7bn", "Aspen Leisure"),
    ("The bid, which values Tesco at £25bn, was rejected.", "£25bn", "Tesco"),
    # a sum in cash, and values as a noun
    ("The campaign had $2.2 million in cash at the end of June.", "$2.2 million", "cash"),
    ("House values rose 5% to £290,000.", "5%", "House values"),
    ("Its market value topped $3tn.", "$3tn", "market value"),
]

#: A change noun after a value that a determiner opens is the noun after the number.
NAMED_CHANGES: list[Row] = [
    ("Bus drivers accepted a 14% rise over two years.", "14%", "rise"),
    ("Shoppers bought 12 million pies, a 9% fall on last year.", "9%", "fall"),
    ("Oil posted a 3% drop after the report.", "3%", "drop"),
    ("It was the second 25bp cut this year.", "25bp", "cut"),
    # a change of something named after in: the change, as outside annotators read it
    ("The firm posted a 6% decline in sales.", "6%", "decline"),
    ("Councillors approved a 4.99% rise in council tax.", "4.99%", "rise"),
    # no determiner: the change is the subject's verb
    ("Prices rose 3% and fell 2% the next day.", "2%", "Prices"),
]

#: Quotes: a sentence that ends inside one ends there; one that opens a sentence is no word.
QUOTES: list[Row] = [
    (
        "He told them to “keep their mouths shut.” The high jump bar was set at 2.37 m.",
        "2.37 m",
        "high jump bar",
    ),
    ('He said: "We will win." Sales rose 5% in May.', "5%", "Sales"),
    ("“Sales rose 5%,” she said.", "5%", "Sales"),
    ('"Sales rose 5%," she said.', "5%", "Sales"),
]

#: expect is a verb; a pronoun object stands for a thing the clause does not name.
EXPECTATIONS: list[Row] = [
    ("Analysts expect growth of 1.1% next year.", "1.1%", "growth"),
    ("Traders expect it to close above 5,000.", "above 5,000", None),
    ("The council raised it to 4.99% in April.", "4.99%", None),
    # but who pays after a verb of cost: the subject's cost
    ("Price cuts on its models cost it about €640m.", "about €640m", "Price cuts"),
    # a value a forecaster expects is given for comparison: no thing
    ("Revenue rose; analysts on average had expected $4.55 billion.", "$4.55 billion", None),
    ("Economists polled by Reuters expected 1.9%.", "1.9%", None),
    # a verb of forecasting before a noun and the value: that noun
    ("Arkwell forecast revenue between $4.6bn and $4.8bn.", "between $4.6bn and $4.8bn", "revenue"),
    # a size word after a determiner or an owner is a noun before of
    ("Forecasters expect a high of 34C on Saturday.", "34C", "high"),
    ("Tuesday's high of 31C was the warmest this year.", "31C", "high"),
]

#: A bounded value right after a noun, before a verb that is also a noun: the noun's.
QUALIFIED: list[Row] = [
    ("Checked bags over 23 kilograms cost extra.", "over 23 kilograms", "Checked bags"),
    ("Orders over $50 ship free.", "over $50", "Orders"),
    # a noun after the value, and an imperative before it, read as before
    ("Drizzle over 2 tbsp sesame oil.", "over 2 tbsp", "sesame oil"),
    ("The navy has 40 ships in the region.", "40", "ships"),
    # up to and between qualify a plural right before them, no participle's object
    ("The drug was safe at doses up to 40 mg.", "up to 40 mg", "doses"),
    ("Hailstones up to 8 centimetres across fell.", "up to 8 centimetres", "Hailstones"),
    ("Guidelines recommend between 5 and 8 years.", "between 5 and 8 years", None),
    ("Fares are capped, saving regular riders up to £600 a year.", "up to £600 a year", None),
]

#: Words that end a phrase after a value but open one before a noun.
OPENERS: list[Row] = [
    # a participle in -ing after a plural head opens a clause on it
    ("The number of people claiming benefits rose by 14,000.", "14,000", "people"),
    ("Women working full time earned £17.80 an hour.", "£17.80 an hour", "Women"),
    ("The firm has 3,000 paying customers.", "3,000", "paying customers"),
    ("The fastest lap was 1:21.5, set by Verstappen.", "1:21.5", "fastest lap"),
    # a size after a change, a value and a record is the subject's
    ("Emissions rose 1.1% to a record 37.4 billion tonnes.", "37.4 billion tonnes", "Emissions"),
    ("The team has lost four of its last five games.", "four", "games"),
    ("She won three of her first four races.", "three", "races"),
    # a verb's form right after an owner is a noun
    ("The Conservatives' vote share fell to 24%.", "24%", "vote share"),
    ("The party's vote fell 3% in the by-election.", "3%", "vote"),
    ("Chief executive Marta Lind's pay package rose to €8.4m.", "€8.4m", "pay package"),
    ("Overnight lows will fall to minus 12C.", "minus 12C", "Overnight lows"),
    ("Shares rose 5% overnight.", "5%", "Shares"),
    # a hyphenated word in -ing is an adjective, no verb of doing
    ("Staff will get a £1,500 cost-of-living payment.", "£1,500", "cost-of-living payment"),
    ("The firm spent $5bn buying shares.", "$5bn", None),
    # a level after a comma and to an average of: the change's subject
    ("Rents rose 9.3% in the year, to an average of £1,245 a month.", "£1,245 a month", "Rents"),
]

ROWS = [
    *QUALIFIED,
    *EXPECTATIONS,
    *QUOTES,
    *OPENERS,
    *NAMED_CHANGES,
    *RELATIVE,
    *FRONTED,
    *PRICING,
    *SHARED,
    *PAYEES,
    *NAMES,
    *WORDS,
    *ORDINALS,
    *TAKEOVERS,
    *FRONTED_PRICES,
    *FRONTED_GROUPS,
]


@pytest.mark.parametrize(
    ("sentence", "text", "entity"), ROWS, ids=[f"{r[0]} [{r[1]}]" for r in ROWS]
)
def test_entity_and_span(sentence: str, text: str, entity: str | None) -> None:
    """The entity is the expected phrase as written, at its last place before the quantity."""
    assert quantity_entity(sentence, text) == (entity, entity_span_near(sentence, text, entity))
