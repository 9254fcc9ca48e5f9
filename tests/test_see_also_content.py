"""See-also on the seed article checked on its own, and on the demo content repository."""

from __future__ import annotations

import json
import re

from conftest import ROOT

EXISTING = {
    "NATO",
    "European Union",
    "Belarus",
    "China",
    "India",
    "Syria",
    "Ukraine",
    "United States",
}


def _see_also_names(text: str) -> list[str]:
    """Every name a "See also X, Y and Z." / "see X and Y." pointer of the seed lists."""
    names = []
    for match in re.finditer(r"\b[Ss]ee(?: also)? ([A-Z][^.()]*?)\s*[.(]", text):
        names.extend(part.strip() for part in re.split(r",\s*|\s+and\s+", match.group(1)))
    return names


def test_seed_alone_reports_every_see_also_target_and_the_empty_section(cli, seed_path):
    result = cli("check", "--format", "json", "--select", "SEE", str(seed_path))
    diagnostics = json.loads(result.stdout)["diagnostics"]
    text = seed_path.read_text(encoding="utf-8")
    expected = _see_also_names(text)
    assert len(expected) == 21
    dangling = [d for d in diagnostics if d["code"] == "SEE101"]
    reported = {}  # one finding per target, naming how many entries name it
    for d in dangling:
        count = re.search(r"; (\d+) entries name it$", d["message"])
        reported[re.search(r"'(.+?)'", d["message"]).group(1)] = int(count[1]) if count else 1
    assert reported == {name: expected.count(name) for name in expected}
    empty = [d for d in diagnostics if d["code"] == "SEE102"]
    assert [(d["line"], d["column"]) for d in empty] == [(len(text.splitlines()), 1)]


def test_content_targets_that_exist_resolve(cli):
    result = cli("check", "--format", "json", "--select", "SEE", str(ROOT / "content"))
    diagnostics = json.loads(result.stdout)["diagnostics"]
    named = {
        re.search(r"'(.+?)'", d["message"]).group(1)
        for d in diagnostics
        if d["code"] in ("SEE101", "SEE103")
    }
    assert named, "the demo content keeps some dangling targets on purpose"
    assert not named & EXISTING
    titles = set()
    for path in (ROOT / "content").glob("*.md"):
        match = re.search(r"^title: (.+)$", path.read_text(encoding="utf-8"), re.MULTILINE)
        titles.add(match.group(1).strip())
    assert EXISTING <= titles
    assert not {name.casefold() for name in named} & {title.casefold() for title in titles}
