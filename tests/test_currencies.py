"""Every currency: ISO codes in any case, CLDR names and symbols, minor units, compound amounts.

The vocabulary is data/generated/currencies.txt (``make currencies``, from CLDR)
joined with the hand-written data/currencies.txt; see tests/test_currency_table.py
for the tables themselves.  Rows are grouped by where the form comes from.
"""

from __future__ import annotations

import pytest

from helpers import assert_span, close, only
from numclaims import Options, parse_quantities

# (sentence, span, value, ISO code)
CODES = [
    # a code after the number in any case, before it in upper case
    ("Shipping adds 15 usd to every order.", "15 usd", 15.0, "USD"),
    ("A single ticket is 12 Usd at the gate.", "12 Usd", 12.0, "USD"),
    ("Parking costs 3 eur in the old town.", "3 eur", 3.0, "EUR"),
    ("The vendor charged 350 HUF for a roll.", "350 HUF", 350.0, "HUF"),
    ("Rents rose to CZK 18,000 in the capital.", "CZK 18,000", 18000.0, "CZK"),
    ("The bond pays KES 1,000 to each holder.", "KES 1,000", 1000.0, "KES"),
    ("The budget sets aside 2.4 billion PLN for rail.", "2.4 billion PLN", 2.4e9, "PLN"),
    # historic codes, in upper case
    ("The car listed at DEM 38,000 in 1998.", "DEM 38,000", 38000.0, "DEM"),
    ("The painting fetched FRF 2 million.", "FRF 2 million", 2e6, "FRF"),
    ("Old invoices show 12,500 NLG for it.", "12,500 NLG", 12500.0, "NLG"),
    # magnitude codes and a code before its scale
    ("The order book stands at 30 MUSD.", "30 MUSD", 3e7, "USD"),
    ("Net sales reached 120 MEUR in the period.", "120 MEUR", 1.2e8, "EUR"),
    ("Each engineer costs 150 kUSD.", "150 kUSD", 1.5e5, "USD"),
    ("Operating profit was 85 MSEK.", "85 MSEK", 8.5e7, "SEK"),
    ("The refinery deal is worth 75 USD million.", "75 USD million", 7.5e7, "USD"),
    ("The ministry approved 40 EUR billion in guarantees.", "40 EUR billion", 4e10, "EUR"),
]

NAMES = [
    # CLDR names and plurals
    ("A coffee costs 45 Danish kroner.", "45 Danish kroner", 45.0, "DKK"),
    ("Nurses earn 38,000 Swedish kronor.", "38,000 Swedish kronor", 38000.0, "SEK"),
    ("The beer was 60 Czech korunas.", "60 Czech korunas", 60.0, "CZK"),
    ("In 1999 the flat rented for 1,200 German marks.", "1,200 German marks", 1200.0, "DEM"),
    ("A baguette cost 4 French francs then.", "4 French francs", 4.0, "FRF"),
    ("The pub sold pints for 2 Irish pounds.", "2 Irish pounds", 2.0, "IEP"),
    ("A room was 25,000 Icelandic krónur.", "25,000 Icelandic krónur", 25000.0, "ISK"),
    ("The loan totalled 3 billion Egyptian pounds.", "3 billion Egyptian pounds", 3e9, "EGP"),
    ("A cab across Lima is 20 Peruvian soles.", "20 Peruvian soles", 20.0, "PEN"),
    ("The road cost 80 billion Vietnamese dong.", "80 billion Vietnamese dong", 8e10, "VND"),
    # the last word of a name, where it names one currency
    ("A flat in Madrid cost 9 million pesetas.", "9 million pesetas", 9e6, "ESP"),
    ("Helsinki trams once cost 10 markka a ride.", "10 markka", 10.0, "FIM"),
    ("The stamp was priced at 5 markkas.", "5 markkas", 5.0, "FIM"),
    ("The loaf costs 6 zlotys at the bakery.", "6 zlotys", 6.0, "PLN"),
    ("A museum ticket is 25 zloty for adults.", "25 zloty", 25.0, "PLN"),
    ("Entry costs 2,000 forints on weekends.", "2,000 forints", 2000.0, "HUF"),
    ("Street food starts at 50 baht.", "50 baht", 50.0, "THB"),
    ("The stall charges 8 ringgit for laksa.", "8 ringgit", 8.0, "MYR"),
    ("A taverna dinner was 3,000 drachmas.", "3,000 drachmas", 3000.0, "GRD"),
    ("Fuel subsidies cost 4 trillion naira.", "4 trillion naira", 4e12, "NGN"),
    ("Bread is 10 rand at the shop.", "10 rand", 10.0, "ZAR"),
    ("A bowl of noodles is 18 yuan.", "18 yuan", 18.0, "CNY"),
    # the hand vocabulary: what CLDR lacks
    ("The ferry fare was 300 Danish crowns.", "300 Danish crowns", 300.0, "DKK"),
    ("The factory was valued at 4 billion renminbi.", "4 billion renminbi", 4e9, "CNY"),
]

SYMBOLS = [
    # CLDR symbols of every locale, before the number
    ("The deal is valued at $US 4 billion.", "$US 4 billion", 4e9, "USD"),
    ("The miner booked a profit of $A 1.3 billion.", "$A 1.3 billion", 1.3e9, "AUD"),
    ("The airline lost AU$ 200 million.", "AU$ 200 million", 2e8, "AUD"),
    ("Butter now costs NZ$ 8 a block.", "NZ$ 8", 8.0, "NZD"),
    ("A hawker meal costs S$ 5 on average.", "S$ 5", 5.0, "SGD"),
    ("Nasi lemak costs RM 6 at the stall.", "RM 6", 6.0, "MYR"),
    ("The minimum wage is Rp 5 million.", "Rp 5 million", 5e6, "IDR"),
    ("A jeepney ride costs ₱ 13 in Manila.", "₱ 13", 13.0, "PHP"),
    ("Coffee is ₡ 1,500 in most cafés.", "₡ 1,500", 1500.0, "CRC"),
    ("Bread prices climbed to ₦ 1,200 a loaf.", "₦ 1,200", 1200.0, "NGN"),
    ("The startup raised NIS 40 million.", "NIS 40 million", 4e7, "ILS"),
    ("Farmers received Ksh 50 for the crop.", "Ksh 50", 50.0, "KES"),
    ("The stall asks NT$ 80 for a drink.", "NT$ 80", 80.0, "TWD"),
    ("The rent rose to ₺ 20,000.", "₺ 20,000", 20000.0, "TRY"),
    # the hand vocabulary's country forms
    ("Office rents are HK $ 95 a month.", "HK $ 95 a month", 95.0, "HKD"),
    ("The pipeline will cost C$ 21 billion.", "C$ 21 billion", 2.1e10, "CAD"),
    # after the number
    ("The pierogi cost 28 zł at the market.", "28 zł", 28.0, "PLN"),
    ("Beer costs 55 Kč in a Prague pub.", "55 Kč", 55.0, "CZK"),
    ("Lunch was 15$ at the food truck.", "15$", 15.0, "USD"),
    ("The menu lists the soup at 7€.", "7€", 7.0, "EUR"),
]

BY_COUNTRY = [
    # a surface several currencies share, settled by the country named nearby
    ("A beer in a Copenhagen bar costs 60 kroner.", "60 kroner", 60.0, "DKK"),
    ("The Oslo museum charges 150 kroner for adults.", "150 kroner", 150.0, "NOK"),
    ("Norway's fund lost 400 billion kroner.", "400 billion kroner", 4e11, "NOK"),
    ("Copenhagen is dear, but in Oslo a taxi is 300 kroner.", "300 kroner", 300.0, "NOK"),
    ("The fine for littering is 500 kroner.", "500 kroner", 500.0, "DKK"),  # the default
    ("A Swedish retailer sells the lamp for 450 kr.", "450 kr", 450.0, "SEK"),
    ("In Stockholm a coffee now costs kr 45.", "kr 45", 45.0, "SEK"),
    ("Danish bakeries charge 12 kr for a roll.", "12 kr", 12.0, "DKK"),
    ("Johannesburg commuters pay R 25 for a ride.", "R 25", 25.0, "ZAR"),
    ("The South African chain cut the kettle to R499.", "R499", 499.0, "ZAR"),
    ("The Treasury in Pretoria set aside R1.5 billion.", "R1.5 billion", 1.5e9, "ZAR"),
    ("A Zambian farmer sold the maize for K5,000.", "K5,000", 5000.0, "ZMW"),
    ("Fees in Port Moresby rose to K 120.", "K 120", 120.0, "PGK"),
]

MINOR_AND_COMPOUND = [
    ("A packet of sweets is 90 sen.", "90 sen", 0.9, "MYR"),
    ("The toll went up by 50 paise.", "50 paise", 0.5, "INR"),
    ("A box of matches was 80 kopecks.", "80 kopecks", 0.8, "RUB"),
    ("The bus fare was 50 kobo in Lagos.", "50 kobo", 0.5, "NGN"),
    ("The post office launched a 12-cent stamp.", "12-cent", 0.12, "USD"),
    ("The sandwich cost 3 dollars 50 cents.", "3 dollars 50 cents", 3.5, "USD"),
    ("He paid 7 dollars and 25 cents for it.", "7 dollars and 25 cents", 7.25, "USD"),
    ("The fare was 2 pounds 40 pence.", "2 pounds 40 pence", 2.4, "GBP"),
    ("Postage came to 4 euros 20 cents.", "4 euros 20 cents", 4.2, "EUR"),
    ("It was $3 and 50 cents.", "$3 and 50 cents", 3.5, "USD"),
]


@pytest.mark.parametrize(
    ("sentence", "span", "value", "code"),
    CODES + NAMES + SYMBOLS + BY_COUNTRY + MINOR_AND_COMPOUND,
)
def test_currency(sentence: str, span: str, value: float, code: str) -> None:
    """The amount comes out as money in its currency, with its value and exact span."""
    quantity = only(sentence)
    assert (quantity.kind, quantity.unit) == ("money", code)
    assert close(quantity.value, value)
    assert_span(sentence, quantity, span)


def test_dollar_after_the_number_follows_options() -> None:
    """A bare ``$`` after the number is Options.dollar, as before it."""
    found = parse_quantities("Lunch was 15$ in Montreal.", options=Options(dollar="CAD"))
    assert [(q.text, q.unit) for q in found] == [("15$", "CAD")]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # codes that are English words or acronyms: no money
        ("Here are our TOP 10 picks for the summer.", []),
        ("ALL 3 bridges were closed.", [("3", "number", None)]),
        ("She was named the 2023 MVP of the league.", []),
        ("Patch the 2024 CVE before Friday.", []),
        ("Add 2 cup of flour and stir.", [("2 cup", "measure", "cup")]),
        ("The ESP32 board costs $5.", [("$5", "money", "USD")]),
        # a word code glued to digits names a summit or a grade; with a space it is money
        ("The COP28 talks ended; fees were COP 5,000.", [("COP 5,000", "money", "COP")]),
        ("The RON95 pump broke.", []),
        # a shared surface with no country named nearby: a symbol is none, kr is none
        ("It costs R 500 at the shop.", [("500", "number", None)]),
        ("She loves R&B and keeps an R2-D2 toy.", []),
        ("Nissan showed the R35 at the motor show.", []),
        ("In Cape Town the CAR 5 ran late.", []),
        ("The lamp cost 450 kr.", [("450", "number", None)]),
        ("Near Oslo he saw 450 kraken.", [("450", "number", None)]),
        # K before a number is a currency only by country; after one it is thousands
        ("The Lusaka firm hired 5K workers.", []),
        (
            "In Lusaka a loan of K5,000 and $5K more.",
            [("K5,000", "money", "ZMW"), ("$5K", "money", "USD")],
        ),
        ("The K-12 schools in Zambia reopened.", []),
        # a K the unit before took (kelvin) is no symbol of the next number, even in Zambia
        (
            "Near Lusaka the probe was cooled to 4 K 12 times.",
            [("4 K", "measure", "kelvin"), ("12", "number", None)],
        ),
        # upper-only codes in lower case, and name words that are English words
        ("Give it 5 try and see.", [("5", "number", None)]),
        ("She lost 5 marks for spelling.", [("5", "number", None)]),
        ("The answer was 3 real numbers.", [("3", "number", None)]),
        # two amounts, not one: the second is no minor unit, or a symbol of the next number
        ("It was $3 and $0.50 later.", [("$3", "money", "USD"), ("$0.50", "money", "USD")]),
        ("She paid 5 $10 bills.", [("5", "number", None), ("$10", "money", "USD")]),
    ],
)
def test_not_money(sentence: str, found: list[tuple[str, str, str | None]]) -> None:
    """A code, name or symbol that is also an English word or acronym is no currency."""
    assert [(q.text, q.kind, q.unit) for q in parse_quantities(sentence)] == found
