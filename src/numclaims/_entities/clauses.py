"""The clause around a quantity: the object of its last verb, or else its subject.

In the quantity's clause, the object of the last verb before it is the
thing (``the ECB cut its deposit rate by 25bp`` -> ``deposit rate``), or
else the subject is (``House prices in London fell 3%`` -> ``House prices``).
The object of a verb of paying is who is paid (``pays its staff £12.60 an
hour`` -> ``staff``); the object of ``cost`` is who pays, and the subject is
the thing.  A clause with no subject of its own borrows one: a change after
a comma (``..., up 6%``), a verb after ``, and`` and a participle after a
joiner (``, after shrinking 0.1%``) take the sentence's; a relative clause
takes the noun before its comma (``, which costs $1bn``) or before ``that``
(``a profit that fell 27%``); a subject before an aside (``The VIX, Wall
Street's fear gauge, jumped``) is the clause's after it.

The window before the number is tokenised once (``tokens``); where its
clause starts, and which of its words are verbs, ``boundaries`` says.
"""

from __future__ import annotations

import regex

from numclaims._entities.appositions import (
    participle_opens,
    subject_before,
    subject_before_comma,
)
from numclaims._entities.boundaries import (
    changed_object,
    clause_start,
    comma_before,
    forecast_by,
    past_fronted,
    payee,
    pronoun_object,
    sentence_start,
    verbs_among,
    verbs_in,
)
from numclaims._entities.lists import (
    follows_value,
    listed_name,
    participle_object,
    participle_subject,
    set_at,
)
from numclaims._entities.phrases import phrase_at, phrase_before
from numclaims._entities.tokens import CLAUSE_WINDOW, TextContext, Token, next_word
from numclaims._entities.words import gerund, premodifier
from numclaims._lexicon import change_words, entity_words
from numclaims._scan import Atom
from numclaims._text import KEEP_GIL

__all__ = ["clause_entity", "subject_of"]

#: What follows the last word before a quantity, as the verb tests see it: a number.
_QUANTITY = "0"
#: What an object before a quantity is to it (:func:`_object_role`).
_STATISTIC, _PAYER, _OBJECT, _OTHER = "statistic", "payer", "object", ""
_UNNAMED = "unnamed"  # a pronoun: the object is a thing the clause does not name
#: The word that may open an aside before its participle: ``The bats, each weighing``.
_EACH = "each"
#: Two letters in a row: a window without them holds no word to name (``1 1 1 ...``).
_TWO_LETTERS = regex.compile(r"[A-Za-z]{2}")


def _names_nothing(text: str, lo: int, end: int) -> bool:
    """True where ``text[lo:end]`` holds no two letters in a row: ``1 1 1 ...`` names nothing.

    A rule, not only a speed-up: it also keeps a verb written without two
    letters in a row (``n't``) from naming a thing in such a window.
    """
    return _TWO_LETTERS.search(text, lo, end, KEEP_GIL) is None


def clause_entity(atom: Atom, context: TextContext) -> tuple[int, int] | None:
    """The object of the clause's last verb before the quantity, or else its subject.

    A change stated after a comma (``..., up 6% from a year earlier``) is
    stated of the clause before the comma.
    """
    text = context.text
    lo = max(0, atom.start - CLAUSE_WINDOW)
    if _names_nothing(text, lo, atom.start):
        return None
    tokens = context.tokens(lo, atom.start)
    end = len(tokens)
    for _ in range(2):
        begin, comma = clause_start(tokens, end, text)
        found, comma = _own_phrase(tokens, begin, end, comma, text, atom.start)
        if found is not None or not comma:
            return found
        comma_at = comma_before(tokens, begin)
        past_aside = _past_participle_aside(tokens, begin, end, comma_at, text, atom.start)
        if past_aside is not None:
            return past_aside  # Real wages, adjusted for inflation, rose 1.2%
        if not _restates(tokens, begin, end, atom, text):
            return _borrowed(tokens, begin, end, comma_at, text, atom.start)
        restated = _restated_entity(context, tokens, comma_at)
        if restated is not None:
            return restated[0]  # 412 households ..., up 27%; from $405m, or $1.14 a share
        end = comma_at  # the clause before the comma
    return None


def _restated_entity(
    context: TextContext, tokens: list[Token], comma: int
) -> tuple[tuple[int, int] | None] | None:
    """The entity of the value that a clause after token ``comma`` restates, if it stands there.

    The value stands in the clause before the comma, and its entity, or the
    lack of one, is the restated value's (``from $405m, or $1.14 a share``
    names nothing); index points are no thing a restated change counts
    (``The Dow fell 533 points, or 1.4%``): None then, to read the clause.
    """
    if context.last is None or comma < 0:
        return None
    end, span = context.last
    begin, _ = clause_start(tokens, comma, context.text)
    if 0 < begin < comma and not verbs_in(tokens[begin:comma]):
        # spent £1.4bn on groceries in the week before Christmas, 6% more: a
        # phrase with no verb is no clause of its own
        begin, _ = clause_start(tokens, begin, context.text)
    lo = tokens[begin].start if begin < comma else tokens[comma].start
    if not lo < end <= tokens[comma].start:
        return None  # no value in the clause before the comma
    if span is not None and context.text[span[0] : span[1]].lower() in entity_words().scale_nouns:
        return None
    return (span,)


def subject_of(atom: Atom, context: TextContext) -> tuple[int, int] | None:
    """The subject of a quantity that is itself the verb: ``Sales of heat pumps doubled``."""
    text = context.text
    lo = max(0, atom.start - CLAUSE_WINDOW)
    if _names_nothing(text, lo, atom.start):
        return None
    tokens = context.tokens(lo, atom.start)
    begin, _ = clause_start(tokens, len(tokens), text)
    clause = tokens[begin:]
    if not clause or verbs_in(clause) or not _starts_subject(clause):
        return None
    if next_word(text, atom.end) in entity_words().determiners:
        return None  # The company halved its dividend: an object follows
    following = [t.word for t in clause[1:]] + [_QUANTITY]
    return phrase_at(clause, 0, following)


def _own_phrase(
    tokens: list[Token], begin: int, end: int, comma: bool, text: str, quantity: int
) -> tuple[tuple[int, int] | None, bool]:
    """The clause's own object or subject, and whether a comma opens the clause it was read in."""
    found = _clause_phrase(text, tokens[begin:end], quantity)
    if found is None and _relative_verb(tokens, begin, end):
        found = phrase_before(tokens, begin - 1)  # a profit that fell 27%: the noun before
    elif found is None and _opener_is_verb(tokens, begin, end):
        # "Apple reported revenue of $94.9bn": no verb follows, so the opener is the verb
        outer, comma = clause_start(tokens, begin - 1, text)
        found = _clause_phrase(text, tokens[outer:end], quantity)
    elif found is None and not verbs_in(tokens[begin:end]):
        clause = tokens[begin:end]
        listed = listed_name(clause) if follows_value(tokens, begin) else None
        # Apple fell 1.2%, Tesla 2.6%; with income tax accounting for a quarter
        opener = tokens[begin - 1].word.lower() if begin else ""
        found = listed or participle_subject(clause) or set_at(clause, opener)
        if found is None and comma:
            found = participle_object(clause)  # , boosting school funding by 6.5%
    return found, comma


def _borrowed(
    tokens: list[Token], begin: int, end: int, comma: int, text: str, quantity: int
) -> tuple[int, int] | None:
    """The subject a clause after a comma borrows: the noun before the comma, or the sentence's."""
    clause = tokens[begin:end]
    if clause and _relative_opening(clause):
        # "The Patriot battery, which costs over $1bn": the noun before the comma
        return phrase_before(tokens, comma)
    if _joined_participle(tokens, begin, end, comma):
        # "The economy grew 0.6%, after shrinking 0.1%": the sentence's subject
        return _main_subject(tokens, comma, text)
    if clause and _participle_aside(clause):
        # "The satellite, weighing 2,100 kilograms,": a subject before the comma
        return subject_before_comma(tokens, comma, text)
    # "Core inflation, which strips out food, eased 0.4pp": the subject
    # stands before a relative clause set off by commas
    opening = comma_before(tokens, comma)
    first = tokens[opening + 1].word.lower() if opening + 1 < comma else ""
    if first in entity_words().relative_asides:
        subject_begin, _ = clause_start(tokens, max(opening, 0), text)
        subject = tokens[subject_begin : max(opening, 0)]
        return _clause_phrase(text, subject + clause, quantity)
    if clause and _shares_subject(tokens, begin, comma):
        # "The laptop runs Windows 11, and costs £1,249": the sentence's subject
        return _main_subject(tokens, comma, text)
    return None


def _past_participle_aside(
    tokens: list[Token], begin: int, end: int, comma: int, text: str, quantity: int
) -> tuple[int, int] | None:
    """The subject before an aside of a past participle or a noun, read with the clause.

    ``Real wages, adjusted for inflation, rose 1.2%``; ``The VIX, Wall
    Street's fear gauge, jumped 3.2 points``: the aside between the two
    commas describes the subject before it, and the verb that opens the
    clause after it is the subject's.  None where no such aside stands
    before ``comma``.
    """
    opening = comma_before(tokens, comma) if comma > 0 else -1
    if opening < 1:
        return None
    if not participle_opens(tokens, opening + 1, comma) and not _noun_aside(
        tokens, opening, comma, begin, end
    ):
        return None
    subject_begin, _ = clause_start(tokens, opening, text)
    subject = tokens[subject_begin:opening]
    if not subject or verbs_in(subject):
        return None  # the aside follows a clause, not a subject
    return _clause_phrase(text, subject + tokens[begin:end], quantity)


def _noun_aside(tokens: list[Token], opening: int, comma: int, begin: int, end: int) -> bool:
    """True for a noun phrase between commas before a clause that opens with its verb."""
    aside = [token.word for token in tokens[opening + 1 : comma]]
    first = aside[0] if aside else ""
    words = entity_words()
    if not first.isalpha() or verbs_among(aside, [*aside[1:], ","]):
        return False  # no aside, an age (Patel, 46,), a clause
    if first.lower() in words.stop and first.lower() not in words.determiners:
        return False  # an adverb (, however,), a pronoun; but Brent crude, the global benchmark,
    return verbs_in(tokens[begin:end])[:1] == [0]


def _relative_opening(clause: list[Token]) -> bool:
    """True for a clause that describes the noun before its comma: ``which costs``."""
    words = entity_words()
    first = clause[0].word.lower()
    if first in words.relative_openers:
        return True
    return (
        len(clause) <= 2
        and first.endswith("ed")
        and clause[-1].word.lower() in words.participle_links
    )


def _participle_aside(clause: list[Token]) -> bool:
    """True for an aside that is a participle in -ing alone, maybe after ``each``.

    ``The satellite, weighing 2,100 kilograms,``; ``The bats, each weighing``:
    stated of the subject before the comma (:func:`_borrowed` checks it is one).
    """
    if len(clause) == 2 and clause[0].word.lower() == _EACH:
        clause = clause[1:]
    return len(clause) == 1 and gerund(clause[0].word)


def _joined_participle(tokens: list[Token], begin: int, end: int, comma: int) -> bool:
    """True for a participle in -ing after a comma and a joiner: ``, after shrinking``."""
    if end != begin + 1 or begin != comma + 2 or not gerund(tokens[begin].word):
        return False
    words = entity_words()
    joiner = tokens[comma + 1].word.lower()
    return joiner in words.clause_joiners or joiner in words.subordinators


def _shares_subject(tokens: list[Token], begin: int, comma: int) -> bool:
    """True for a clause with no subject of its own: ``, and weighs``, ``, is 1.86 m tall``."""
    words = entity_words()
    first = tokens[begin].word.lower()
    if first in words.copulas or first in words.modals:
        return True  # , is 2.1 m tall; The frigate, 138 metres long, will cost
    joined = begin == comma + 2 and tokens[comma + 1].word.lower() in words.coordinators
    return joined and verbs_in(tokens[begin:])[:1] == [0]


def _main_subject(tokens: list[Token], end: int, text: str) -> tuple[int, int] | None:
    """The subject of the sentence that runs up to token ``end``, if the window holds its start."""
    start = sentence_start(tokens, end, text)
    if start is None:
        return None  # the sentence may begin before the window
    first_clause = next((i for i in range(start, end) if tokens[i].word == ","), end)
    clause = tokens[start:first_clause]
    verbs = verbs_in(clause)
    if not _starts_subject(clause):
        return None
    following = [t.word for t in clause[1:]] + [","]
    # The frigate, 138 metres long, will ...: a subject with no verb before its aside
    return phrase_at(clause, 0, following, limit=verbs[0] if verbs else None)


def _restates(tokens: list[Token], begin: int, end: int, atom: Atom, text: str) -> bool:
    """True for a clause after a comma that restates the one before: a change, a comparison.

    ``, up 6% from a year earlier``; ``, or 1.1%``; ``, about 50% more
    than``: a value (after closed-class words alone) followed by a word of
    comparison; not a count, whose noun is left unsaid (``three more than``).
    """
    clause = tokens[begin:end]
    if _states_change(clause):
        return True
    words = entity_words()
    if not all(t.word.lower() in words.stop for t in clause):
        return False
    joiner = tokens[begin - 1].word.lower() if begin > 1 and tokens[begin - 2].word == "," else ""
    if joiner in words.appositive_changes:
        return True  # , or 1.1%
    if atom.kind == "multiple":
        return True  # , nearly twice the target; , about 40 times what
    # a count compared leaves its noun unsaid (three more than his total): no subject's
    return atom.kind != "number" and next_word(text, atom.end) in words.comparisons


def _states_change(tokens: list[Token]) -> bool:
    """True for an appositive change: ``, up 6% from a year earlier``, ``, down 4.5p``."""
    return " ".join(t.word.lower() for t in tokens) in entity_words().appositive_changes


def _relative_verb(tokens: list[Token], begin: int, end: int) -> bool:
    """True for a clause that opens with its verb after ``that`` or ``which``: a relative clause.

    ``eating into a profit that fell 27%``: the clause has no subject of its
    own; the noun before ``that`` is what it states the value of.  Only a
    verb that states a value of its subject counts (a change, a form of
    ``be``, ``weighs``, ``averaged``); after another, the value may be how
    much the noun did something.
    """
    words = entity_words()
    verb = tokens[begin].word.lower() if begin < end else ""
    states = verb in words.copulas or verb in words.statives or verb in words.averages
    return (
        begin > 1
        and tokens[begin - 1].word.lower() in words.relative_openers
        and (states or verb in change_words().verbs)
        and verbs_in(tokens[begin:end])[:1] == [0]
    )


def _opener_is_verb(tokens: list[Token], begin: int, end: int) -> bool:
    """True when a verb that opens a clause (``reported``) is followed by no clause, only words."""
    opener = tokens[begin - 1].word.lower() if begin > 0 else ""
    return (
        opener in entity_words().reporting_verbs and begin < end and not verbs_in(tokens[begin:end])
    )


def _clause_phrase(text: str, tokens: list[Token], quantity: int) -> tuple[int, int] | None:
    """The object of the clause's nearest verb that has one, or else its subject."""
    words = [t.word for t in tokens]
    following = [*words[1:], _QUANTITY]
    verbs = verbs_among(words, following)
    if not verbs:
        return None
    coordinators = entity_words().coordinators
    for v in reversed(verbs):  # the object of the nearest verb that has one
        limit = next((w for w in verbs if w > v), len(tokens))
        phrase, role = _object_of(text, tokens, v, limit, quantity, following)
        if role == _UNNAMED:
            return None  # Traders expect it to close above 5,000: what it stands for
        if role == _STATISTIC:
            break  # lost an average of 6.8 kg: the subject's average
        if role == _PAYER:
            # The strike cost the airline £30m: the airline pays, the strike costs
            return subject_before(tokens, v) or _first_subject(tokens, verbs, following)
        if role == _OBJECT:
            return phrase
        if v and tokens[v - 1].word.lower() in coordinators:
            break  # carry a crew of 157 and cost £1bn: the value is the second verb's own
    subject = _first_subject(tokens, verbs, following)
    if subject is not None and forecast_by(tokens, verbs[-1], subject, text):
        return None  # analysts had expected $4.55bn: a value for comparison
    return subject


def _object_of(
    text: str, tokens: list[Token], v: int, limit: int, quantity: int, following: list[str]
) -> tuple[tuple[int, int] | None, str]:
    """The object of verb ``v`` (before token ``limit``, the next verb) and its role."""
    phrase = phrase_at(tokens, v + 1, following, limit=limit)
    if phrase is not None:
        return phrase, _object_role(text, tokens, v, phrase, quantity)
    return None, _UNNAMED if v + 1 < limit and pronoun_object(tokens, v) else _OTHER


def _object_role(
    text: str, tokens: list[Token], v: int, phrase: tuple[int, int], quantity: int
) -> str:
    """What the object ``phrase`` of the verb at token ``v`` is to the quantity after it.

    A statistic of the subject (``lost an average of``), who pays (``cost
    the airline``), the thing itself, or none of them: a word right before
    the number is no object (``hit a record 135 TWh``), unless it names who
    is paid (``pays its checkout staff £12.60``).
    """
    if _statistic(text, phrase):
        return _STATISTIC
    if tokens[v].word.lower() in entity_words().payer_verbs:
        return _PAYER
    if text[phrase[1] : quantity].strip() or payee(tokens, v) or changed_object(tokens, v):
        return _OBJECT
    return _OTHER


def _first_subject(
    tokens: list[Token], verbs: list[int], following: list[str]
) -> tuple[int, int] | None:
    """The subject that opens the clause, before its first verb.

    A place or a time fronted without a comma is passed over: ``In London
    the average rent was``, ``In March prices rose``.
    """
    if _starts_subject(tokens):
        return phrase_at(tokens, 0, following, limit=verbs[0])
    start = past_fronted(tokens, verbs[0])
    return phrase_at(tokens, start, following, limit=verbs[0]) if start else None


def _statistic(text: str, phrase: tuple[int, int]) -> bool:
    """True for an object that names a statistic of the subject: ``an average of``."""
    words = text[phrase[0] : phrase[1] + 4].lower().split()
    return len(words) == 2 and words[1] == "of" and words[0] in entity_words().not_linked


def _starts_subject(tokens: list[Token]) -> bool:
    """A clause that opens with a preposition (``In March, ...``) has no plain subject."""
    words = entity_words()
    first = tokens[0].word.lower() if tokens else ""
    if len(tokens) > 1 and premodifier(first, tokens[1].word):
        return True  # Short sellers lost ...
    return first not in words.stop or first in words.determiners
