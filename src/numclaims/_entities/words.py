"""Word classes guessed from a word and its neighbours: verbs, plurals, words in -ing, modifiers.

Without a statistical model, a word's class is read from closed lists
(``entity_words.txt``) and its endings.  A word that is both a verb and a
plural noun (``costs``, ``supports``) is taken as a verb only where its
neighbours say so (``battery supports 65W``, ``and costs``); a word in -ing
modifies a plain noun after it (``operating profit``) and is a verb elsewhere.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from numclaims._lexicon import change_words, entity_words, number_words

__all__ = [
    "MAX_WORDS",
    "POSSESSIVE",
    "ends_phrase",
    "gerund",
    "is_verb",
    "modifies",
    "noun_like",
    "owner",
    "plural",
    "premodifier",
    "verb_by_neighbours",
]

#: The word after a noun of a plan before its value: ``its sales forecast to $8.4bn``.
_TO = "to"

#: The most words a noun phrase may have (``Spanish 10-year bond yields``).
MAX_WORDS = 4
#: The endings of a possessive: ``the town's``, ``the banks'``.
POSSESSIVE = ("'s", "’s", "s'", "s’")


def verb_by_neighbours(word: str, following: str, previous: str = "") -> bool:
    """True for a verb; a word that may also be a noun or adjective is judged by its neighbours.

    ``costs``, ``supports`` are verbs before an object (``supports 65W``) or
    between a noun and an open-class word (``battery supports fast charging``); ``fixed``,
    ``paid`` are adjectives before a noun (``paid subscribers``).
    """
    if word.isupper() and len(word) > 1:
        return False  # an acronym: LED, CUT
    words = entity_words()
    if owner(previous):
        return False  # The party's vote fell; the Conservatives' vote share: after its owner
    lower = word.lower()
    if lower in words.verbs:
        return True
    before = previous.lower()
    if before in words.modals:
        return lower not in words.stop  # could fly, will swing past; but could also
    nxt = following.split(" ", 1)[0].lower()
    if nxt in words.modals:
        return False  # a subject: The set will cost $200
    if f"{lower} {nxt}" in words.price_verbs:
        # kayaks rent for $25, the flat now rents for; but Rents for a studio, average rents for
        return before in words.adverbs or (
            bool(previous) and before not in words.stop and _names_thing(previous)
        )
    return _by_form(word, lower, nxt, previous)


def owner(word: str) -> bool:
    """True for a possessive of a noun (``party's``), not a contraction (``it's``, ``that's``)."""
    if not word.endswith(POSSESSIVE):
        return False
    stem = word[:-1] if word.endswith(("s'", "s’")) else word[:-2]
    return stem.lower() not in entity_words().stop


def _names_thing(word: str) -> bool:
    """True for a word that may be a noun (``version``), not an adjective (``asking``)."""
    lower = word.lower()
    words = entity_words()
    adjective = (
        lower in words.averages
        or lower in words.ly_adjectives
        or lower in words.statistic_adjectives
    )
    return not adjective and not gerund(word) and not word.endswith(POSSESSIVE) and noun_like(word)


def _by_form(word: str, lower: str, nxt: str, previous: str) -> bool:
    """The verb test of :func:`verb_by_neighbours` for a word that may be another part of speech.

    ``lower`` is ``word`` lowered, ``nxt`` the next word lowered.
    """
    words = entity_words()
    before = previous.lower()
    if lower in words.plan_nouns and nxt == _TO and _names_before(before):
        return False  # raised its sales forecast to $8.4bn; cut its target to 2%
    if lower in words.ambiguous_verbs:
        return _ambiguous_is_verb(nxt, previous)
    if lower in words.statives and _amount(nxt):
        return True  # The solar panels span 7.2 metres
    if lower in words.averages and not _past_tense(lower):
        # Salaries average £31,500; but the average £300 bill, average monthly repayments
        return _amount(nxt) and before not in words.determiners
    if lower in words.participles or _past_tense(lower):
        return _participle_as_verb(lower, nxt, previous)
    if gerund(word):
        # bringing the total to 239 million; is moving north
        return nxt in words.determiners or before in words.copulas
    return False


#: :func:`verb_by_neighbours`, remembered: a pure memo of a function of three words.
#: The same words always get the same answer, whatever the text, so the cache holds
#: no state of any text; the clause readers ask again for the words of windows that
#: overlap (``_shortcuts`` can turn it off).
is_verb = lru_cache(maxsize=4096)(verb_by_neighbours)


def _names_before(before: str) -> bool:
    """True for a word a noun may follow: a determiner, a noun or an adjective.

    ``its``, ``sales``, ``annual`` (``lifted its annual forecast to``); not an
    adverb (``is widely forecast to``).
    """
    words = entity_words()
    if before in words.determiners:
        return True
    return before not in words.stop and not _adverb(before)


def _ambiguous_is_verb(nxt: str, previous: str) -> bool:
    """A verb that is also a noun (``costs``) is a verb before an object or after a cue.

    After an article it is a noun: ``taking the charge to 30p``.
    """
    words = entity_words()
    if _modifier(nxt, previous):
        return False
    if _amount(nxt) or nxt in words.determiners or nxt in words.object_starts:
        return True
    before = previous.lower()
    if before in words.verb_after or before in words.adverbs:
        return True  # and expects natural-disaster costs; now stretches for
    if before == "to" and not nxt[:1].isdigit():
        return True  # agreed to raise defence spending
    # after a noun, before an open-class word: "battery supports fast charging"; but before
    # a participle in -ing the word is its subject: "with clean-up costs reaching £830,000"
    open_class = (
        nxt[:1].isalpha() and nxt not in words.stop and nxt not in words.verbs and not gerund(nxt)
    )
    # a count before it makes it a noun: 52,000 store workers
    noun_before = previous[:1].isalpha() and before not in words.stop and noun_like(previous)
    return noun_before and open_class


def _modifier(nxt: str, previous: str) -> bool:
    """True for a verb that is also a noun, read as a noun by its neighbours.

    After an article (``taking the charge to 30p``), and before a change noun
    after no plural (``regular pay growth``; but ``Analysts expect growth``).
    """
    if previous.lower() in entity_words().articles:
        return True
    return nxt in change_words().nouns and not plural(previous)


def _amount(nxt: str) -> bool:
    """True for what opens an amount: a digit or a currency sign (``costs $320``)."""
    return nxt[:1].isdigit() or (nxt[:1] != "" and unicodedata.category(nxt[:1]) == "Sc")


def _past_tense(lower: str) -> bool:
    """True for a word in -ed that is no noun (``armoured``, but not ``speed``)."""
    return lower.endswith("ed") and len(lower) > 3 and lower not in entity_words().ed_nouns


def _participle_as_verb(lower: str, nxt: str, previous: str) -> bool:
    """The verb test for a word in -ed: a verb after an auxiliary or a subject, else an adjective.

    One that often describes a noun (``fixed``, ``adjusted``) is an adjective
    before a plain noun: ``a 30-year fixed mortgage``; but ``rates were fixed``.
    """
    words = entity_words()
    before = previous.lower()
    if lower in words.participle_adjectives and before not in words.auxiliaries:
        return not modifies(nxt) and _participle_is_verb(nxt, before)
    return _participle_is_verb(nxt, before) or _after_subject(previous, nxt)


def _participle_is_verb(nxt: str, before: str) -> bool:
    """A participle is a verb after an auxiliary; before a plain word, an adjective."""
    words = entity_words()
    if before in words.auxiliaries or before == "to":
        return True  # can cut heating bills
    if nxt.islower() and _adverb(nxt):
        return True  # drifted sideways, rose marginally
    return not nxt[:1].isalpha() or nxt in words.stop or nxt in words.verbs


def _after_subject(previous: str, nxt: str) -> bool:
    """True for a word in -ed between a plain noun and its object: ``inspectors found cracks``.

    After a determiner, a number, an adverb or nothing, it is an adjective
    (``the estimated cost``, ``Used car prices``, ``newly listed shares``).
    """
    words = entity_words()
    before = previous.lower()
    return (
        previous[:1].isalpha()
        and before not in words.stop
        and not previous.endswith(POSSESSIVE)
        and not before.endswith("ly")
        and nxt[:1].isalpha()
        and noun_like(previous)
    )


def noun_like(word: str) -> bool:
    """A rough guess that ``word`` is a noun rather than an adjective (Russian, armoured)."""
    words = entity_words()
    lower = word.lower()
    nationality = word[:1].isupper() and lower.endswith(words.nationality_endings)
    if nationality:
        return False
    return not lower.endswith(words.adjective_endings) or lower in words.ending_nouns


def plural(word: str) -> bool:
    """A rough guess that ``word`` is a plural noun: the head of its phrase."""
    lower = word.lower()
    words = entity_words()
    if lower in words.irregular_plurals:
        return True  # people, children
    return len(lower) > 3 and lower.endswith("s") and not lower.endswith(words.singular_endings)


def gerund(word: str) -> bool:
    """True for a word in -ing that is not a noun (``housing``): ``rebelling``, ``operating``.

    A word in -ing with a capital inside the sentence is a name (``Boeing``,
    ``Beijing``); so is one that opens it, as a phrase read either way keeps
    its head noun (``Rising costs``).  A hyphenated word in -ing is an
    adjective (``a £1,500 cost-of-living payment``, ``record-breaking``), and
    a preposition in -ing no verb (``The cost of an advert during the final``).
    """
    lower = word.lower()
    words = entity_words()
    return (
        lower.endswith("ing")
        and word[:1].islower()
        and "-" not in word
        and lower not in words.ing_nouns
        and lower not in words.prepositions
    )


def _number(lower: str) -> bool:
    """True for a number word, which is a value, not the thing it counts: ``rose half a cent``."""
    numbers = number_words()
    return lower in numbers.units or lower in numbers.tens or lower in numbers.fractions


def _adverb(lower: str) -> bool:
    """True for an adverb that opens no noun phrase: ``marginally``, ``sideways``, ``north``."""
    words = entity_words()
    if lower in words.directions:
        return True
    return lower.endswith("ly") and lower not in words.ly_adjectives and lower not in words.ly_nouns


def modifies(following: str) -> bool:
    """True when the word before ``following`` may modify it as an adjective: a plain noun."""
    words = entity_words()
    nxt = following.split(" ", 1)[0]
    return (
        nxt.isalpha()
        and nxt.islower()
        and nxt not in words.stop
        and nxt not in words.verbs
        and not gerund(nxt)
        and not nxt.endswith("ly")
    )


def premodifier(word: str, following: str) -> bool:
    """True for a comparative or size word before a noun: ``Short sellers``, ``high jump bar``."""
    return word.lower() in entity_words().premodifiers and modifies(following)


def _compounds(previous: str, change: str, following: str) -> bool:
    """True for a noun that the change noun after it compounds with: ``pay`` of ``pay rise``.

    Not where the change is the verb of ``previous``: in -s after it (``the
    refresh rate drops``), or before an object or ``to`` (``One dose cut the risk``).
    """
    nxt = following.lower()
    if change.endswith("s") or _amount(nxt) or nxt in entity_words().change_objects:
        return False
    return (
        previous[:1].isalpha()
        and previous.lower() not in entity_words().stop
        and not plural(previous)
        and not previous.endswith(POSSESSIVE)
    )


def compound_head(previous: str, word: str) -> bool:
    """True for a word of ``[stop]`` that heads a noun after ``previous``: ``net worth``."""
    return f"{previous.lower()} {word.lower()}" in entity_words().compound_heads


def _head_after(previous: str, word: str, following: str) -> bool:
    """True for a word of ``[stop]`` or a change that heads a noun after ``previous``.

    ``a 5% pay rise``, ``a 2% wage increase``: the change names the thing;
    ``Her net worth``: a pair of ``[compound_head]``.
    """
    lower = word.lower()
    if lower in change_words().nouns and _compounds(previous, lower, following):
        return True
    return compound_head(previous, word)


def _opens_no_phrase(word: str, lower: str, following: str) -> bool:
    """True for a first word of a phrase that opens none.

    A word of ``[not_entity]``, a number word, and an adverb, but not one in
    -ly before a participle (``2 finely chopped onions``); a word of
    ``[predicate]`` before a mark or a stop word (``62% complete,``).
    """
    words = entity_words()
    if lower in words.not_entity or _number(lower):
        return True
    if lower in words.predicates and (
        not following[:1].isalpha() or following.lower() in words.stop
    ):
        return True
    if word.islower() and _adverb(lower):
        return not (lower.endswith("ly") and following.lower().endswith("ed"))
    return False


def ends_phrase(word: str, taken: int, following: str, previous: str = "") -> bool:
    """True for a word that cannot be (or continue) the noun phrase, ``taken`` words into it."""
    words = entity_words()
    lower = word.lower()
    if taken and _head_after(previous, word, following):
        return False
    if lower in words.stop or is_verb(word, following, previous if taken else ""):
        return True
    if gerund(word) and not modifies(following):
        return True  # 11 MPs rebelling; spent $5bn buying; but 3,000 paying customers
    if taken == 0:
        return _opens_no_phrase(word, lower, following)
    # the head noun came before (3,200 water samples found lead); 40 soldiers
    # reportedly, but a monthly wage
    return plural(previous) or (lower.endswith("ly") and lower not in words.ly_adjectives)
