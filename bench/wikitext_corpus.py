"""Read every wikitext article of a folder and count what an editor would count.

Usage: bench/wikitext_corpus.py [FOLDER] [--each]  (default ../shared/corpora/wikipedia)

Prints the parse time (CPU) and, over the folder, the sections (lead excluded), citations
(<ref> tags, citation templates; citation-needed tags apart), see-also entries, article
links and cleanup tags; with ``--each``, the same per article.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from editlint.document import CitationKind, parse_document

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "wikipedia"


def counts(document) -> Counter:
    kinds = Counter(citation.kind for citation in document.citations)
    return Counter(
        sections=len(document.sections) - 1,
        refs=kinds[CitationKind.REF_TAG],
        cite_templates=kinds[CitationKind.CITE_TEMPLATE],
        citation_needed=kinds[CitationKind.NEEDED],
        see_also=len([e for e in document.see_also if e.source.value == "section"]),
        article_links=len([link for link in document.links if link.kind.value == "wiki"]),
        cleanup_tags=len(document.cleanup_tags),
    )


def main() -> None:
    args = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
    folder = Path(args[0]) if args else DEFAULT
    paths = sorted(folder.glob("*.wiki"))
    texts = [(path, path.read_text(encoding="utf-8")) for path in paths]
    began = time.process_time()
    documents = [parse_document(text, path) for path, text in texts]
    elapsed = time.process_time() - began
    total = Counter()
    for path, document in zip(paths, documents, strict=True):
        found = counts(document)
        total += found
        if "--each" in sys.argv:
            print(path.name, dict(found))
    size = sum(len(text.encode()) for _, text in texts) / 1e6
    print(f"{len(paths)} articles, {size:.2f} MB, parsed in {elapsed:.2f} s CPU")
    for key in (
        "sections",
        "refs",
        "cite_templates",
        "citation_needed",
        "see_also",
        "article_links",
        "cleanup_tags",
    ):
        print(f"  {key:16} {total[key]}")


if __name__ == "__main__":
    main()
