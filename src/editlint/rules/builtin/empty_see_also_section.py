"""SEE102 empty-see-also-section: a see-also section with no entries."""

from __future__ import annotations

from editlint.diagnostics import Applicability, Category, Fix, Severity
from editlint.document import Document
from editlint.rules.base import FixExample, Rule, RuleContext, RuleExamples
from editlint.rules.support.see_also_fixes import remove_section


class EmptySeeAlsoSection(Rule):
    code = "SEE102"
    name = "empty-see-also-section"
    category = Category.SEE_ALSO
    severity = Severity.WARNING
    fix_applicability = Applicability.SAFE
    message = "The 'See also' section is empty"
    summary = "A 'See also' heading with no entries under it."
    explanation = """\
What: a "See also" heading followed by no entries.
Why: an empty section promises related articles and delivers none; it is usually left over from an
export or from entries deleted one by one.
Example: an article that ends with a bare "See also" line.
Fix (safe): remove the heading; or list related articles under it."""
    examples = RuleExamples(
        flag=["The harbour opened in 1850.\n\n## See also\n"],
        pass_=["The harbour opened in 1850.\n\n## See also\n\n- [[Lighthouse]]\n"],
        fix=[
            FixExample(
                text="The harbour opened in 1850.\n\n## See also\n\n## References\n",
                fixed="The harbour opened in 1850.\n\n## References\n",
            )
        ],
    )

    def check(self, document: Document, context: RuleContext):
        for section_index in document.see_also_sections:
            entries = [
                block
                for block in document.blocks_in(section_index)
                if document.masked[block.start : block.end].strip()
                or _holds_link(document, block.start, block.end)
                or _without_comments(document.text[block.start : block.end]).strip()
            ]
            section = document.sections[section_index]
            if entries or any(section.start <= link.start < section.end for link in document.links):
                continue  # a wikitext hatnote ({{Main|X}}) names articles without a list
            heading = document.blocks[section.heading]
            fix = Fix(
                (remove_section(document, section_index),),
                Applicability.SAFE,
                "Remove the empty section",
            )
            yield self.diagnostic(heading.start, heading.end, fix=fix)


def _without_comments(text: str) -> str:
    """``text`` without its HTML comments (an unclosed one runs to the end)."""
    pieces = []
    cursor = 0
    while (start := text.find("<!--", cursor)) >= 0:
        pieces.append(text[cursor:start])
        end = text.find("-->", start + 4)
        cursor = len(text) if end < 0 else end + 3
    pieces.append(text[cursor:])
    return "".join(pieces)


def _holds_link(document: Document, start: int, end: int) -> bool:
    """Whether a link lies in ``[start, end)``: a list of external links, masked as they are,
    is still a list of entries."""
    return any(start <= link.start < end for link in document.links)
