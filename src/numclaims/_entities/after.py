"""The noun phrase after a quantity: ``647 tanks have been destroyed`` -> ``tanks``.

The reader skips ``more``, ``worth of``, ``of the``, a possessor (``of the
town's``), a comparative (``a 20% higher risk``) and a hyphenated counter
(``400-page``), then takes the noun phrase up to a closed-class word, a
verb or punctuation.  For an amount given by a verb of spending, it takes
the thing after the verb's preposition instead: ``spent £1.5bn on
transfers`` -> ``transfers``.
"""

from __future__ import annotations

from functools import cache

import regex

from numclaims._entities.purposes import compared, purpose_link
from numclaims._entities.tokens import next_word, previous_word
from numclaims._entities.words import (
    MAX_WORDS,
    POSSESSIVE,
    ends_phrase,
    gerund,
    modifies,
    noun_like,
    plural,
    premodifier,
)
from numclaims._lexicon import change_words, entity_words, per_units
from numclaims._normalise import is_time
from numclaims._scan import Atom
from numclaims._text import KEEP_GIL, SPACE, SPACES, WORD_REACH, ahead, behind

__all__ = ["entity_after"]

#: How far after a quantity a counter (``-page``), a count or ``in`` may reach.
_COUNTER_REACH = 24
#: How far after a fraction in words its article may reach (``half a lemon``).
_ARTICLE_REACH = 8
#: The dimensions of an amount of a stuff, which a word in -ing may describe (baking soda).
_AMOUNTS = frozenset({"mass", "volume"})

#: A word of the phrase, after spaces: letters, digits, apostrophes, inner hyphens and ``&``.
_WORD = regex.compile(
    rf"""
    {SPACE}+
    (?P<word>
      (?: \p{{L}} | \d+-\p{{L}} )          # a letter, or a number glued to a word (10-year)
      (?: [\p{{L}}0-9'’\-&]* [\p{{L}}0-9] )?  # then letters, digits, ', - and &, ending in none
      (?: ['’] (?<= s ['’] ) )?             # but a plural's possessive: tenants'
    )
    (?= [^\w\-] | $ )                       # and the word ends there
    """,
    regex.VERBOSE,
)
#: (The possessive's mark is matched before the ``s`` is looked for behind it: the
#: same words, but most words are followed by no mark, and the match fails at once.)
#: The number of ``_WORD``'s group ``word``: a group read by its number costs a third
#: of one read by name, and the phrase reader reads a few per quantity.
_WORD_GROUP: int = _WORD.groupindex["word"]
#: The next word or mark, after any spaces (what follows the last word read).
_NEXT = regex.compile(rf"{SPACE}* ( [\w'’\-]+ | [^\w\s] )", regex.VERBOSE)
#: ``of`` and its spaces right before a phrase (read backwards from its start).
_OF_BEFORE = regex.compile(rf"(?r)(?<!\w)of{SPACE}+", regex.IGNORECASE)
#: Room for ``of`` and a few spaces.
_OF_BEFORE_REACH = 8
#: The link of a rate by a time to what the time is of: ``per hour of engaged time``.
_OF = "of"
#: A hyphenated counter glued to a number: ``a 400-page report``, ``a 40-year-old``.
_HYPHEN = "-"
_HYPHEN_COUNTER = regex.compile(rf"{_HYPHEN}[a-z]+ (?:-old)? (?={SPACE})", regex.VERBOSE)
#: The article of a fraction in words: ``half a lemon``.
_ARTICLE = regex.compile(rf"{SPACE}+ (?i:an?) (?={SPACE})", regex.VERBOSE)
#: A count after a possessor, which the noun after it counts: ``11 of India's 36 regions``.
_COUNT = regex.compile(rf"{SPACE}+ \d[\d,.]* (?={SPACE})", regex.VERBOSE)
#: ``$5bn in revenue``, but not ``£8.6bn in net terms``.
_IN_NOUN = regex.compile(
    rf"""
    {SPACE}+ in
    (?= {SPACE}+ [a-z] )                            # a word in lower case follows
    (?! {SPACE}+ (?: [a-z]+ {SPACE}+ )? terms \b )  # but no manner: in (real) terms
    (?!                                             # nor a place: in central London
      {SPACE}+ [a-z]+ (?: {SPACE}+ \p{{Lu}}[\w'’-]* )+
      (?! {SPACE}* [\w'’-] )                        # with no word of its own after it
    )
    """,
    regex.VERBOSE,
)
#: What ``_WORD`` and ``_skip_pattern`` open with (``SPACE``).  Where none follows,
#: they are not tried (a screen: many quantities and words are followed by a mark).
_WORD_OPENS: tuple[str, ...] = SPACES


@cache
def _of_the_number() -> regex.Pattern[str]:
    """The count of a whole after ``of the``: ``31 of the 38 drones``, ``of its last five``."""
    return regex.compile(
        rf"""
        (?<= \b (?: \L<ofs> ) )                         # right after a skipped of-phrase
        {SPACE}+
        (?: (?i: more | fewer | less ) \  than \  )?      # more than
        (?: (?i: \L<openers> ) {SPACE}+ )?                 # its last five games
        (?: \d[\d,.]* | (?i: \L<counts> ) )                # a count in digits or words
        (?= {SPACE} )
        """,
        regex.VERBOSE,
        counts=entity_words().count_words,
        openers=sorted(entity_words().whole_openers),
        ofs=[w for w in entity_words().skip if w.split()[0] == "of"],
    )


@cache
def _skip_pattern() -> regex.Pattern[str]:
    """The words between a quantity and its noun: ``worth of``, ``of the``, ``more``.

    A change noun is no such word: it is the noun (``a 4.99% rise in council
    tax`` is a rise).
    """
    words = entity_words()
    return regex.compile(
        rf"(?: {SPACE}+ (?i:\L<skip>) \b )+",  # worth of; more; of the
        regex.VERBOSE,
        skip=sorted(words.skip, key=len, reverse=True),
    )


def entity_after(atom: Atom, text: str) -> tuple[int, int] | None:
    """The noun phrase after the quantity, or after the preposition of its verb of spending.

    ``of`` after a rate by a time says what the time is of (``$32.50 per hour
    of engaged time``): no phrase after it is the amount's (but ``Ksh 50 per
    kilo of tea`` prices the tea).
    """
    pos = _phrase_start(atom, text)
    found = None if _timed_rate(atom, text, pos) else _phrase_after(atom, text, pos)
    if found is None and (pos == atom.end or text.startswith(compared(), atom.end)):
        link = purpose_link(atom, text)
        if link is not None:
            found = _phrase_after(atom, text, link)  # spent £1.5bn on transfers
    return found


def _timed_rate(atom: Atom, text: str, pos: int) -> bool:
    """True for ``of`` after an amount per a unit of time: ``$32.50 per hour of``."""
    if atom.per is None or pos == atom.end or next_word(text, atom.end) != _OF:
        return False
    return atom.per.rsplit(" / ", 1)[-1] in _time_units()


@cache
def _time_units() -> frozenset[str]:
    """The units a rate may be counted per that are times (``hour``, ``year``)."""
    return frozenset(unit for unit in per_units().values() if is_time(unit))


def _phrase_start(atom: Atom, text: str) -> int:
    """Where the phrase after the quantity may start: past a counter and the words skipped."""
    pos = atom.end
    if atom.kind == "number" and text.startswith(_HYPHEN, pos):  # what the counter opens with
        counter = _HYPHEN_COUNTER.match(text, pos, pos + _COUNTER_REACH, KEEP_GIL)
        pos = counter.end() if counter is not None else pos  # a 400-page report
    if text.startswith(_WORD_OPENS, pos):
        skipped = _skip_pattern().match(text, pos, pos + WORD_REACH, KEEP_GIL)
        if skipped is not None:
            counted = ahead(_of_the_number(), text, skipped.end(), WORD_REACH)
            # 31 of the 38 drones; 99% of the more than 300 missiles
            return counted.end() if counted is not None else skipped.end()
    lead = _lead_in(atom, text, pos)
    return lead.end() if lead is not None else pos


def _lead_in(atom: Atom, text: str, pos: int) -> regex.Match[str] | None:
    """A word that leads from the quantity to its noun: ``in`` after an amount, an article."""
    if atom.kind == "money":
        lead = ahead(_IN_NOUN, text, pos, _COUNTER_REACH)  # $5bn in revenue
        # but not where, when or how it is paid: $200 in stores, £5bn in total
        return None if lead is None or _setting(atom, next_word(text, lead.end())) else lead
    if atom.form == "words" and atom.value is not None and atom.value < 1:
        return ahead(_ARTICLE, text, pos, _ARTICLE_REACH)  # half a lemon
    return None


def _setting(atom: Atom, word: str) -> bool:
    """True for a word after ``in`` that says where or how an amount is paid (``in stores``).

    Behind a price per unit, the form of payment is one too (``$45 a share in cash``).
    """
    words = entity_words()
    return word in words.in_settings or (atom.per is not None and word in words.rate_settings)


#: A word read after a quantity, its text, the word after it (None where a mark or
#: the end of the text follows) and that word's text (else the mark's, or "").
_Reading = tuple[regex.Match[str], str, regex.Match[str] | None, str]


def _phrase_after(atom: Atom, text: str, pos: int) -> tuple[int, int] | None:
    """The noun phrase that starts after ``pos``, behind the quantity."""
    first = _first_word(atom, text, pos)
    if first is None:
        return None
    match, word, after, nxt = first
    start = end = -1
    taken = 0
    previous = ""
    while True:
        if word == "and" and taken and not plural(previous) and _coordinated(text, match.end()):
            pass  # civilian and military support
        elif ends_phrase(word, taken, nxt, previous) and not (
            _noun_first(atom, text, word, match.start(_WORD_GROUP), pos)
            if not taken
            else _activity(word, previous, text, start)
        ):
            break
        else:
            start = match.start(_WORD_GROUP) if start < 0 else start
            end = match.end(_WORD_GROUP)
            previous = word
            taken += 1
        if after is None or taken >= MAX_WORDS:
            break
        match, word = after, nxt
        after, nxt = _following(text, match.end())
    return _phrase_span(start, end, taken, previous)


def _acted(word: str, following: str) -> bool:
    """True for a verb in -ed right after a count, before a name or a determiner."""
    lower = word.lower()
    if not lower.endswith("ed") or lower in entity_words().ed_nouns:
        return False
    return following[:1].isupper() or following.lower() in entity_words().determiners


def _phrase_span(start: int, end: int, taken: int, last: str) -> tuple[int, int] | None:
    """The span read, if any; none for an adjective or an adverb alone.

    ``4 times more likely to``; ``weigh 640 tonnes fully loaded``.
    """
    words = entity_words()
    lower = last.lower()
    if start < 0 or (taken == 1 and lower.endswith("ly") and lower not in words.ly_nouns):
        return None
    return start, end


def _noun_first(atom: Atom, text: str, word: str, start: int, pos: int) -> bool:
    """True for a verb's form that opens the phrase as a noun: ``of the vote``, ``1,873 votes``.

    So is one after a link (``£150 million of trade a week``), and a word in
    -ing after ``of`` (``eight hours of listening``).
    """
    return (
        (gerund(word) and _names_activity(atom, text, start))
        or _noun_after_determiner(text, word, start)
        or _counted_noun(atom, word, pos)
        or _named_change(atom, text, word, pos)
        or (pos > atom.end and _open_verb(word.lower()))
    )


def _open_verb(lower: str) -> bool:
    """True for a verb that is also a noun and no closed-class word (``trade``, not ``last``)."""
    words = entity_words()
    return lower in words.ambiguous_verbs and lower not in words.stop


def _named_change(atom: Atom, text: str, word: str, pos: int) -> bool:
    """True for a change noun after a value that a determiner opens: ``a 14% rise over``.

    So is a verb that is also a noun after a value an article opens: ``a £65
    charge each way``.
    """
    if pos != atom.end:
        return False
    lower = word.lower()
    words = entity_words()
    if lower not in change_words().nouns:
        return _open_verb(lower) and previous_word(text, atom.start) in words.articles
    before = previous_word(text, atom.start)
    return before in words.determiners or before in words.ordinals  # the second 25bp cut


def _counted_noun(atom: Atom, word: str, pos: int) -> bool:
    """True for a verb that is also a noun right after a count: ``by 1,873 votes``.

    Not a closed-class word: ``38.6 million last year``.
    """
    return atom.kind == "number" and pos == atom.end and _open_verb(word.lower())


def _names_activity(atom: Atom, text: str, start: int) -> bool:
    """True where a word in -ing at ``start`` is a noun: after ``of`` or a hyphenated measure.

    ``eight hours of listening``; ``the 90-minute crossing``.
    """
    if _after_of(text, start):
        return True
    return _HYPHEN in text[atom.num_end : atom.end] and not text[atom.end : start].strip()


def _after_of(text: str, start: int) -> bool:
    """True for ``of`` and spaces right before ``start``."""
    return behind(_OF_BEFORE, text, start, _OF_BEFORE_REACH) is not None


def _activity(word: str, previous: str, text: str, start: int) -> bool:
    """True for a word in -ing after ``of`` that heads the phrase: ``of assisted riding``.

    Only after an adjective (``of unlimited streaming``); after a noun it
    opens a clause (``of the budget going to``, ``of workers earning``).
    """
    if not gerund(word) or not _after_of(text, start):
        return False
    return previous.lower().endswith("ed") or not noun_like(previous)


def _noun_after_determiner(text: str, word: str, start: int) -> bool:
    """True for a word of the verb list right after a determiner: ``of the vote``."""
    words = entity_words()
    lower = word.lower()
    if lower not in words.verbs or lower in words.auxiliaries:
        return False  # most words
    return previous_word(text, start) in words.determiners


def _first_word(atom: Atom, text: str, pos: int) -> _Reading | None:
    """The word after ``pos`` that may open the phrase, and what follows it.

    Passes over a possessor and the count after it (``40% of the town's
    buildings``, ``11 of India's 36 regions``) and a comparative right after
    the quantity (``a 20% higher risk``); None where a verb in -ing follows a
    measure instead (``spent $5bn buying shares``).
    """
    linked = pos > atom.end  # by "of", "worth of", "in": a noun follows, not a verb
    possessor = False
    match = None
    if text.startswith(_WORD_OPENS, pos):
        match = _WORD.match(text, pos, pos + WORD_REACH, KEEP_GIL)
    while match is not None:
        word = match.group(_WORD_GROUP)
        after, nxt = _following(text, match.end())
        if word.endswith(POSSESSIVE) and not possessor:
            possessor = True
            count = ahead(_COUNT, text, match.end(), _COUNTER_REACH)
            match = ahead(_WORD, text, count.end(), WORD_REACH) if count else after
        elif linked:
            return match, word, after, nxt
        elif atom.kind != "number" and gerund(word) and not _measured_out(atom, nxt):
            if _names_activity(atom, text, match.start(_WORD_GROUP)):
                return match, word, after, nxt  # the 90-minute crossing
            return None  # spent $5bn buying shares; three hours answering questions
        elif premodifier(word, nxt):
            linked = True  # a 20% higher risk
            match = after
        elif atom.kind == "number" and _acted(word, nxt):
            return None  # A crowd of 31,208 watched Ashford City: the count's verb
        else:
            return match, word, after, nxt
    return None


def _measured_out(atom: Atom, following: str) -> bool:
    """True for an amount of a stuff, whose kind a word in -ing names: ``2 tsp baking powder``."""
    return atom.dimension in _AMOUNTS and modifies(following)


def _following(text: str, pos: int) -> tuple[regex.Match[str] | None, str]:
    """The word after ``pos``, and its text; else no word, and the mark there ("" at the end)."""
    if text.startswith(_WORD_OPENS, pos):
        after = _WORD.match(text, pos, pos + WORD_REACH, KEEP_GIL)
        if after is not None:
            return after, after.group(_WORD_GROUP)
    mark = _NEXT.match(text, pos, pos + WORD_REACH, KEEP_GIL)
    return None, mark.group(1) if mark is not None else ""


def _coordinated(text: str, pos: int) -> bool:
    """True when two plain nouns follow ``pos``: ``(civilian and) military support``."""
    first = ahead(_WORD, text, pos, WORD_REACH)
    second = ahead(_WORD, text, first.end(), WORD_REACH) if first is not None else None
    return (
        first is not None
        and second is not None
        and modifies(first.group(_WORD_GROUP))
        and modifies(second.group(_WORD_GROUP))
    )
