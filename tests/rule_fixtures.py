"""Load the per-rule fixture files in tests/fixtures/rules/ and run one case.

A fixture file names a rule and lists cases:

    rule: NEU101
    cases:
      - name: flags a peacock term
        text: "He was a legendary negotiator.\n"
        path: article.md            # optional; .txt means a plain-text export
        files: {nato.md: "..."}     # optional: other articles of the content repository
        config: {links: {...}}      # optional editlint.yaml content
        expect: [[1, 9, 1, 18]]     # line, column, end line, end column of each finding
        fixed: "He was a negotiator.\n"   # optional: the text after --fix --unsafe-fixes
        url_statuses: {"https://example.org/a": {outcome: dead, status: 404}}
                                    # optional: what --check-urls found (tests/test_check_urls.py
                                    # finds them on a real server)
"""

from __future__ import annotations

from pathlib import Path

import yaml

from editlint.config.model import Config, LoadedConfig
from editlint.diagnostics import Applicability
from editlint.document.lines import LineIndex
from editlint.engine.runner import Checker, SelectionOverrides
from editlint.fixes.apply import fix_text
from editlint.models import validator
from editlint.rules.support.url_statuses import SETTING as URL_STATUSES
from editlint.urlcheck.status import UrlStatus

FIXTURES = Path(__file__).parent / "fixtures" / "rules"


def fixture_files() -> list[Path]:
    return sorted(FIXTURES.glob("*.yaml"))


def load_cases() -> list[tuple[str, dict]]:
    cases = []
    for path in fixture_files():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for index, case in enumerate(data["cases"]):
            case_id = f"{data['rule']}-{index}-{case.get('name', '')}".replace(" ", "_")
            cases.append((case_id, {"rule": data["rule"], **case}))
    return cases


def checker_for(case: dict, root: Path) -> tuple[Checker, Path]:
    for name, text in (case.get("files") or {}).items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    path = root / case.get("path", "article.md")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(case["text"], encoding="utf-8")
    config = validator(Config).validate_python(case.get("config") or {})
    loaded = LoadedConfig(config, None, root)
    checker = Checker(loaded, SelectionOverrides(select=[case["rule"]]))
    if case.get("url_statuses"):
        statuses = {url: UrlStatus(**found) for url, found in case["url_statuses"].items()}
        checker.share(URL_STATUSES, statuses)
    return checker, path


def positions(case: dict, root: Path) -> list[list[int]]:
    checker, path = checker_for(case, root)
    result = checker.check_file(path)
    lines = LineIndex(result.text or "")
    found = []
    for diagnostic in result.diagnostics:
        assert diagnostic.code == case["rule"], diagnostic
        found.append([*lines.position(diagnostic.start), *lines.position(diagnostic.end)])
    return found


def fixed_text(case: dict, root: Path) -> str:
    checker, path = checker_for(case, root)
    outcome = fix_text(
        case["text"],
        lambda text: checker.check_text(text, path).diagnostics,
        Applicability.UNSAFE,
    )
    return outcome.text
