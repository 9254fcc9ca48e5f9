"""NEU801 biased-sentence: a learned scorer that flags sentences reading as one-sided."""

from __future__ import annotations

from collections.abc import Iterator

from editlint.diagnostics import Category, Severity
from editlint.document import Block, BlockKind, Document
from editlint.models import model, option
from editlint.rules.base import Rule, RuleContext, RuleExamples
from editlint.rules.builtin.scoring import Scorer, default_scorer
from editlint.rules.matching.voice import VoiceSpec, reported
from editlint.rules.support.workspace import Workspace

_PROSE = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM})


@model
class BiasedSentenceOptions:
    threshold: float | None = option(
        None,
        gt=0,
        lt=1,
        description="Flag sentences scored at least this likely to read as one-sided "
        "(default: the threshold chosen when the model was trained).",
    )
    max_words: int = option(3, ge=1, description="How many driving words a finding names.")
    voice: VoiceSpec = option(
        factory=lambda: VoiceSpec(
            names=True, references=True, fiction=True, attributed=True, cited="paragraph"
        ),
        description="The narrator-voice tests (as in a pack rule's `voice:`): by default no "
        "finding in a reference list, a plot summary, a sentence reporting a named holder's "
        "view, or a sentence whose paragraph is cited (its hedges mirror the source). A "
        "mapping given here replaces these defaults whole: tests it does not name are off.",
    )


def sentence_texts(document: Document) -> Iterator[tuple[int, str]]:
    """The start and text of each prose sentence outside block quotes, quotations blanked."""
    for _, start, text in prose_sentences(document):
        yield start, text


def prose_sentences(document: Document) -> Iterator[tuple[Block, int, str]]:
    """The block, start and text of each prose sentence outside block quotes, quotations
    blanked."""
    masked = document.masked
    quotations = sorted(document.quotations)
    for sentence in document.sentences:
        block = document.blocks[sentence.block]
        if block.kind not in _PROSE or block.in_blockquote:
            continue
        start, end = sentence.start, sentence.end
        text = masked[start:end]
        for q_start, q_end in quotations:
            if q_end <= start or q_start >= end:
                continue
            left, right = max(q_start, start) - start, min(q_end, end) - start
            text = text[:left] + " " * (right - left) + text[right:]
        yield block, start, text


class BiasedSentence(Rule):
    code = "NEU801"
    name = "biased-sentence"
    category = Category.NEUTRALITY
    severity = Severity.INFO
    message = (
        "The sentence reads as one-sided, driven by {words}: "
        "attribute the view or state the facts neutrally"
    )
    summary = (
        "Sentences that a trained scorer finds one-sided, with the words that drive the score."
    )
    explanation = """\
What: sentences whose wording a logistic-regression model, trained on sentences that Wikipedia
editors judged biased or weaselly, scores as likely one-sided. The finding underlines the word
that adds most to the score and names up to three such words.
Why: bias often hides in combinations of words that no single-term rule catches; the named words
show where the sentence takes a side. The model weighs wording only: function words, hedges,
stance and report verbs, and subjective adjectives and adverbs, never a noun, a name, a topic or
an identity word, so a sentence is never flagged for what it is about. It is a statistical
judgement: read the sentence, then decide. It is opt-in: on good articles most of its findings
are careful hedging that the sources share (docs/accuracy.md gives the figures).
Example: "The committee presumably accepted the plan."
Fix: attribute the judgement to the people who make it, or describe what happened in neutral
words. Raise `threshold` in editlint.yaml for fewer, surer findings. The model is retrained by
scripts/train_scorer.py; docs/accuracy.md gives its measured precision and recall."""
    options_model = BiasedSentenceOptions
    opt_in = True
    examples = RuleExamples(
        flag=["The committee presumably accepted the plan."],
        pass_=[
            "The city council approved the budget in March 2019.",
            "The Polish delegation signed the treaty in Warsaw.",
            'The minister called it "a brutal and shameful massacre of innocent people".',
        ],
    )

    def __init__(self, scorer: Scorer | None = None) -> None:
        self._scorer = scorer

    @property
    def scorer(self) -> Scorer:
        if self._scorer is None:
            self._scorer = default_scorer()
        return self._scorer

    def check(self, document: Document, context: RuleContext):
        options = context.options or BiasedSentenceOptions()
        scorer = self.scorer
        threshold = options.threshold if options.threshold is not None else scorer.threshold
        for block, start, text in prose_sentences(document):
            if scorer.probability(text) < threshold:
                continue
            found = self.finding(document, block, start, text, options)
            if found is not None:
                yield self.diagnostic(found[0], found[1], self.message.format(words=found[2]))

    def finding(
        self,
        document: Document,
        block: Block,
        start: int,
        text: str,
        options: BiasedSentenceOptions,
    ) -> tuple[int, int, str] | None:
        """The span and named words of a finding on the sentence ``text`` at ``start``, or None
        when the sentence is not in the narrator's voice."""
        drivers = self.scorer.drivers(text)[: options.max_words]
        if drivers:
            words = ", ".join(f"'{driver.word}'" for driver in drivers)
            span = (start + drivers[0].start, start + drivers[0].end)
        else:  # the score comes from many small shares: underline the sentence
            words, span = "its wording as a whole", (start, start + len(text.rstrip()))
        if options.voice.active and not reported(options.voice, document, block, *span):
            return None
        return span[0], span[1], words

    def narrator_scores(self, document: Document) -> list[float]:
        """The score of each sentence the rule may report (in the narrator's voice, default
        options): what the training script chooses the threshold on."""
        options = BiasedSentenceOptions()
        if document.workspace is None:  # read outside a Checker (the training script)
            Workspace.standalone(document)
        return [
            self.scorer.probability(text)
            for block, start, text in prose_sentences(document)
            if self.finding(document, block, start, text, options) is not None
        ]
