"""Rule packs: YAML files of declarative rules, validated at load time. Loading runs no code."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Annotated

import yaml

from editlint.errors import ConfigError
from editlint.models import Tagged, model, option
from editlint.rules.base import RuleOrigin
from editlint.rules.kinds.common import DeclaredRule
from editlint.rules.kinds.conditional import ConditionalSpec
from editlint.rules.kinds.existence import ExistenceSpec
from editlint.rules.kinds.substitution import SubstitutionSpec
from editlint.rules.matching.facts import facts_in_use, shipped_facts
from editlint.rules.vale import vale_hint
from editlint.validated import ValidatedStore
from editlint.yamlsource import line_of, load_yaml, validate

_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

AnyRuleSpec = Annotated[ExistenceSpec | SubstitutionSpec | ConditionalSpec, Tagged("kind")]


@model
class RulePack:
    """A YAML rule pack: a name, a description and its rules."""

    pack: str = option(pattern=r"^[a-z][a-z0-9-]*$")
    description: str = ""
    version: int = 1
    rules: list[AnyRuleSpec] = option(factory=list)


def load_pack(path: Path, known: ValidatedStore | None = None) -> list[DeclaredRule]:
    """Load and validate one pack file; any error names the file, line and key. With
    ``known``, a pack validated by an earlier run is rebuilt without validation."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read rule pack: {error}", path) from None
    if path.parent == builtin_pack_dir():
        # editlint's own packs: libyaml reads them some thirty times faster than the
        # position-keeping, guarded parser, which only an error would need.
        try:
            pack = validate(RulePack, yaml.load(text, Loader=_FAST_LOADER), path, known=known)
            with facts_in_use(shipped_facts(path, text)):
                return [spec.build(RuleOrigin(pack.pack, path)) for spec in pack.rules]
        except Exception:
            pass  # the careful path below names the line of the problem
    data = load_yaml(text, path)
    hint = vale_hint(data)
    if hint:
        raise ConfigError(hint, path, line_of(data, ("extends",)))
    pack: RulePack = validate(RulePack, data, path, known=known)
    rules = []
    for index, spec in enumerate(pack.rules):
        try:
            rules.append(spec.build(RuleOrigin(pack.pack, path)))
        except Exception as error:  # a pattern that does not compile, for example
            line = line_of(data, ("rules", index))
            raise ConfigError(f"rules.{index}: {spec.code}: {error}", path, line) from None
    return rules


def pack_rule(path: Path, code: str, known: ValidatedStore | None = None) -> DeclaredRule:
    """The rule ``code`` of a pack, built alone: the other rules' patterns are not analysed
    and compiled again (SRC401 runs NEU701's rule once more). A KeyError if it has none."""
    try:
        text = path.read_text(encoding="utf-8")
        pack = validate(RulePack, yaml.load(text, Loader=_FAST_LOADER), path, known=known)
    except Exception:  # the careful path names the file and line of the problem
        rules = [rule for rule in load_pack(path, known) if rule.code == code]
    else:
        origin = RuleOrigin(pack.pack, path)
        with facts_in_use(shipped_facts(path, text)):
            rules = [spec.build(origin) for spec in pack.rules if spec.code == code]
    if not rules:
        raise KeyError(f"{path.name} has no rule {code}")
    return rules[0]


def pack_files(path: Path) -> list[Path]:
    """The pack files at ``path``: the file itself, or the YAML files of a folder."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml"))
    return [path]


def builtin_pack_dir() -> Path:
    """The folder of the packs shipped with editlint (the repository's ``rules/``)."""
    return Path(str(resources.files("editlint.packs")))
