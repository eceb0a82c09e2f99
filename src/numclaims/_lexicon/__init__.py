"""Turn the vocabulary files into the lookup tables the stages use.

Each table is built once, on first use, and cached; nothing here runs at
import time.  The tables are plain dicts and tuples keyed by lower-cased
surface where the vocabulary is case-insensitive.  By what they describe:
:mod:`.amounts` (numbers, scales, units), :mod:`.money` (currencies), :mod:`.phrases`
(composites, ranges, bounds, changes) and :mod:`.context` (entity word
classes, the words of non-quantities).
"""

from numclaims._lexicon._base import fold
from numclaims._lexicon.amounts import (
    NumberWords,
    ScaleWords,
    UnitSense,
    VagueWords,
    cardinal_words,
    cue_words,
    is_folded_surface,
    number_words,
    per_units,
    percent_units,
    rate_point_units,
    scale_words,
    unit_surfaces,
    vague_words,
)
from numclaims._lexicon.context import (
    EntityWords,
    FilterWords,
    context_words,
    entity_words,
    filter_words,
    idioms,
    label_words,
    month_words,
)
from numclaims._lexicon.money import (
    Currencies,
    country_defaults,
    country_words,
    currencies,
    generated_codes,
    spaced_codes,
)
from numclaims._lexicon.phrases import (
    BoundPhrases,
    ChangeWords,
    MergeWords,
    bound_phrases,
    change_words,
    merge_words,
)
from numclaims._lexicon.relations import RelationWords, relation_words

__all__ = [
    "BoundPhrases",
    "ChangeWords",
    "Currencies",
    "EntityWords",
    "FilterWords",
    "MergeWords",
    "NumberWords",
    "RelationWords",
    "ScaleWords",
    "UnitSense",
    "VagueWords",
    "bound_phrases",
    "cardinal_words",
    "change_words",
    "context_words",
    "country_defaults",
    "country_words",
    "cue_words",
    "currencies",
    "entity_words",
    "filter_words",
    "fold",
    "generated_codes",
    "idioms",
    "is_folded_surface",
    "label_words",
    "merge_words",
    "month_words",
    "number_words",
    "per_units",
    "percent_units",
    "rate_point_units",
    "relation_words",
    "scale_words",
    "spaced_codes",
    "unit_surfaces",
    "vague_words",
]
