"""Stage 6: the thing a quantity counts or measures.

Without a statistical model, the entity is read from the structure around
the number, using closed word classes kept as data (``entity_words.txt``).
The readings are tried in turn:

1. after the quantity: skip ``more``, ``worth of``, ``of the``, a possessor
   (``of the town's``), a comparative (``a 20% higher risk``) and a
   hyphenated counter (``400-page``), then take the noun phrase up to a
   closed-class word, a verb or punctuation: ``647 tanks have been
   destroyed`` -> ``tanks``; for an amount given by a verb of spending, the
   thing after its preposition: ``spent £1.5bn on transfers`` -> ``transfers``;
2. a noun joined to the number by ``of``: ``revenue of $5bn`` -> ``revenue``,
   but not a rate (``grew at an annual pace of 6%``) nor a statistic
   (``a median of 3.2 years``);
3. in the quantity's clause, the object of the last verb before it
   (``the ECB cut its deposit rate by 25bp`` -> ``deposit rate``), or else
   the subject (``House prices in London fell 3%`` -> ``House prices``).
   A clause with no subject of its own borrows one: a change after a comma
   (``..., up 6%``) and a verb after ``, and`` take the sentence's, a relative
   clause (``, which costs $1bn``) the noun before its comma.

A value restated for comparison (``compared with 2%``, ``up from 3.9 lakh``)
and a distance from somewhere (``15 miles away``) name no thing; a duration
takes only a noun after it or a label (``Cook time: 1 hour``).  A word that
is both a verb and a plural noun (``costs``, ``supports``) is taken as a verb
only where its neighbours say so (``battery supports 65W``, ``and costs``); a
word in -ing modifies a plain noun after it (``operating profit``) and is a
verb elsewhere.

Every window the readings look at ends at the quantity, so the text is
tokenised once, left to right (``_TokenIndex``), not once per quantity.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache, lru_cache
from itertools import repeat
from threading import get_ident
from typing import NamedTuple

import regex

from numclaims._lexicon import change_words, entity_words
from numclaims._scan import Atom

__all__ = ["read_entity", "release_tokens"]

_MAX_WORDS = 4
#: What follows the last word before a quantity, as the verb tests see it: a number.
_QUANTITY = "0"
_CLAUSE_WINDOW = 160
#: How far the token index may lag behind the windows before it forgets old tokens.
_FORGET_AFTER = 4096
_WORD = regex.compile(
    r"[\ \u00a0]+((?:[A-Za-z]|\d+-[A-Za-z])(?:[A-Za-z0-9'’\-]*[A-Za-z0-9])?)(?=[^\w\-]|$)"
)
#: What ``_WORD`` opens with: where no space follows, there is no word to match.
_SPACES = (" ", "\u00a0")
_NEXT = regex.compile(r"[\ \u00a0]*([\w'’\-]+|[^\w\s])")
_HYPHEN_COUNTER = regex.compile(r"-[a-z]+(?:-old)?(?=[\ \u00a0])")
_ARTICLE = regex.compile(r"[\ \u00a0]+(?i:an?)(?=[\ \u00a0])")
_OF_THE_NUMBER = regex.compile(
    r"(?<=\b(?:of|of\ the|of\ its|of\ their))[\ \u00a0]+(?:(?i:more|fewer|less)\ than\ )?"
    r"(?:\d[\d,.]*|(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\ dozen))"
    r"(?=[\ \u00a0])"
)
_COUNT = regex.compile(r"[\ \u00a0]+\d[\d,.]*(?=[\ \u00a0])")
#: ``$5bn in revenue``, but not ``£8.6bn in net terms``.
_IN_NOUN = regex.compile(
    r"[\ \u00a0]+in(?=[\ \u00a0]+[a-z])(?![\ \u00a0]+(?:[a-z]+[\ \u00a0]+)?terms\b)"
)
#: Words (``S&P`` is one), numbers (``1,844``, ``2.5bn``; a comma after one is its own token)
#: and single marks.  Each run is possessive (``*+``): nothing follows it, so giving back a
#: character could never let a match succeed, and the engine keeps no state to try it.
_TOKEN = re.compile(r"[A-Za-z][\w'’\-]*+(?:&[A-Za-z][\w'’\-]*+)*+|\d\w*+(?:[.,]\d\w*+)*+|[^\w\s]")
#: What links a noun to the number after it: ``revenue of $5bn``, ``a fleet of around 40``.
_OF_LINKS = ("of", "of around", "of about")
_OF_LINK = regex.compile(
    rf"(?r)[\ \u00a0]+(?i:{'|'.join(regex.escape(link) for link in _OF_LINKS)})[\ \u00a0]+$"
)
#: The last word of each link, which ``_of_link`` looks for before the pattern.
_OF_LINK_ENDS = tuple(sorted({link.split()[-1] for link in _OF_LINKS}))
_OF_LINK_WIDTH = max(map(len, _OF_LINK_ENDS))
#: Clause boundaries among the tokens before a number (see ``_clause_start``).
_SENTENCE_MARKS = frozenset(".!?;:")
_LETTERS = regex.compile(r"[A-Za-z]{2}")
_AT = regex.compile(r"(?r)(?<![\w-])at[\ \u00a0]+$")
_COLON = regex.compile(r"(?r)(?<=[A-Za-z]):[\ \u00a0]*$")
_YEAR = regex.compile(r"1[89]\d\d|20\d\d")
_CLAUSE_CONJUNCTIONS = frozenset(
    [
        "and",
        "but",
        "while",
        "though",
        "although",
        "as",
        "whereas",
        "with",
        "after",
        "before",
        "since",
        "because",
        "so",
        "even",
    ]
)
_CLAUSE_OPENERS = frozenset(
    [
        "while",
        "whereas",
        "though",
        "although",
        "that",
        "said",
        "says",
        "reports",
        "reported",
        "shows",
        "showed",
        "claims",
        "claimed",
        "estimates",
        "warned",
        "noted",
        "announced",
        "believes",
        "thinks",
        "expects",
    ]
)
#: Words after which a verb that is also a noun is a verb: ``and costs``, ``which supports``.
_VERB_NEXT = frozenset(["and", "but", "or", "which", "that", "who"])
#: Words that open a new clause when a determiner follows them: ``after the river rose``.
_JOINERS = frozenset(["and", "but", "after", "before", "because", "when", "until", "as", "if"])
_DETERMINERS = frozenset(["the", "a", "an", "its", "their", "his", "her", "our"])
_RELATIVES = frozenset(["which", "who", "whose", "where"])
#: Every (lower-cased) token that may end the search of ``_clause_start``.
_CLAUSE_BOUNDARIES = _SENTENCE_MARKS | {"(", ","} | _CLAUSE_OPENERS | _JOINERS
_POSSESSIVE = ("'s", "’s", "s'", "s’")
#: Measures that rarely state something of the clause's subject (``spent three hours``).
_NO_SUBJECT = frozenset({"time", "age"})
_AGE_MARKERS = frozenset({"aged", "age", "ages", "who", "is", "was", "turned", "turns", "now", ","})
_ADJECTIVE_ENDINGS = ("ed", "al", "ic", "ive", "ous", "ful", "less", "able", "ible", "ary")


class _Token(NamedTuple):
    word: str
    start: int
    end: int


_new_token = tuple.__new__  # builds a _Token from a tuple without NamedTuple's argument parsing


@cache
def _skip_pattern() -> regex.Pattern[str]:
    words = entity_words()
    return regex.compile(
        r"(?:[\ \u00a0]+(?i:\L<skip>)\b)+"
        r"|[\ \u00a0]+(?i:\L<change>)[\ \u00a0]+(?i:in|of)\b",  # a 5% rise in prices
        skip=sorted(words.skip, key=len, reverse=True),
        change=list(change_words().nouns),
    )


@cache
def _skip_heads() -> tuple[frozenset[str], frozenset[str]] | None:
    """The words of two letters ``_skip_pattern`` reads, and the first three of the others.

    All lower-cased.  Where the characters after the spaces are ASCII, a word
    matches only where they are its own in some case (an ASCII character matches
    an ASCII letter only in one of its two cases).  None where a word is shorter,
    not ASCII or opens with a space: then nothing is ruled out.
    """
    words = [word.lower() for word in (*entity_words().skip, *change_words().nouns)]
    if not all(len(word) > 1 and word.isascii() and word[0] != " " for word in words):
        return None
    return (
        frozenset(word for word in words if len(word) == 2),
        frozenset(word[:3] for word in words if len(word) > 2),
    )


def _skip_match(text: str, pos: int) -> regex.Match[str] | None:
    """``_skip_pattern`` matched at ``pos``, where the characters after the spaces allow it."""
    if not text.startswith(_SPACES, pos):
        return None  # each branch of the pattern opens with a space
    heads = _skip_heads()
    head = text[pos : pos + 9].lstrip(" \u00a0")[:3]
    if heads is not None and len(head) == 3 and head.isascii():
        short, long = heads
        head = head.lower()
        if head[:2] not in short and head not in long:
            return None
    return _skip_pattern().match(text, pos, pos + 40)


def _premodifier(word: str, following: str) -> bool:
    """True for a comparative or size word before a noun: ``Short sellers``, ``high jump bar``."""
    return word.lower() in entity_words().premodifiers and _modifies(following)


def read_entity(atom: Atom, text: str) -> None:
    """Set ``atom.entity`` and ``atom.entity_span`` from the words around it."""
    if atom.dimension == "length" and _next_word(text, atom.end) in entity_words().away:
        return  # a distance from here: 15 miles away, 70 nautical miles off the coast
    found = _aged(atom, text) if atom.dimension == "age" else _entity_after(atom, text)
    if found is None and atom.dimension == "time":
        found = _label(atom, text) or _entity_of(atom, text)  # Prep time: 15 minutes
    elif found is None and _states_of_subject(atom, text):
        found = _entity_of(atom, text) or _clause_entity(atom, text)
    if found is not None:
        start, end = found
        atom.entity, atom.entity_span = text[start:end], (start, end)


def _states_of_subject(atom: Atom, text: str) -> bool:
    """False where the words before a quantity say it is no property of the clause's subject."""
    if atom.dimension in _NO_SUBJECT or _restated(atom, text):
        return False
    # a setting, not a reading: roast at 425°F, stored at −70°C
    return (
        atom.dimension != "temperature"
        or _AT.search(text, max(0, atom.start - 4), atom.start) is None
    )


def _label(atom: Atom, text: str) -> tuple[int, int] | None:
    """The label before a colon: ``Cook time: 1 hour``."""
    colon = _COLON.search(text, max(0, atom.start - 4), atom.start)
    if colon is None:
        return None
    tokens = _tokens(text, max(0, atom.start - 40), colon.start())
    return _phrase_before(tokens, len(tokens)) if tokens else None


def _restated(atom: Atom, text: str) -> bool:
    """True for a value given for comparison: ``compared with 2%``, ``up from 3.9 lakh``."""
    before = text[max(0, atom.start - 20) : atom.start].rstrip(" \u00a0+-−")
    lowered, phrases = before.lower(), entity_words().restated
    if not lowered.endswith(phrases):
        return False
    return any(
        lowered.endswith(phrase) and not before[: -len(phrase)][-1:].isalnum() for phrase in phrases
    )


@lru_cache(maxsize=4096)
def _is_verb(word: str, following: str, previous: str = "") -> bool:
    """True for a verb; a word that may also be a noun or adjective is judged by its neighbours.

    ``costs``, ``supports`` are verbs before an object (``supports 65W``) or
    between a noun and an open-class word (``battery supports fast charging``); ``fixed``,
    ``paid`` are adjectives before a noun (``paid subscribers``).
    """
    words = entity_words()
    lower = word.lower()
    nxt = following.split(" ", 1)[0].lower()
    if word.isupper() and len(word) > 1:
        return False  # an acronym: LED, CUT
    if lower in words.verbs:
        return True
    before = previous.lower()
    if lower in words.ambiguous_verbs:
        if nxt[:1].isdigit() or nxt in words.determiners or nxt in words.object_starts:
            return True
        if before in _VERB_NEXT or before in words.adverbs:
            return True  # and expects natural-disaster costs; now stretches for
        # after a noun, before an open-class word: "battery supports fast charging"
        open_class = nxt[:1].isalpha() and nxt not in words.stop and nxt not in words.verbs
        noun_before = bool(previous) and before not in words.stop and _noun_like(previous)
        return noun_before and open_class
    if lower in words.participles or (
        lower.endswith("ed") and len(lower) > 3 and lower not in words.ed_nouns
    ):
        if before in words.auxiliaries or before == "to":
            return True  # can cut heating bills
        return not nxt[:1].isalpha() or nxt in words.stop or nxt in words.verbs
    if _gerund(lower):
        return nxt in words.determiners  # bringing the total to 239 million
    return False


def _noun_like(word: str) -> bool:
    """A rough guess that ``word`` is a noun rather than an adjective (Russian, armoured)."""
    lower = word.lower()
    return not (word[:1].isupper() and lower.endswith(("an", "ese", "ish"))) and not lower.endswith(
        _ADJECTIVE_ENDINGS
    )


def _plural(word: str) -> bool:
    """A rough guess that ``word`` is a plural noun: the head of its phrase."""
    lower = word.lower()
    return len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is"))


def _gerund(word: str) -> bool:
    """True for a word in -ing that is not a noun (``housing``): ``rebelling``, ``operating``."""
    lower = word.lower()
    return lower.endswith("ing") and lower not in entity_words().ing_nouns


def _modifies(following: str) -> bool:
    """True when the word before ``following`` may modify it as an adjective: a plain noun."""
    words = entity_words()
    nxt = following.split(" ", 1)[0]
    return (
        nxt.isalpha()
        and nxt.islower()
        and nxt not in words.stop
        and nxt not in words.verbs
        and not _gerund(nxt)
        and not nxt.endswith("ly")
    )


def _ends_phrase(word: str, taken: int, following: str, previous: str = "") -> bool:
    """True for a word that cannot be (or continue) the noun phrase."""
    words = entity_words()
    lower = word.lower()
    if lower in words.stop or _is_verb(word, following, previous if taken else ""):
        return True
    if taken == 0 and lower in words.not_entity:
        return True
    if _gerund(lower) and not _modifies(following):
        return True  # 11 MPs rebelling; spent $5bn buying; but 3,000 paying customers
    if taken > 0 and _plural(previous):
        return True  # the head noun came before: 3,200 water samples found lead
    # 40 soldiers reportedly; but a monthly wage
    return taken > 0 and lower.endswith("ly") and lower not in words.ly_adjectives


def _entity_after(atom: Atom, text: str) -> tuple[int, int] | None:
    pos = atom.end
    counter = _HYPHEN_COUNTER.match(text, pos, pos + 24) if text.startswith("-", pos) else None
    if counter is not None and atom.kind == "number":
        pos = counter.end()  # a 400-page report
    match = _skip_match(text, pos)
    if match is not None:
        pos = match.end()
        counted = _OF_THE_NUMBER.match(text, pos, pos + 40)
        if counted is not None:
            pos = counted.end()  # 31 of the 38 drones; 99% of the more than 300 missiles
    elif atom.kind == "money":
        match = _IN_NOUN.match(text, pos, pos + 24)  # $5bn in revenue
        pos = match.end() if match is not None else pos
    elif atom.form == "words" and atom.value is not None and atom.value < 1:
        match = _ARTICLE.match(text, pos, pos + 8)  # half a lemon
        pos = match.end() if match is not None else pos
    found = _phrase_after(atom, text, pos)
    if found is None and pos == atom.end:
        link = _purpose_link(atom, text)
        if link is not None:
            found = _phrase_after(atom, text, link)  # spent £1.5bn on transfers
    return found


def _phrase_after(atom: Atom, text: str, pos: int) -> tuple[int, int] | None:
    """The noun phrase that starts after ``pos``, behind the quantity."""
    start = end = -1
    taken = 0
    previous = ""
    possessor = False
    linked = pos > atom.end  # by "of", "worth of", "in": a noun follows, not a verb
    match = _WORD.match(text, pos, pos + 40) if text.startswith(_SPACES, pos) else None
    while match is not None and taken < _MAX_WORDS:
        word = match.group(1)
        # the next word, read once (a word followed by a mark, as most are, needs no match)
        later = match.end()
        after = _WORD.match(text, later, later + 40) if text.startswith(_SPACES, later) else None
        if after is not None:
            nxt = after.group(1)
        else:
            mark = _NEXT.match(text, later, later + 40)
            nxt = mark.group(1) if mark is not None else ""
        if taken == 0 and word.endswith(_POSSESSIVE) and not possessor:
            possessor = True  # 40% of the town's buildings; 11 of India's 36 regions
            count = _COUNT.match(text, match.end(), match.end() + 24)
            match = _WORD.match(text, count.end(), count.end() + 40) if count else after
            continue
        if taken == 0 and not linked and atom.kind != "number" and _gerund(word):
            break  # spent $5bn buying shares; three hours answering questions
        if taken == 0 and not linked and _premodifier(word, nxt):
            linked = True  # a 20% higher risk
            match = after
            continue
        if word == "and" and taken and not _plural(previous) and _coordinated(text, match.end()):
            match = after  # civilian and military support
            continue
        if _ends_phrase(word, taken, nxt, previous):
            break
        previous = word
        start = match.start(1) if start < 0 else start
        end = match.end(1)
        taken += 1
        match = after
    return (start, end) if start >= 0 else None


def _coordinated(text: str, pos: int) -> bool:
    """True when two plain nouns follow ``pos``: ``(civilian and) military support``."""
    first = _WORD.match(text, pos, pos + 40)
    second = _WORD.match(text, first.end(), first.end() + 40) if first is not None else None
    return (
        first is not None
        and second is not None
        and _modifies(first.group(1))
        and _modifies(second.group(1))
    )


def _purpose_link(atom: Atom, text: str) -> int | None:
    """Where the thing paid for starts: ``spent £1.5bn on transfers``, ``raised $5 for charity``.

    The verb right before the quantity names the preposition that links the
    thing (``[purpose]`` in the word lists); a time is no thing (``for the quarter``).
    """
    if not text.startswith(_PURPOSE_LINKS, atom.end):
        return None  # most quantities
    link = _next_word(text, atom.end)
    verbs = entity_words().purpose.get(link, frozenset())
    before = text[max(0, atom.start - 24) : atom.start].lower().split()[-2:]
    if not verbs or not before or (before[-1] not in verbs and " ".join(before) not in verbs):
        return None
    pos = _past_word(text, atom.end)
    if _next_word(text, pos) in entity_words().determiners:
        pos = _past_word(text, pos)  # spent £8,000 on the snacks
    noun = _next_word(text, pos)
    return pos if noun[:1].isalpha() and noun not in entity_words().not_purpose else None


#: The prepositions of ``[purpose]``, as they follow a quantity.
_PURPOSE_LINKS = (" for ", " on ", " to ", " from ")


def _past_word(text: str, pos: int) -> int:
    """Where the word after ``pos`` (past spaces) ends."""
    while pos < len(text) and text[pos].isspace():
        pos += 1
    while pos < len(text) and not text[pos].isspace():
        pos += 1
    return pos


def _next_word(text: str, pos: int) -> str:
    """The lower-cased word after ``pos`` (past spaces), without trailing punctuation."""
    words = text[pos : pos + 24].lower().split(None, 1)
    return words[0].rstrip(".,;:!?)") if words else ""


def _entity_of(atom: Atom, text: str) -> tuple[int, int] | None:
    """``revenue of $5bn``: the noun phrase right before ``of``."""
    lo = max(0, atom.start - 60)
    link = _of_link(text, lo, atom.start)
    if link is None:
        return None
    tokens = _tokens(text, lo, link.start())
    phrase: list[_Token] = []
    i = len(tokens) - 1
    while i >= 0:
        word = tokens[i].word
        following = tokens[i + 1].word if i + 1 < len(tokens) else "of"
        if not word[:1].isalpha() or word.endswith(_POSSESSIVE):
            break
        previous = tokens[i - 1].word if i else ""
        if word.lower() in entity_words().stop or _is_verb(word, following, previous):
            break
        if _gerund(word) and not (phrase and _modifies(following) and not _plural(phrase[-1].word)):
            break  # beating estimates of 445,000; but a batting average of .312
        if phrase and _plural(word) and not _plural(phrase[-1].word):
            break  # firms raised revenue of ...: the phrase starts after the plural
        phrase.insert(0, tokens[i])
        i -= 1
    if (
        not phrase
        or len(phrase) > _MAX_WORDS
        or phrase[-1].word.lower() in entity_words().not_linked
    ):
        return None  # an increase of 610,000 names no thing counted
    if _manner(tokens, i, phrase[-1].word):
        return None  # grew at an annual pace of 6%: the rate of the subject
    return phrase[0].start, phrase[-1].end


def _of_link(text: str, lo: int, end: int) -> regex.Match[str] | None:
    """``_OF_LINK`` matched before ``end``, where the word before the spaces allows it.

    The pattern ends with spaces after one of ``_OF_LINK_ENDS``; as many ASCII
    characters before the spaces as the longest of them, ending with none of
    them in any case, rule it out.
    """
    before = text[max(lo, end - _OF_LINK_WIDTH - 10) : end]
    if not before.endswith(_SPACES):
        return None
    word = before.rstrip(" \u00a0")[-_OF_LINK_WIDTH:]
    if len(word) == _OF_LINK_WIDTH and word.isascii() and not word.lower().endswith(_OF_LINK_ENDS):
        return None
    return _OF_LINK.match(text, lo, end)


def _manner(tokens: list[_Token], i: int, head: str) -> bool:
    """True for ``at a rate of``, ``at an annual pace of``: how fast, not what."""
    if head.lower() not in entity_words().manner:
        return False
    before = [t.word.lower() for t in tokens[max(0, i - 1) : i + 1]]  # "at an", or "at"
    return "at" in before


def _aged(atom: Atom, text: str) -> tuple[int, int] | None:
    """The person an age belongs to: ``men aged 25``, ``The ambassador, who is 58``."""
    tokens = _tokens(text, max(0, atom.start - 48), atom.start)
    while tokens and tokens[-1].word.lower() in _AGE_MARKERS:
        tokens.pop()
    phrase: list[_Token] = []
    while tokens and len(phrase) < 3:
        token = tokens.pop()
        if not token.word[:1].isalpha() or token.word.lower() in entity_words().stop:
            break
        phrase.insert(0, token)
    return (phrase[0].start, phrase[-1].end) if phrase else None


class _TokenIndex:
    """The tokens of one text, read once, left to right, as its quantities ask for them.

    Every window the entity reader looks at ends at or before the quantity,
    and quantities come in order, so consecutive windows overlap: the text
    is tokenised once instead of once per window.  The index holds the
    tokens of ``text[base:reached]`` and forgets those far behind the last
    window, so memory stays bounded however long the text.
    """

    __slots__ = ("base", "reached", "starts", "text", "tokens")

    def __init__(self, text: str) -> None:
        self.text = text
        self.base = self.reached = 0
        self.tokens: list[_Token] = []
        self.starts: list[int] = []

    def window(self, lo: int, hi: int) -> list[_Token]:
        """The tokens that start in ``text[lo:hi]``; one running past ``hi`` is cut there."""
        if not self.base <= lo <= self.reached:
            # a gap or a window out of order: start afresh, early enough for every
            # window that ends at hi, so that the next, wider one reads no word twice,
            # and where a token starts, so that no word is read from its middle
            self.base = self.reached = _token_start(self.text, min(lo, max(0, hi - _CLAUSE_WINDOW)))
            self.tokens, self.starts = [], []
        elif lo - self.base > _FORGET_AFTER:
            drop = bisect_left(self.starts, lo)
            del self.tokens[:drop], self.starts[:drop]
            self.base = lo
        if hi > self.reached:
            # map() over the matches builds the tokens without a Python-level loop
            found = list(_TOKEN.finditer(self.text, self.reached, hi))
            starts = list(map(re.Match.start, found))
            words, ends = map(re.Match.group, found), map(re.Match.end, found)
            self.tokens += map(_new_token, repeat(_Token), zip(words, starts, ends, strict=True))
            self.starts += starts
            self.reached = hi
            if self.tokens and self.tokens[-1].end == hi < len(self.text):
                self.reached = self.starts.pop()  # may go on past hi: read it again later
                last = self.tokens.pop()
                return [*self._slice(lo, hi), last]
        return self._slice(lo, hi)

    def _slice(self, lo: int, hi: int) -> list[_Token]:
        found = self.tokens[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]
        if found and found[-1].end > hi:  # a word the window cuts, as a window would read it
            cut = _TOKEN.match(self.text, found[-1].start, hi)
            found[-1] = _Token(cut.group(), cut.start(), cut.end()) if cut else found[-1]
        return found


#: How far back ``_token_start`` looks for the space before a word.
_WORD_REACH = 100


def _token_start(text: str, pos: int) -> int:
    """A position at or before ``pos`` where tokenising gives the text's own tokens.

    No token holds a space or a line break, so tokenising from just after
    one reads whole words: from the middle of ``talking``, it would read
    ``king``.  Without a space within ``_WORD_REACH`` characters, only the
    first token read may be cut, and it starts before ``pos``.
    """
    floor = max(0, pos - _WORD_REACH)
    space = max(text.rfind(" ", floor, pos), text.rfind("\n", floor, pos))
    return space + 1 if space >= 0 else floor


@lru_cache(maxsize=1)
def _token_index(text: str, thread: int) -> _TokenIndex:
    """The token index of the text being parsed (one per thread: it changes as it is read)."""
    return _TokenIndex(text)


def release_tokens() -> None:
    """Forget the token index, and with it the text it holds: called when a text is done."""
    _token_index.cache_clear()


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    """The tokens of ``text[start:end]``."""
    return _token_index(text, get_ident()).window(start, end)


def _clause_entity(atom: Atom, text: str) -> tuple[int, int] | None:
    """The object of the clause's last verb before the quantity, or else its subject.

    A change stated after a comma (``..., up 6% from a year earlier``) is
    stated of the clause before the comma.  The window before the number is
    tokenised once, and clause boundaries are found among its tokens.
    """
    lo = max(0, atom.start - _CLAUSE_WINDOW)
    if _LETTERS.search(text, lo, atom.start) is None:
        return None  # "1 1 1 ...": nothing to name
    tokens = _tokens(text, lo, atom.start)
    end = len(tokens)
    for _ in range(2):
        begin, comma = _clause_start(tokens, end, text)
        clause = tokens[begin:end]
        found = _clause_phrase(text, clause, atom.start)
        if found is None and _opener_is_verb(tokens, begin, end):
            # "Apple reported revenue of $94.9bn": no verb follows, so the opener is the verb
            outer, comma = _clause_start(tokens, begin - 1, text)
            found = _clause_phrase(text, tokens[outer:end], atom.start)
        if found is not None or not comma:
            return found
        comma_at = _comma_before(tokens, begin)
        if _states_change(clause):
            end = comma_at  # the clause before the comma
            continue
        if clause and _relative_opening(clause):
            # "The Patriot battery, which costs over $1bn": the noun before the comma
            return _phrase_before(tokens, comma_at)
        # "Core inflation, which strips out food, eased 0.4pp": the subject
        # stands before a relative clause set off by commas
        opening = _comma_before(tokens, comma_at)
        first = tokens[opening + 1].word.lower() if opening + 1 < comma_at else ""
        if first in _RELATIVES:
            subject_begin, _ = _clause_start(tokens, max(opening, 0), text)
            subject = tokens[subject_begin : max(opening, 0)]
            return _clause_phrase(text, subject + clause, atom.start)
        if clause and _shares_subject(tokens, begin, comma_at):
            # "The laptop runs Windows 11, and costs £1,249": the sentence's subject
            return _main_subject(tokens, comma_at, text)
        return None
    return None


def _relative_opening(clause: list[_Token]) -> bool:
    """True for a clause that describes the noun before its comma: ``which costs``."""
    first = clause[0].word.lower()
    if first in ("which", "who", "that"):
        return True
    return len(clause) <= 2 and first.endswith("ed") and clause[-1].word.lower() in ("at", "to")


def _shares_subject(tokens: list[_Token], begin: int, comma: int) -> bool:
    """True for a clause with no subject of its own: ``, and weighs``, ``, is 1.86 m tall``."""
    first = tokens[begin].word.lower()
    if first in ("is", "was", "are", "were"):
        return True
    joined = begin == comma + 2 and tokens[comma + 1].word.lower() in ("and", "but", "or")
    return joined and _verbs(tokens[begin:])[:1] == [0]


def _phrase_before(tokens: list[_Token], end: int) -> tuple[int, int] | None:
    """The noun phrase that ends right before token ``end``: ``The Patriot battery``."""
    words = entity_words()
    i = end
    while i > 0 and end - i < _MAX_WORDS:
        word = tokens[i - 1].word
        if not word[:1].isalpha() or word.lower() in words.stop or word.endswith(_POSSESSIVE):
            break
        if _is_verb(word, tokens[i].word if i < end else ",", tokens[i - 2].word if i > 1 else ""):
            break
        i -= 1
    return (tokens[i].start, tokens[end - 1].end) if i < end else None


def _main_subject(tokens: list[_Token], end: int, text: str) -> tuple[int, int] | None:
    """The subject of the sentence that runs up to token ``end``, if the window holds its start."""
    start = end
    while start > 0 and not _sentence_mark(tokens[start - 1], text):
        start -= 1
    if start == 0 and tokens and tokens[0].start > 0 and text[tokens[0].start - 1] != "\n":
        return None  # the sentence may begin before the window
    first_clause = next((i for i in range(start, end) if tokens[i].word == ","), end)
    clause = tokens[start:first_clause]
    verbs = _verbs(clause)
    if not verbs or not _starts_subject(clause):
        return None
    following = [t.word for t in clause[1:]] + [","]
    return _phrase_at(clause, 0, following, limit=verbs[0])


def _sentence_mark(token: _Token, text: str) -> bool:
    """True for a full stop, question mark or the like that ends a sentence."""
    return token.word in _SENTENCE_MARKS and text[token.end : token.end + 1] in (" ", "\n", "")


def _comma_before(tokens: list[_Token], index: int) -> int:
    """Index of the last comma before ``index`` (-1 if there is none)."""
    i = index - 1
    while i >= 0 and tokens[i].word != ",":
        i -= 1
    return i


def _states_change(tokens: list[_Token]) -> bool:
    """True for an appositive change: ``, up 6% from a year earlier``, ``, down 4.5p``."""
    return [t.word.lower() for t in tokens] in (["up"], ["down"], ["up", "by"], ["down", "by"])


def _clause_start(tokens: list[_Token], end: int, text: str) -> tuple[int, bool]:
    """Index of the first token of the clause that ends at ``end``, and whether a comma opens it."""
    for i in range(end - 1, -1, -1):
        word = tokens[i].word.lower()
        if word not in _CLAUSE_BOUNDARIES:
            continue  # most words: none of the tests below holds
        if _sentence_mark(tokens[i], text):
            return i + 1, False
        if word == "(":
            return i + 1, False
        if word == ",":
            nxt = tokens[i + 1].word.lower() if i + 1 < end else ""
            return (i + 2 if nxt in _CLAUSE_CONJUNCTIONS else i + 1), True
        if word in _CLAUSE_OPENERS:
            nxt = tokens[i + 1].word.lower() if i + 1 < end else ""
            return (i + 2 if nxt == "that" else i + 1), False
        if word in _JOINERS and i + 1 < end and tokens[i + 1].word.lower() in _DETERMINERS:
            return i + 1, False
    return 0, False


def _opener_is_verb(tokens: list[_Token], begin: int, end: int) -> bool:
    """True when a verb that opens a clause (``reported``) is followed by no clause, only words."""
    opener = tokens[begin - 1].word.lower() if begin > 0 else ""
    return (
        opener in _CLAUSE_OPENERS
        and opener not in _CLAUSE_CONJUNCTIONS | {"that", "whereas", "though", "although"}
        and begin < end
        and not _verbs(tokens[begin:end])
    )


def _verbs(tokens: list[_Token]) -> list[int]:
    """Indexes of the verbs among the words of a clause that ends before a quantity."""
    return [
        i
        for i, t in enumerate(tokens)
        if t.word[:1].isalpha()
        and _is_verb(
            t.word,
            tokens[i + 1].word if i + 1 < len(tokens) else _QUANTITY,
            tokens[i - 1].word if i else "",
        )
    ]


def _clause_phrase(text: str, tokens: list[_Token], quantity: int) -> tuple[int, int] | None:
    following = [t.word for t in tokens[1:]] + [_QUANTITY]
    verbs = _verbs(tokens)
    if not verbs:
        return None
    for v in reversed(verbs):  # the object of the nearest verb that has one
        limit = next((w for w in verbs if w > v), len(tokens))
        phrase = _phrase_at(tokens, v + 1, following, limit=limit)
        if phrase is not None and text[phrase[1] : quantity].strip():
            return phrase  # "hit a record 135 TWh": a word right before the number is no object
    if _starts_subject(tokens):
        return _phrase_at(tokens, 0, following, limit=verbs[0])
    return None


def _starts_subject(tokens: list[_Token]) -> bool:
    """A clause that opens with a preposition (``In March, ...``) has no plain subject."""
    words = entity_words()
    first = tokens[0].word.lower() if tokens else ""
    if len(tokens) > 1 and _premodifier(first, tokens[1].word):
        return True  # Short sellers lost ...
    return first not in words.stop or first in words.determiners


def _phrase_at(
    tokens: list[_Token], i: int, following: list[str], limit: int | None = None
) -> tuple[int, int] | None:
    """The noun phrase starting at token ``i``, after determiners and possessives."""
    words = entity_words()
    end = len(tokens) if limit is None else limit
    while i < end and (
        tokens[i].word.lower() in words.determiners
        or tokens[i].word.endswith(_POSSESSIVE)
        or (_is_year(tokens[i].word) and following[i][:1].isalpha())  # its 2025 budget
    ):
        i += 1
    first = i
    numbers = 0  # numbers inside a name do not count as words: the FTSE 100
    while i < end and i - first - numbers < _MAX_WORDS:
        word = tokens[i].word
        if word.isdigit() and i > first and _names_number(tokens[i - 1].word, following[i]):
            numbers += 1
            i += 1
            continue
        if word.isdigit() and _hyphenated(tokens, i, end):
            numbers += 2
            i += 3  # Italian 10-year bond spreads
            continue
        if not word[:1].isalpha():
            break
        if word == "and" and i > first and i + 2 < end and _joins_nouns(tokens, i):
            i += 1  # Research and development spending
            continue
        if _ends_phrase(word, i - first, following[i]) and not _premodifier(word, following[i]):
            break
        if word.endswith(_POSSESSIVE):
            first = i + 1  # the chief executive's total pay package
        i += 1
    if i == first:
        return None
    if i - first == 1 and i + 1 < end and _counts_of(tokens[first].word, tokens[i].word):
        return _phrase_at(tokens, i + 1, following, limit)  # the number of people
    return tokens[first].start, tokens[i - 1].end


def _is_year(word: str) -> bool:
    """True for a year such as ``2025``: four characters, so most words need no pattern."""
    return len(word) == 4 and _YEAR.fullmatch(word) is not None


def _names_number(previous: str, following: str) -> bool:
    """True for a number that is part of a name: ``FTSE 100``, ``tier 1 ratio``."""
    words = entity_words()
    nxt = following.lower()
    if any(c.isupper() for c in previous):
        # FTSE 100 closed; not "gave Ukraine 50 tanks", nor "10-year"
        return nxt != "-" and nxt not in words.determiners
    return nxt[:1].isalpha() and nxt not in words.stop and nxt not in words.verbs


def _hyphenated(tokens: list[_Token], i: int, end: int) -> bool:
    """True for a number glued by a hyphen to the word after it: ``10-year``."""
    return (
        i + 2 < end
        and tokens[i + 1].word == "-"
        and tokens[i].end == tokens[i + 1].start
        and tokens[i + 1].end == tokens[i + 2].start
        and tokens[i + 2].word[:1].isalpha()
    )


def _joins_nouns(tokens: list[_Token], i: int) -> bool:
    """True for ``and`` between a noun that is no head and two plain nouns."""
    return (
        not _plural(tokens[i - 1].word)
        and _modifies(tokens[i + 1].word)
        and _modifies(tokens[i + 2].word)
    )


def _counts_of(noun: str, following: str) -> bool:
    """True for ``number of``, ``share of``: the entity is the noun after ``of``."""
    return following.lower() == "of" and noun.lower() in entity_words().quantity_nouns
