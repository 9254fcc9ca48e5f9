"""Python built-in rules, one module per rule (what several share is in rules/support/)."""

from editlint.rules.builtin.already_tagged import AlreadyTagged
from editlint.rules.builtin.article_without_citations import ArticleWithoutCitations
from editlint.rules.builtin.bare_url_citation import BareUrlCitation
from editlint.rules.builtin.biased_sentence import BiasedSentence
from editlint.rules.builtin.broken_anchor import BrokenAnchor
from editlint.rules.builtin.broken_internal_link import BrokenInternalLink
from editlint.rules.builtin.citation_needed_marker import CitationNeededMarker
from editlint.rules.builtin.contested_without_debate import ContestedWithoutDebate
from editlint.rules.builtin.dangling_see_also import DanglingSeeAlso
from editlint.rules.builtin.dead_link import DeadLink
from editlint.rules.builtin.duplicate_see_also import DuplicateSeeAlso
from editlint.rules.builtin.empty_see_also_section import EmptySeeAlsoSection
from editlint.rules.builtin.incomplete_citation import IncompleteCitation
from editlint.rules.builtin.living_persons import UnsourcedLivingPersonClaim
from editlint.rules.builtin.narrator_view import NarratorView
from editlint.rules.builtin.one_sided_section import OneSidedSection
from editlint.rules.builtin.permanent_redirect import PermanentRedirect
from editlint.rules.builtin.perspective_heading import PerspectiveHeading
from editlint.rules.builtin.see_also_linked_in_body import SeeAlsoLinkedInBody
from editlint.rules.builtin.see_also_via_redirect import SeeAlsoViaRedirect
from editlint.rules.builtin.self_referencing_see_also import SelfReferencingSeeAlso
from editlint.rules.builtin.stale import StaleStatement
from editlint.rules.builtin.unanswered_view import UnansweredView
from editlint.rules.builtin.uncited_block import UncitedBlock
from editlint.rules.builtin.undefined_footnote import UndefinedFootnote
from editlint.rules.builtin.unknown_citation_key import UnknownCitationKey
from editlint.rules.builtin.unreachable_link import UnreachableLink
from editlint.rules.builtin.unreliable_source import UnreliableSource
from editlint.rules.builtin.unsourced_claim import UnsourcedClaim
from editlint.rules.builtin.unused_footnote_definition import UnusedFootnoteDefinition

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
