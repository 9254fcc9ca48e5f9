"""Python built-in rules, one module per category."""

from editlint.rules.builtin.already_tagged import AlreadyTagged
from editlint.rules.builtin.biased_sentence import BiasedSentence
from editlint.rules.builtin.counter_perspective import (
    ContestedWithoutDebate,
    NarratorView,
    OneSidedSection,
    PerspectiveHeading,
    UnansweredView,
)
from editlint.rules.builtin.links import BrokenAnchor, BrokenInternalLink
from editlint.rules.builtin.living_persons import UnsourcedLivingPersonClaim
from editlint.rules.builtin.see_also import (
    DanglingSeeAlso,
    DuplicateSeeAlso,
    EmptySeeAlsoSection,
    SeeAlsoLinkedInBody,
    SeeAlsoViaRedirect,
    SelfReferencingSeeAlso,
)
from editlint.rules.builtin.sources import BareUrlCitation, IncompleteCitation, UnreliableSource
from editlint.rules.builtin.stale import StaleStatement
from editlint.rules.builtin.unsourced import (
    ArticleWithoutCitations,
    CitationNeededMarker,
    UncitedBlock,
    UndefinedFootnote,
    UnknownCitationKey,
    UnsourcedClaim,
    UnusedFootnoteDefinition,
)
from editlint.rules.builtin.url_status import DeadLink, PermanentRedirect, UnreachableLink

BUILTIN_RULES = [
    # counter-perspective
    PerspectiveHeading,
    UnansweredView,
    NarratorView,
    OneSidedSection,
    ContestedWithoutDebate,
    # unsourced
    ArticleWithoutCitations,
    UncitedBlock,
    UnsourcedClaim,
    UndefinedFootnote,
    UnusedFootnoteDefinition,
    UnknownCitationKey,
    CitationNeededMarker,
    UnreliableSource,
    BareUrlCitation,
    IncompleteCitation,
    DeadLink,
    PermanentRedirect,
    UnreachableLink,
    StaleStatement,
    UnsourcedLivingPersonClaim,
    # see-also
    DanglingSeeAlso,
    EmptySeeAlsoSection,
    BrokenInternalLink,
    BrokenAnchor,
    SelfReferencingSeeAlso,
    DuplicateSeeAlso,
    SeeAlsoViaRedirect,
    SeeAlsoLinkedInBody,
    # neutrality
    BiasedSentence,
    AlreadyTagged,
]
