"""See-also rules: entries that lead nowhere, to the article itself, twice, through a redirect,
or to an article the body already links; and empty see-also sections."""

from __future__ import annotations

from editlint.diagnostics import Applicability, Category, Edit, Fix, Severity
from editlint.document import Document, SeeAlsoEntry, SeeAlsoSource
from editlint.index import Article, normalise_title
from editlint.index.resolve import LinkResolver, Resolution, Status
from editlint.rules.base import FixExample, Rule, RuleContext, RuleExamples
from editlint.rules.builtin.links import reports_missing, resolver_for
from editlint.rules.support.see_also_fixes import remove_entry, remove_section, rename_entry

LISTED = (SeeAlsoSource.SECTION, SeeAlsoSource.FRONT_MATTER)
# Examples run on one article alone: the entries that resolve name the article itself.
_HARBOUR = "---\ntitle: Harbour\n---\n\nThe harbour opened in 1850.\n\n"
_ALIASED = "---\ntitle: Harbour\naliases: [Port of Brest]\n---\n\nThe harbour opened.\n\n"
MAX_TITLE_WORDS = 8


def resolved_entries(
    document: Document, resolver: LinkResolver
) -> list[tuple[SeeAlsoEntry, Resolution]]:
    """Each entry that names an article, with what it resolves to."""
    pairs = []
    for entry in document.see_also:
        if entry.link is None and not _names_an_article(entry):
            continue
        if entry.link is not None:
            pairs.append((entry, resolver.resolve_link(entry.link)))
        else:
            pairs.append((entry, resolver.resolve_name(entry.target)))
    return pairs


def _names_an_article(entry: SeeAlsoEntry) -> bool:
    """An unlinked section item is a title, not a sentence or a piece of HTML."""
    if entry.source is not SeeAlsoSource.SECTION:
        return True
    name = entry.target.strip().strip("*_").strip()
    return (
        bool(name)
        and "<" not in name
        and not name.endswith((".", ":"))
        and (len(name.split()) <= MAX_TITLE_WORDS)
    )


def removal(
    document: Document, entry: SeeAlsoEntry, applicability: Applicability, description: str
) -> Fix | None:
    """A fix removing ``entry`` from its list, or None where it cannot be removed alone."""
    edit = remove_entry(document, entry)
    return Fix((edit,), applicability, description) if edit is not None else None


def removal_of_all(
    document: Document, entries: list[SeeAlsoEntry], applicability: Applicability, description: str
) -> Fix | None:
    """One fix removing every entry of ``entries``; where they cannot be removed together (front
    matter items, each a rewrite of the whole front matter), the first alone."""
    return joined([remove_entry(document, entry) for entry in entries], applicability, description)


def joined(edits: list[Edit | None], applicability: Applicability, description: str) -> Fix | None:
    """The edits as one fix; only the first when they are not all there or overlap."""
    whole = [edit for edit in edits if edit is not None]
    spans = sorted((edit.start, edit.end) for edit in whole)
    apart = all(a[1] <= b[0] and a[0] < a[1] for a, b in zip(spans, spans[1:], strict=False))
    if len(whole) != len(edits) or not apart:
        whole = whole[:1] if edits and edits[0] is not None else []
    return Fix(tuple(whole), applicability, description) if whole else None


def times(count: int, what: str) -> str:
    """'; 3 entries name it' for a finding that stands for ``count`` places, else ''."""
    return f"; {count} {what}" if count > 1 else ""


def entry_span(entry: SeeAlsoEntry) -> tuple[int, int]:
    if entry.link is not None:
        return entry.link.target_start, entry.link.target_end
    return entry.start, entry.end


def own_article(document: Document, resolver: LinkResolver) -> Article | None:
    if document.path is not None:
        article = resolver.index.by_path(document.path)
        if article is not None:
            return article
    return None


def is_self(document: Document, resolver: LinkResolver, resolution: Resolution) -> bool:
    if resolution.article is None:
        return False
    own = own_article(document, resolver)
    if own is not None:
        return resolution.article is own
    return normalise_title(resolution.article.title) == normalise_title(document.title)


class DanglingSeeAlso(Rule):
    code = "SEE101"
    name = "dangling-see-also"
    category = Category.SEE_ALSO
    severity = Severity.ERROR
    needs_index = True
    fix_applicability = Applicability.UNSAFE
    message = "See-also target '{target}' is not an article in the content repository"
    summary = "A see-also entry whose target resolves to no article."
    explanation = """\
What: a "See also" entry (section list item, front matter see_also, or a "See also X" sentence)
naming an article that does not exist in the content repository. One finding per target, at
its first entry, counts the entries that name it.
Why: readers who follow it find nothing; dangling entries also hide renamed or deleted articles.
Example: "See also Nord Stream." where no article is titled Nord Stream.
Fix (unsafe): apply the "did you mean" suggestion when the index has a close title; otherwise
remove the entry from the see-also list. Or write the missing article."""
    examples = RuleExamples(
        flag=["The harbour opened in 1850.\n\n## See also\n\n- [[Nord Stream]]\n"],
        pass_=[f"{_HARBOUR}## See also\n\n- [[Harbour]]\n"],
        fix=[
            FixExample(
                text=f"{_HARBOUR}## See also\n\n- [[Harbour]]\n- [[Nord Stream]]\n",
                fixed=f"{_HARBOUR}## See also\n\n- [[Harbour]]\n",
                unsafe=True,
            )
        ],
    )

    def check(self, document: Document, context: RuleContext):
        resolver = resolver_for(document, context)
        if resolver is None or not reports_missing(document, context, resolver):
            return
        prefixes = resolver.url_prefixes
        missing: dict[str, tuple[str, list[SeeAlsoEntry]]] = {}  # one finding per target
        for entry, resolution in resolved_entries(document, resolver):
            if resolution.status is Status.MISSING:
                name = resolution.name or entry.target
                missing.setdefault(normalise_title(name), (name, []))[1].append(entry)
        for name, entries in missing.values():
            message = self.message.format(target=name)
            suggestion = context.index.suggest(name)
            if suggestion:
                message += f" (did you mean '{suggestion}'?)"
                article = context.index.resolve(suggestion)
                edits = [rename_entry(document, e, article, prefixes, suggestion) for e in entries]
                fix = joined(edits, Applicability.UNSAFE, f"Replace with '{suggestion}'")
            else:
                fix = removal_of_all(document, entries, Applicability.UNSAFE, "Remove the entry")
            message += times(len(entries), "entries name it")
            yield self.diagnostic(*entry_span(entries[0]), message, fix, target=name)


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


class SelfReferencingSeeAlso(Rule):
    code = "SEE105"
    name = "self-referencing-see-also"
    category = Category.SEE_ALSO
    severity = Severity.WARNING
    needs_index = True
    fix_applicability = Applicability.UNSAFE
    message = "See-also entry '{target}' points to this article itself"
    summary = "A see-also entry that names the article it is in."
    explanation = """\
What: a see-also entry (or a "See also X" pointer) that resolves to the article itself.
Why: it sends readers in a circle; it is usually copied from another article's list.
Example: an article titled NATO whose see-also list contains [[NATO]].
Fix (unsafe): remove the entry from the see-also list."""
    examples = RuleExamples(
        flag=[f"{_HARBOUR}## See also\n\n- [[Harbour]]\n"],
        pass_=[f"{_HARBOUR}## See also\n\n- [[Lighthouse]]\n"],
        fix=[
            FixExample(
                text=f"{_HARBOUR}## See also\n\n- [[Harbour]]\n- [[Lighthouse]]\n",
                fixed=f"{_HARBOUR}## See also\n\n- [[Lighthouse]]\n",
                unsafe=True,
            )
        ],
    )

    def check(self, document: Document, context: RuleContext):
        resolver = resolver_for(document, context)
        if resolver is None:
            return
        for entry, resolution in resolved_entries(document, resolver):
            if resolution.status is not Status.FOUND or resolution.anchor:
                continue
            if not is_self(document, resolver, resolution):
                continue
            fix = removal(document, entry, Applicability.UNSAFE, "Remove the entry")
            message = self.message.format(target=resolution.name or entry.target)
            yield self.diagnostic(*entry_span(entry), message, fix)


class DuplicateSeeAlso(Rule):
    code = "SEE106"
    name = "duplicate-see-also"
    category = Category.SEE_ALSO
    severity = Severity.WARNING
    needs_index = True
    fix_applicability = Applicability.SAFE
    message = "See-also entry '{target}' repeats an earlier entry of the same list"
    summary = "The same article listed twice in one see-also list."
    explanation = """\
What: two entries of the same see-also list (the section, or front matter see_also) that reach
the same article, by the same name or by an alias or redirect. One finding per article, at its
first repetition, counts the entries that repeat it.
Why: repetition makes the list longer without pointing anywhere new.
Example: "- [[NATO]]" and "- [[North Atlantic Treaty Organization]]" in one list.
Fix (safe): remove the later entries."""
    examples = RuleExamples(
        flag=["The harbour opened.\n\n## See also\n\n- [[Lighthouse]]\n- [[lighthouse]]\n"],
        pass_=["The harbour opened.\n\n## See also\n\n- [[Lighthouse]]\n- [[Pier]]\n"],
        fix=[
            FixExample(
                text="The harbour opened.\n\n## See also\n\n- [[Lighthouse]]\n- [[lighthouse]]\n",
                fixed="The harbour opened.\n\n## See also\n\n- [[Lighthouse]]\n",
            )
        ],
    )

    def check(self, document: Document, context: RuleContext):
        resolver = resolver_for(document, context)
        if resolver is None:
            return
        repeats: dict[tuple, list[tuple[SeeAlsoEntry, Resolution]]] = {}  # by the first entry
        for entry, resolution in resolved_entries(document, resolver):
            if entry.source not in LISTED:
                continue
            target = resolution.article.file if resolution.article else None
            key = (entry.source, target or normalise_title(entry.target), resolution.anchor)
            repeats.setdefault(key, []).append((entry, resolution))
        for pairs in repeats.values():  # one finding per target, at its first repetition
            if len(pairs) < 2:
                continue
            entry, resolution = pairs[1]
            later = [later_entry for later_entry, _ in pairs[1:]]
            fix = removal_of_all(document, later, Applicability.SAFE, "Remove the duplicate")
            message = self.message.format(target=resolution.name or entry.target)
            message += times(len(later), "entries repeat it")
            yield self.diagnostic(*entry_span(entry), message, fix)


class SeeAlsoViaRedirect(Rule):
    code = "SEE107"
    name = "see-also-via-redirect"
    category = Category.SEE_ALSO
    severity = Severity.WARNING
    needs_index = True
    fix_applicability = Applicability.SAFE
    message = "See-also entry '{target}' reaches '{title}' only through {via}"
    summary = "A see-also entry naming an alias or redirect instead of the article's title."
    explanation = """\
What: a see-also entry that reaches its article only through an alias (front matter aliases),
a redirect (front matter redirect_from, the redirects file, or a redirect page).
Why: see-also lists should name articles as readers will find them; redirects break when the
alias is reused, and readers see a different title than the one listed.
Example: "- [[North Atlantic Treaty Organization]]" where the article is titled NATO.
Fix (safe): replace the entry with the article's canonical title."""
    examples = RuleExamples(
        flag=[f"{_ALIASED}## See also\n\n- [[Port of Brest]]\n"],
        pass_=[f"{_ALIASED}## See also\n\n- [[Harbour]]\n"],
        fix=[
            FixExample(
                text=f"{_ALIASED}## See also\n\n- [[Port of Brest]]\n",
                fixed=f"{_ALIASED}## See also\n\n- [[Harbour]]\n",
            )
        ],
    )

    def check(self, document: Document, context: RuleContext):
        resolver = resolver_for(document, context)
        if resolver is None:
            return
        for entry, resolution in resolved_entries(document, resolver):
            if resolution.status is not Status.FOUND or resolution.via is None:
                continue
            article = resolution.article
            via = "a redirect" if resolution.via == "redirect" else "an alias"
            target = resolution.name or entry.target
            message = self.message.format(target=target, title=article.title, via=via)
            edit = rename_entry(document, entry, article, resolver.url_prefixes)
            fix = None
            if edit is not None and article.redirect_to is None:
                fix = Fix((edit,), Applicability.SAFE, f"Replace with '{article.title}'")
            yield self.diagnostic(*entry_span(entry), message, fix)


class SeeAlsoLinkedInBody(Rule):
    code = "SEE108"
    name = "see-also-linked-in-body"
    category = Category.SEE_ALSO
    severity = Severity.INFO
    needs_index = True
    message = "See-also entry '{target}' is already linked from the article body"
    summary = "A see-also entry for an article the body already links to."
    explanation = """\
What: an entry of the see-also section (or front matter see_also) whose article is already
linked from the body of the article.
Why: Wikipedia's guidance: the see-also section is for related articles not already linked in
the text; repeating body links there adds length without adding paths.
Example: a body that links [[NATO]] and a see-also list that lists NATO again.
Fix: remove the entry, unless the body link is incidental and the relation deserves a pointer."""
    examples = RuleExamples(
        flag=[
            "---\ntitle: Harbour\n---\n\nThe [[Harbour]] grew.\n\n## See also\n\n- [[Harbour]]\n"
        ],
        pass_=[f"{_HARBOUR}## See also\n\n- [[Harbour]]\n"],
    )

    def check(self, document: Document, context: RuleContext):
        resolver = resolver_for(document, context)
        if resolver is None:
            return
        listed = [
            (entry, resolution)
            for entry, resolution in resolved_entries(document, resolver)
            if entry.source in LISTED
            and resolution.article is not None
            and resolution.status is Status.FOUND
        ]
        if not listed:
            return  # no entry names an article: the body's links need no resolving
        in_sections = [
            (document.sections[index].start, document.sections[index].end)
            for index in document.see_also_sections
        ]
        linked = set()
        for link in document.links:
            if link.start < document.body_start or any(a <= link.start < b for a, b in in_sections):
                continue
            resolution = resolver.resolve_link(link)
            if resolution.status is Status.FOUND and resolution.article is not None:
                linked.add(resolution.article.file)
        for entry, resolution in listed:
            if resolution.article.file in linked:
                message = self.message.format(target=resolution.name or entry.target)
                yield self.diagnostic(*entry_span(entry), message)
