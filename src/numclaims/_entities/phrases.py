"""Noun phrases among the tokens before a quantity: from a start, before an end, before ``of``.

The clause readers (``clauses``) find where a phrase starts or ends; these
readers take the words of the phrase itself: past determiners and
possessives, up to a closed-class word, a verb or punctuation, keeping the
numbers that belong to a name (``the FTSE 100``, ``10-year bond yields``).
"""

from __future__ import annotations

from functools import cache

import regex

from numclaims._entities.tokens import TextContext, Token
from numclaims._entities.words import (
    MAX_WORDS,
    POSSESSIVE,
    compound_head,
    ends_phrase,
    gerund,
    is_verb,
    modifies,
    owner,
    plural,
    premodifier,
)
from numclaims._lexicon import cardinal_words, change_words, entity_words, number_words
from numclaims._scan import Atom
from numclaims._text import KEEP_GIL, SPACE, behind

__all__ = ["OPENING_QUOTES", "aged", "entity_of", "label", "phrase_at", "phrase_before"]

#: How far before a quantity its label may start (``Cook time: 1 hour``).
_LABEL_REACH = 40
#: How far before an age the person may start (``The ambassador, who is 58``).
_AGED_REACH = 48
#: How far before a quantity a noun and its of-link may start (``revenue of $5bn``).
_OF_REACH = 60
#: How far before a quantity a label's colon may stand (``time: 1 hour``).
_COLON_REACH = 4
#: How many words a person's name or title before an age may have.
_AGED_WORDS = 3
#: The mark after a label: a label is read only where one stands within ``_COLON_REACH``.
_LABEL_MARK = ":"
#: The colon after a label, right before the quantity: ``Cook time: 1 hour``.
_COLON = regex.compile(
    rf"""(?r)
    (?<=[A-Za-z]) {_LABEL_MARK}   # a colon right after a word
    {SPACE}* $        # then only spaces up to the quantity
    """,
    regex.VERBOSE,
)
#: A year before a noun, read like a determiner: ``its 2025 budget``.
_YEAR = regex.compile(r"1[89]\d\d|20\d\d")


def phrase_at(
    tokens: list[Token], i: int, following: list[str], limit: int | None = None
) -> tuple[int, int] | None:
    """The noun phrase starting at token ``i``, after determiners and possessives.

    ``following[i]`` is the word after token ``i``; the phrase ends before
    token ``limit`` (or with the tokens).
    """
    end = len(tokens) if limit is None else limit
    first = i = _past_determiners(tokens, i, end, following)
    numbers = 0  # numbers inside a name do not count as words: the FTSE 100
    while i < end and i - first - numbers < MAX_WORDS:
        step = _phrase_step(tokens, i, first, end, following)
        if step is None:
            break
        if tokens[i].word.endswith(POSSESSIVE):
            first = i + 1  # the chief executive's total pay package
        i += step[0]
        numbers += step[1]
    if i == first:
        return None
    if i - first == 1 and i + 1 < end and _counts_of(tokens[first].word, tokens[i].word):
        return phrase_at(tokens, i + 1, following, limit)  # the number of people
    return tokens[first].start, tokens[i - 1].end


#: Quotes that may open a quoted sentence before its subject.
OPENING_QUOTES = frozenset("\"'“‘«")


def _past_determiners(tokens: list[Token], i: int, end: int, following: list[str]) -> int:
    """The first token from ``i`` that is no determiner, possessive or year before a word."""
    determiners = entity_words().determiners
    while (
        i < end
        and (
            tokens[i].word.lower() in determiners
            or tokens[i].word in OPENING_QUOTES  # “Sales rose 5%,” she said
            or tokens[i].word.endswith(POSSESSIVE)
            or (
                _YEAR.fullmatch(tokens[i].word, None, None, KEEP_GIL) is not None
                and following[i][:1].isalpha()
            )
            or _count_after_determiner(tokens, i, following[i])
        )
    ):
        i += 1
    return i


def _count_after_determiner(tokens: list[Token], i: int, following: str) -> bool:
    """True for a number word after a determiner and before a word: ``The two probes each``."""
    if not i or tokens[i - 1].word.lower() not in entity_words().determiners:
        return False
    return tokens[i].word.lower() in cardinal_words() and following[:1].isalpha()


#: What one step of :func:`phrase_at` takes: (tokens, how many of them are numbers).
_A_WORD = (1, 0)
_A_NUMBER_IN_A_NAME = (1, 1)  # the FTSE 100
_A_HYPHENATED_NUMBER = (3, 2)  # 10-year: three tokens, one word
_A_COUNTER_WORD = (1, 1)  # two-year: a count of its own, which the entity leaves out


def _phrase_step(
    tokens: list[Token], i: int, first: int, end: int, following: list[str]
) -> tuple[int, int] | None:
    """What token ``i`` adds to the phrase that starts at ``first``; None where it ends it."""
    word = tokens[i].word
    if word[:1].isdigit():
        if word.isdigit() and i > first and _names_number(tokens[i - 1].word, following[i]):
            return _A_NUMBER_IN_A_NAME
        if _hyphenated(tokens, i, end):
            return _A_HYPHENATED_NUMBER  # Italian 10-year bond spreads; a 2,400-seat arena
        return None
    if not word[:1].isalpha():
        return None
    return _word_step(tokens, i, first, end, following)


def _word_step(
    tokens: list[Token], i: int, first: int, end: int, following: list[str]
) -> tuple[int, int] | None:
    """What the word at token ``i`` adds to the phrase that starts at ``first`` (None: it ends)."""
    word = tokens[i].word
    if i == first and _named_action(tokens, i, word):
        return _A_WORD  # The restructuring will cost $300m: a noun after its determiner
    if i == first and _ordinal_opens(tokens, i, word, following[i]):
        return _A_WORD  # its first stage stands 70 metres tall
    if "-" in word and word.partition("-")[0].lower() in cardinal_words():
        return _A_COUNTER_WORD  # the average two-year fixed mortgage rate: a quantity of its own
    if word == "and" and i > first and i + 2 < end and _joins_nouns(tokens, i):
        return _A_WORD  # Research and development spending
    if _ends_at(tokens, i, first, following[i]):
        return None
    return _A_WORD


def _ends_at(tokens: list[Token], i: int, first: int, following: str) -> bool:
    """True where token ``i`` ends the phrase that starts at ``first``.

    A participle in -ing after a plural head opens a clause on it (``the number
    of people claiming benefits``).
    """
    word = tokens[i].word
    if i > first and gerund(word) and plural(tokens[i - 1].word):
        return True
    if i > first and compound_head(tokens[i - 1].word, word):
        return False  # Her net worth
    return ends_phrase(word, i - first, following) and not premodifier(word, following)


def _named_action(tokens: list[Token], i: int, word: str) -> bool:
    """True for a word in -ing right after a determiner, or a verb's form after an owner: a noun.

    ``The restructuring will cost $300m``; ``The party's vote fell 3%``.
    """
    if not i:
        return False
    words = entity_words()
    before = tokens[i - 1].word
    if owner(before):
        lower = word.lower()
        return lower in words.verbs and lower not in words.auxiliaries
    if before.lower() in words.articles and word.lower() in words.ambiguous_verbs:
        return True  # taking the charge to 30p
    return gerund(word) and before.lower() in words.determiners


def _ordinal_opens(tokens: list[Token], i: int, word: str, following: str) -> bool:
    """True for an ordinal after a determiner and before a noun: ``The first phase``.

    Not before a number or a word that ends a phrase (``the first 10 days``,
    ``the second such strike``).
    """
    words = entity_words()
    if not i or word.lower() not in words.ordinals:
        return False
    before = tokens[i - 1].word
    opened = before.lower() in words.determiners or before.endswith(POSSESSIVE)
    return opened and following[:1].isalpha() and not ends_phrase(following, 1, "", word)


def _names_number(previous: str, following: str) -> bool:
    """True for a number that is part of a name: ``FTSE 100``, ``tier 1 ratio``."""
    words = entity_words()
    nxt = following.lower()
    if any(c.isupper() for c in previous):
        # FTSE 100 closed; not "gave Ukraine 50 tanks", nor "10-year"
        return nxt != "-" and nxt not in words.determiners
    return nxt[:1].isalpha() and nxt not in words.stop and nxt not in words.verbs


def _hyphenated(tokens: list[Token], i: int, end: int) -> bool:
    """True for a number glued by a hyphen to the word after it: ``10-year``."""
    return (
        i + 2 < end
        and tokens[i + 1].word == "-"
        and tokens[i].end == tokens[i + 1].start
        and tokens[i + 1].end == tokens[i + 2].start
        and tokens[i + 2].word[:1].isalpha()
    )


def _joins_nouns(tokens: list[Token], i: int) -> bool:
    """True for ``and`` between a noun that is no head and two plain nouns."""
    return (
        not plural(tokens[i - 1].word)
        and modifies(tokens[i + 1].word)
        and modifies(tokens[i + 2].word)
    )


def _counts_of(noun: str, following: str) -> bool:
    """True for ``number of``, ``share of``: the entity is the noun after ``of``."""
    return following.lower() == "of" and noun.lower() in entity_words().quantity_nouns


def phrase_before(tokens: list[Token], end: int) -> tuple[int, int] | None:
    """The noun phrase that ends right before token ``end``: ``The Patriot battery``."""
    stop = entity_words().stop
    i = end
    while i > 0 and end - i < MAX_WORDS:
        word = tokens[i - 1].word
        if i > 1 and i < end and _ordinal_opens(tokens, i - 1, word, tokens[i].word):
            return tokens[i - 1].start, tokens[end - 1].end  # its first stage, which
        if not word[:1].isalpha() or word.lower() in stop or word.endswith(POSSESSIVE):
            break
        if is_verb(word, tokens[i].word if i < end else ",", tokens[i - 2].word if i > 1 else ""):
            break
        i -= 1
    return (tokens[i].start, tokens[end - 1].end) if i < end else None


def label(atom: Atom, context: TextContext) -> tuple[int, int] | None:
    """The label before a colon: ``Cook time: 1 hour``."""
    text = context.text
    if _LABEL_MARK not in text[max(0, atom.start - _COLON_REACH) : atom.start]:
        return None  # most quantities: no colon within the reach of _COLON
    colon = behind(_COLON, text, atom.start, _COLON_REACH)
    if colon is None:
        return None
    tokens = context.tokens(max(0, atom.start - _LABEL_REACH), colon.start())
    times = entity_words().label_times
    for size in (2, 1):  # Grocery bill this week: £94.60; new deadlift PB today: 140kg
        if len(tokens) > size and " ".join(t.word.lower() for t in tokens[-size:]) in times:
            tokens = tokens[:-size]
            break
    return phrase_before(tokens, len(tokens)) if tokens else None


def aged(atom: Atom, context: TextContext) -> tuple[int, int] | None:
    """The person an age belongs to: ``men aged 25``, ``The ambassador, who is 58``, ``X, 61,``."""
    words = entity_words()
    tokens = context.tokens(max(0, atom.start - _AGED_REACH), atom.start)
    while tokens and (tokens[-1].word[:1].isdigit() or _lists_ages(tokens[-1].word)):
        tokens.pop()  # Three men, aged 19, 22 and 24: past the ages before this one
    while tokens and tokens[-1].word.lower() in words.age_markers:
        tokens.pop()
    if tokens and tokens[-1].word == _COMMA:
        tokens.pop()  # The former treasurer, 61,: an age set aside after the person
    phrase: list[Token] = []
    while tokens and len(phrase) < _AGED_WORDS:
        token = tokens.pop()
        lower = token.word.lower()
        if _ends_person(token.word, lower, bool(phrase)):
            break
        phrase.insert(0, token)
    phrase = _named(phrase)
    return (phrase[0].start, phrase[-1].end) if phrase else None


def _ends_person(word: str, lower: str, taken: bool) -> bool:
    """True for a word before an age that is no part of the person it belongs to.

    A count (``one in four adults over 65``), a closed-class word, and an
    owner after the person's first word (``The trial's participants were
    aged 18 to 64`` -> ``participants``).
    """
    if not word[:1].isalpha() or lower in entity_words().stop or lower in number_words().units:
        return True
    return taken and word.endswith(POSSESSIVE)


def _named(phrase: list[Token]) -> list[Token]:
    """The name at the end of ``phrase``, past the words in lower case before it.

    ``candidate Rosa Delacroix, 71,`` -> ``Rosa Delacroix``; ``convict
    Kellerman, 52,`` -> ``Kellerman``; a phrase with no name stays whole (``The
    former treasurer, 61,``).
    """
    if not phrase or not phrase[-1].word[:1].isupper():
        return phrase
    lower = [i for i, token in enumerate(phrase) if token.word[:1].islower()]
    return phrase[lower[-1] + 1 :] if lower else phrase


def _lists_ages(word: str) -> bool:
    """True for a comma or a joiner between the ages of a list: ``aged 19, 22 and 24``."""
    return word == _COMMA or word.lower() in _age_joiners()


@cache
def _age_joiners() -> frozenset[str]:
    """The joiners of a list of ages (``[age_list_joiner]`` of ``cues.txt``)."""
    from numclaims._lexicon import cue_words  # a cache with an argument: not a module name

    return frozenset(cue_words("age_list_joiner"))


#: What a verb opening an object of ``of`` may follow: a comma, ``to``.
_COMMA = ","
_TO = "to"


def entity_of(atom: Atom, context: TextContext) -> tuple[int, int] | None:
    """``revenue of $5bn``: the noun phrase right before ``of``."""
    text = context.text
    link = behind(_of_link(), text, atom.start, _OF_REACH)
    if link is None:
        return None
    tokens = context.tokens(max(0, atom.start - _OF_REACH), link.start())
    i = len(tokens) - 1
    while i >= 0 and not _opens_of_phrase(tokens, i):
        i -= 1
    phrase = tokens[i + 1 :]
    if len(phrase) > 1 and _verb_opens(phrase[0].word, tokens[i].word if i >= 0 else ""):
        phrase, i = phrase[1:], i + 1  # and generated sales of $1.9bn: a verb and its object
    if not phrase or len(phrase) > MAX_WORDS:
        return None
    if len(phrase) == 1 and phrase[0].word.lower() in entity_words().not_linked:
        return None  # lost an average of 6.8 kg: the subject's; but an industry average of
    if _manner(tokens, i, phrase[-1].word):
        return None  # grew at an annual pace of 6%: the rate of the subject
    return _of_compound(tokens, i, phrase[0].start), phrase[-1].end


def _verb_opens(word: str, before: str) -> bool:
    """True for a verb that opens an object of ``of``: a participle after a joiner or a comma.

    ``and generated sales of``, ``, implying upside of``, ``to extend output
    cuts of``: a verb; ``the estimated cost of``, ``and adjusted earnings of``:
    an adjective.
    """
    words = entity_words()
    lower = word.lower()
    if before == _TO:
        return True  # to extend output cuts of
    if lower in words.participle_adjectives:
        return False  # and adjusted earnings of 91 cents
    if not (lower.endswith(("ed", "ing")) or lower in words.participles):
        return False
    return before == _COMMA or before.lower() in words.coordinators


def _of_compound(tokens: list[Token], i: int, start: int) -> int:
    """Where a phrase that starts at ``start`` starts, with the ``X of`` of a compound before it.

    ``a margin of error of 3.1 points``: token ``i`` (``of``) and the word
    before it belong to the noun ``margin of error``.
    """
    if i < 1 or tokens[i].word != "of":
        return start
    compound = f"{tokens[i - 1].word} of {tokens[i + 1].word}".lower()
    return tokens[i - 1].start if compound in entity_words().of_compounds else start


def _gradable_noun(word: str, before: str) -> bool:
    """True for a size word used as a noun after a determiner or an owner: ``a high of``."""
    words = entity_words()
    return word.lower() in words.premodifiers and (
        before.lower() in words.determiners or owner(before)
    )


def _opens_of_phrase(tokens: list[Token], i: int) -> bool:
    """True when token ``i`` is no part of the phrase that runs from after it to ``of``."""
    word = tokens[i].word
    if not word[:1].isalpha() or word.endswith(POSSESSIVE):
        return True
    head = tokens[-1].word if i + 1 < len(tokens) else ""  # "" while the phrase is empty
    if not head and word.lower() in change_words().nouns:
        return False  # a fall of 5%: the change is the head
    if not head and i and _gradable_noun(word, tokens[i - 1].word):
        return False  # a high of 34C, Tuesday's high of 31C
    following = tokens[i + 1].word if head else "of"
    previous = tokens[i - 1].word if i else ""
    if word.lower() in entity_words().stop or is_verb(word, following, previous):
        return True
    return _modifies_no_head(word, following, head)


def _modifies_no_head(word: str, following: str, head: str) -> bool:
    """True for a word in -ing or a plural that cannot modify ``head`` ("" for none yet)."""
    if gerund(word) and not (head and modifies(following) and not plural(head)):
        return True  # beating estimates of 445,000; but a batting average of .312
    # firms raised revenue of ...: the phrase starts after the plural
    return bool(head) and plural(word) and not plural(head)


@cache
def _of_link() -> regex.Pattern[str]:
    """What links a noun to the number after it: ``revenue of $5bn``, ``a fleet of around 40``."""
    links = "|".join(regex.escape(link) for link in entity_words().of_links)
    return regex.compile(
        rf"""(?r)
        {SPACE}+ (?i:{links})   # a link of the word list, in any case
        {SPACE}+ $              # then spaces up to the quantity
        """,
        regex.VERBOSE,
    )


def _manner(tokens: list[Token], i: int, head: str) -> bool:
    """True for ``at a rate of``, ``at an annual pace of``: how fast, not what."""
    if head.lower() not in entity_words().manner:
        return False
    before = [t.word.lower() for t in tokens[max(0, i - 1) : i + 1]]  # "at an", or "at"
    return "at" in before
