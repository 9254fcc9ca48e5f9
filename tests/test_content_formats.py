"""JSON front matter (Hugo's leading object) and MDX articles (Markdown with ESM and JSX)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

import editlint
from editlint.document import parse_document
from editlint.document.mdx import blank_mdx
from gitrepo import GitRepo

ROOT = Path(__file__).resolve().parents[1]


def test_json_front_matter_gives_the_title_and_see_also(tmp_path):
    (tmp_path / "editlint.yaml").write_text("select: [SEE101, SEE103, INP]\n")
    (tmp_path / "thames.md").write_text('{\n  "title": "River Thames"\n}\n\nA river.\n')
    text = (
        '{\n  "title": "London",\n  "see_also": ["River Thames", "Nowhere"]\n}\n\n'
        "[[River Thames]] flows.\n"
    )
    (tmp_path / "london.md").write_text(text)
    found = editlint.check_text(text, tmp_path / "london.md")
    assert [(d.code, text[d.start : d.end]) for d in found] == [("SEE101", '"Nowhere"')]
    assert found[0].fix is None or found[0].fix.edits == ()  # no YAML edit on JSON
    document = parse_document(text, tmp_path / "london.md")
    assert (document.title, document.body_start) == ("London", text.index("\n\n") + 1)
    assert document.masked.split() == ["River", "Thames", "flows."]


def test_broken_json_front_matter_is_an_input_finding_where_it_breaks(tmp_path):
    cases = {
        '{\n  "title": \n}\n\nText.\n': ("invalid JSON in front matter: Expecting value", 14),
        '{\n  "title": "a",\n  "title": "b"\n}\nText.\n': ("duplicate key 'title'", 0),
        '{\n  "title": "a"\n} trailing\nText.\n': ("text after its closing brace", 18),
        '{"a": ' + "[\n" * 100_000 + "]\n" * 100_000 + "}\nText.\n": ("nesting too deep", 0),
    }
    for text, (words, offset) in cases.items():
        [finding] = editlint.check_text(text, tmp_path / "b.md")
        assert finding.code == "INP003" and words in finding.message, finding.message
        assert finding.start == offset


def test_a_template_or_a_liquid_tag_at_the_start_is_not_json_front_matter():
    for text in ("{{Infobox}}\nText.\n", "{% include x %}\nText.\n", "{note} Text.\n"):
        assert parse_document(text, Path("a.md")).front_matter is None


MDX = """---
title: Harbour
---
import { Chart } from "../components/chart"
export const meta = {
  draft: true,
}

# Harbour

The harbour opened in 1850.[^1]

<Chart
  data={[1, 2]}
  caption="the legendary chart > all others"
/>

<Note type="tip">

The quay is long, critics say.

</Note>

{/* a renowned comment */}

```js
import legendary from "x"
```

[^1]: Port records.
"""


def test_mdx_leaves_esm_jsx_and_expressions_out_of_prose():
    document = parse_document(MDX, Path("harbour.mdx"))
    assert document.text == MDX and document.format == "markdown"
    assert document.title == "Harbour"
    prose = [document.masked[b.start : b.end].strip() for b in document.blocks]
    assert prose == [
        "Harbour",
        "The harbour opened in 1850.",
        "The quay is long, critics say.",
        "",  # the fenced code block: not prose
        "Port records.",
    ]
    blanked = blank_mdx(MDX)
    assert len(blanked) == len(MDX) and blanked.count("\n") == MDX.count("\n")
    assert "import legendary" in blanked  # inside a code fence: kept as code


def test_mdx_findings_are_at_their_place_in_the_file(tmp_path):
    (tmp_path / "editlint.yaml").write_text("select: [NEU, SRC104, INP]\n")
    path = tmp_path / "harbour.mdx"
    path.write_text(MDX)
    found = editlint.check_text(MDX, path)
    assert [(d.code, MDX[d.start : d.end]) for d in found] == [("NEU201", "critics say")]
    assert found[0].start == MDX.index("critics say")
    # The peacock words of the JSX attribute and the expression are not prose...
    assert editlint.check_text(MDX.replace("critics say", "records show"), path) == []
    # ...as they would be in a sentence.
    prose = "The legendary chart, a renowned comment.\n"
    assert {d.code for d in editlint.check_text(prose, tmp_path / "p.md")} == {"NEU101"}


def test_mdx_files_are_walked_indexed_and_in_the_hook_pattern(tmp_path, cli):
    repo = GitRepo(tmp_path / "site").path
    (repo / "docs").mkdir()
    (repo / "docs" / "harbour.mdx").write_text(MDX.replace("[[", "["))
    (repo / "docs" / "quay.mdx").write_text(
        "---\ntitle: Quay\n---\nimport X from 'y'\n\nA quay.[^1]\n\n## See also\n\n"
        "- [[Harbour]]\n\n[^1]: Records.\n"
    )
    assert cli("init", cwd=repo).returncode == 0
    assert "(2 articles found: 2 MDX)" in (repo / "editlint.yaml").read_text()
    done = cli("check", "--select", "SEE101,INP", "docs", cwd=repo)
    assert done.returncode == 0 and "2 file(s) checked" in done.stdout, done.stdout
    assert "skipped" not in done.stderr
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    for hook in hooks:
        assert re.search(hook["files"], "docs/harbour.mdx")
