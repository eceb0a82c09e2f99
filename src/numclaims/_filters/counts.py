"""Numbers that count nothing: tallies, idioms, a bare ``a``, values past a float's range."""

from __future__ import annotations

import math
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

import regex

from numclaims._filters.around import bare, word_after, word_before
from numclaims._lexicon import (
    cardinal_words,
    context_words,
    entity_words,
    filter_words,
    idioms,
    number_words,
)
from numclaims._scan import Atom
from numclaims._text import KEEP_GIL, PHRASE_REACH, SPACE, WORD_REACH, ahead, behind, trie

if TYPE_CHECKING:
    from numclaims._vocabulary import Vocabulary

__all__ = [
    "in_user_idiom",
    "is_bare_article",
    "is_event_noun",
    "is_idiom",
    "is_score",
    "is_unrepresentable",
]

#: Room for the other side of a tally and the words between: `` votes to 295``.
_TALLY_REACH = 24
_LETTERS = regex.compile(r"[A-Za-z]+")
_OF = regex.compile(rf"{SPACE}+of\b")
#: How far either side of a number an idiom is looked for.
_IDIOM_REACH = 40
#: Room for ``additional `` and a few more spaces before ``a``.
_EXTRA_REACH = 16


class _Tally(NamedTuple):
    """The other side of a tally, built from the score words: after the number, or before it."""

    other_after: regex.Pattern[str]  # 320 [votes to 295], 455 [for 6], 9[-to-5]
    other_before: regex.Pattern[str]  # [320 votes to] 295, [455 for] 6, [9-to-]5
    vote_before: regex.Pattern[str]  # [a vote of] 52 to 47, [a vote of 52 to] 47
    pair_after: regex.Pattern[str]  # 52[ to 47]


@cache
def _tally() -> _Tally:
    words = filter_words()
    votes, runs_for = trie(words.votes_to), trie(words.runs_for)
    wickets = r"(?:10|\d)(?![\d\w])"  # at most 10 wickets
    after = rf"""
        {SPACE}+ (?i:{votes}) {SPACE}+ to {SPACE}+ (?:\d|(?P<side>[A-Za-z]+))  # to 295, to nine
        | (?<=(?<![\d,.])\d{{1,3}}) {SPACE}+ (?:{runs_for}) {SPACE}+ {wickets}  # 455 for 6
        | -to-\d                                                              # a 9-to-5 job
    """
    before = rf"""(?r)
        (?: \d {SPACE}+ (?i:{votes}) {SPACE}+ to                             # 320 votes to
          | (?<![\d,.])\d{{1,3}} {SPACE}+ (?:{runs_for}) (?={SPACE}+{wickets})  # 455 for
          | \d-to-                                                           # 9-to-
        ) {SPACE}* $
    """
    vote_before = rf"""(?r)
        \b (?: (?i:{votes}) {SPACE}+ (?:\w+{SPACE}+){{0,3}}  # a vote, the vote in the House
              (?i:{trie(words.vote_links)})                 # of, was
            | (?i:{trie(words.vote_verbs)})                 # or: voted
        ) {SPACE}+
        (?P<first> \d+ {SPACE}* (?:to|[-–]) {SPACE}* )?     # 52 to
        $
    """
    return _Tally(
        regex.compile(after, regex.VERBOSE),
        regex.compile(before, regex.VERBOSE),
        regex.compile(vote_before, regex.VERBOSE),
        regex.compile(rf"{SPACE}*(?:to|[-–]){SPACE}*\d", regex.VERBOSE),
    )


def is_score(atom: Atom, text: str) -> bool:
    """``by 320 votes to 295``, ``455 for 6``, a ``9-to-5`` job, a rating of ``2/10``, ``3:2``."""
    if not bare(atom):
        return False
    tally = _tally()
    return (
        (text[atom.end : atom.end + 1] == ":" and _colon_pair(atom, text))
        or _other_side_after(ahead(tally.other_after, text, atom.end, _TALLY_REACH))
        or behind(tally.other_before, text, atom.start, _TALLY_REACH) is not None
        or _rating(atom, text)
        or _vote_of(atom, text, tally)
    )


def _other_side_after(match: regex.Match[str] | None) -> bool:
    """The other side of a tally follows: in digits, or a number word (``votes to nine``)."""
    if match is None:
        return False
    side = match.group("side")
    return side is None or side.lower() in cardinal_words()


def _colon_pair(atom: Atom, text: str) -> bool:
    """After a colon (the caller's screen): ``3:2``, ``16:8``, ``16:9``, no time of day.

    A score (``won 3:2``), a diet (``16:8 fasting``, ``the 5:2 diet``) or an
    aspect ratio (``a 16:9 screen``) names a pairing, not an amount.  The
    number after the colon is a clock's minutes to the time rule (``14:30``)
    only where it has two digits: here it has one, and the number before the
    colon is the first side of the pair.
    """
    end = atom.end
    return (
        text[end + 1 : end + 2].isdigit()
        and not text[end + 2 : end + 3].isdigit()
        and atom.form == "digits"
        and atom.plain
    )


#: Room for a word of voting, three words, a link and a side: ``vote in the House was 144 to ``.
_VOTE_REACH = 48
#: Room for ``to`` and its spaces before the other side: `` to 47``.
_VOTE_PAIR_REACH = 6


def _vote_of(atom: Atom, text: str, tally: _Tally) -> bool:
    """``by a vote of 52 to 47``, ``the vote was 144-44``: both sides of a stated vote."""
    if atom.form != "digits":
        return False
    match = behind(tally.vote_before, text, atom.start, _VOTE_REACH)
    if match is None:
        return False
    return (
        match.group("first") is not None
        or ahead(tally.pair_after, text, atom.end, _VOTE_PAIR_REACH) is not None
    )


def _rating(atom: Atom, text: str) -> bool:
    """``rated 2/10``, but not ``2/10 of the vote``."""
    return (
        atom.form == "fraction"
        and text[atom.num_start : atom.num_end].endswith("/10")
        and ahead(_OF, text, atom.end, PHRASE_REACH) is None
    )


@cache
def _idiom_pattern() -> regex.Pattern[str]:
    """Any idiom, standing whole, in any case.

    Written as a tree of shared prefixes, which the engine tries faster than
    the named list ``\\b(?i:\\L<idioms>)\\b``.  The two match the same where
    no idiom matches the start of another, so at most one matches at a place;
    were one to, the named list is kept.
    """
    words = sorted(idioms())
    heads = [regex.compile(r"(?i:" + regex.escape(word) + ")") for word in words]
    if all(words) and not any(
        head.match(other)
        for head, word in zip(heads, words, strict=True)
        for other in words
        if other != word
    ):
        return regex.compile(r"\b(?i:" + trie(words) + r")\b")
    return regex.compile(r"\b(?i:\L<idioms>)\b", idioms=words)


def is_idiom(atom: Atom, text: str) -> bool:
    """``cloud nine``, ``one of the``, ``no one``, ``a one-off``, ``the second half``."""
    if atom.form not in ("words", "article") or atom.kind not in ("number", "measure"):
        return False
    return _idiom_by_context(atom, text) or _idiom_overlaps(atom, text)


def in_user_idiom(atom: Atom, text: str, vocabulary: Vocabulary) -> bool:
    """``atom`` overlaps an idiom of a user's vocabulary (``Fortune 500``, ``catch-22``)."""
    pattern, reach = _user_idiom_pattern(vocabulary)
    start, end = atom.start, atom.end
    return any(
        match.start() < end and start < match.end()
        for match in pattern.finditer(text, max(0, start - reach), end + reach, False, KEEP_GIL)
    )


@cache
def _user_idiom_pattern(vocabulary: Vocabulary) -> tuple[regex.Pattern[str], int]:
    """The idioms of ``vocabulary``, standing whole in any case; and how far one reaches."""
    idioms = sorted(vocabulary.idioms, key=len, reverse=True)
    pattern = regex.compile(r"(?<!\w)(?i:\L<idioms>)(?!\w)", idioms=idioms)
    return pattern, max(map(len, idioms))


def _idiom_overlaps(atom: Atom, text: str) -> bool:
    """True where an idiom that the pattern finds left to right around ``atom`` overlaps it."""
    start, end = atom.start, atom.end
    low, high = max(0, start - _IDIOM_REACH), end + _IDIOM_REACH
    return any(
        match.start() < end and start < match.end()
        for match in _idiom_pattern().finditer(text, low, high, False, KEEP_GIL)
    )


def _idiom_by_context(atom: Atom, text: str) -> bool:
    """The words around the number make it an idiom: ``one of the``, ``the second half``."""
    if atom.form == "article":  # less than a year ago, 3% more than a year earlier
        return ahead(_time_after(), text, atom.end, PHRASE_REACH) is not None
    if atom.kind == "measure":
        return _ordinal_before_unit(atom, text)
    if atom.kind != "number":
        return False
    if atom.value == 0.5:
        return word_before(atom, text).lower() in context_words()["half_before"]
    if atom.value is not None and 0 < atom.value < 1:  # a sixth straight meeting: an ordinal
        return word_after(atom, text).lower() in context_words()["ordinal_after"]
    return atom.value == 1 and _one_as_pronoun(atom, text)


def _ordinal_before_unit(atom: Atom, text: str) -> bool:
    """``a third month``, ``a fifth day``: an ordinal before a unit of time.

    Only ``a``/``an`` and one fraction word right before the unit; ``a third
    of a year``, the parts of a unit (``a half hour``, ``a quarter century``)
    and lengths (``an eighth inch thick``, ``an eighth mile``) stay measures.
    """
    if atom.dimension != "time":
        return False
    number = text[atom.num_start : atom.num_end].lower().split()
    if len(number) != 2 or number[0] not in ("a", "an"):
        return False
    if number[1] not in number_words().fractions:
        return False
    if number[1] in context_words()["part_of_unit"]:
        return False
    return _OF.match(text, atom.num_end) is None


def _hyphen_word(text: str, pos: int) -> str:
    """The lower-cased run of letters at ``pos``: ``bedroom`` in ``one-bedroom flat``."""
    match = ahead(_LETTERS, text, pos, WORD_REACH)
    return match.group().lower() if match else ""


@cache
def _time_after() -> regex.Pattern[str]:
    """A word of ``[time_ago]`` after ``a year``: a point in time, not a length."""
    return regex.compile(rf"{SPACE}+(?i:\L<words>)\b", words=list(filter_words().time_ago))


def _one_as_pronoun(atom: Atom, text: str) -> bool:
    """``one of the``, ``no one``, ``one would like``, ``a one-off``: no count of one."""
    context = context_words()
    if text[atom.end : atom.end + 1] == "-":  # a one-off, but a one-bedroom flat
        return _hyphen_word(text, atom.end + 1) not in context["one_hyphen_counts"]
    after = word_after(atom, text).lower()
    return (
        not after
        or after in context["one_after"]
        or after in entity_words().closed
        or word_before(atom, text).lower() in context["one_before"]
    )


@cache
def _extra_before() -> tuple[regex.Pattern[str], int]:
    """The words before ``a`` that make it a claim (``an extra week``), and how far to look."""
    extra = filter_words().extra
    pattern = regex.compile(rf"(?r)\b(?i:{trie(extra)}){SPACE}+")
    return pattern, max(_EXTRA_REACH, max(map(len, extra), default=0) + 1)  # and a space


def is_bare_article(atom: Atom, text: str) -> bool:
    """``a week ago`` is no claim; ``up to a week`` and ``an extra fortnight`` are."""
    if atom.form != "article" or atom.bound != "exact" or atom.per is not None:
        return False  # a penny a share: a rate
    if atom.unit in filter_words().counted_alone:
        return False  # for a fortnight, a decade of growth
    pattern, reach = _extra_before()
    return behind(pattern, text, atom.start, reach) is None


def is_unrepresentable(atom: Atom, text: str) -> bool:
    """``1e308 thousand``: a value past the range of a float is no usable quantity."""
    value, low, high = atom.value, atom.low, atom.high
    return (
        (value is not None and not math.isfinite(value))
        or (low is not None and not math.isfinite(low))
        or (high is not None and not math.isfinite(high))
    )


#: Room for two words and their spaces before an -ing form: ``the bitcoin ``.
_EVENT_REACH = 32


@cache
def _event_before() -> regex.Pattern[str]:
    """A word of ``event_noun_before``, then at most one more word, right before a number."""
    words = sorted(context_words()["event_noun_before"], key=len, reverse=True)
    return regex.compile(
        rf"""(?ri)
        (?:(?<![\w'’])|(?<=\w)(?=['’]))(?:\L<words>)  # the, next, Bitcoin's
        {SPACE}+ (?:(?P<word>[A-Za-z]+) {SPACE}+)? $     # and at most one word more
        """,
        regex.VERBOSE,
        words=words,
    )


def is_event_noun(atom: Atom, text: str) -> bool:
    """``the bitcoin halving``, ``Bitcoin's next halving``: an -ing form named as an event.

    A multiple verb's -ing form after a determiner is a noun; it states a
    multiple only with what is multiplied after it (``the halving of the
    tax``, ``a doubling in prices``).  ``halving the waiting list`` is a verb.
    """
    if not text.endswith("ing", atom.start, atom.end):
        return False  # the screen: halved, doubled, twice
    after = ahead(_WORD_AND_NEXT, text, atom.end, PHRASE_REACH)
    if after is not None and _states_what(after.group(1).lower(), after.group(2) or ""):
        return False
    before = behind(_event_before(), text, atom.start, _EVENT_REACH)
    if before is None:
        return False
    word = before.group("word")
    return word is None or word.lower() not in entity_words().verbs  # that is halving costs


def _states_what(word: str, next_letter: str) -> bool:
    """``of the tax``, ``in prices``: what is multiplied follows; not ``in April``."""
    return word in context_words()["multiple_noun_of"] and (word == "of" or next_letter.islower())


#: The word after a number and the first letter of the one after it.
_WORD_AND_NEXT = regex.compile(rf"{SPACE}+([A-Za-z]+)(?:{SPACE}+(\S))?")
