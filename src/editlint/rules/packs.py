"""Rule packs: YAML files of declarative rules, validated at load time. Loading runs no code."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import BaseModel, ConfigDict, Field

from editlint.errors import ConfigError
from editlint.rules.base import RuleOrigin
from editlint.rules.kinds.common import DeclaredRule
from editlint.rules.kinds.conditional import ConditionalSpec
from editlint.rules.kinds.existence import ExistenceSpec
from editlint.rules.kinds.substitution import SubstitutionSpec
from editlint.rules.vale import vale_hint
from editlint.yamlsource import line_of, load_yaml, validate

_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

AnyRuleSpec = Annotated[
    ExistenceSpec | SubstitutionSpec | ConditionalSpec, Field(discriminator="kind")
]


class RulePack(BaseModel):
    """A YAML rule pack: a name, a description and its rules."""

    model_config = ConfigDict(extra="forbid")

    pack: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    description: str = ""
    version: int = 1
    rules: list[AnyRuleSpec] = Field(default_factory=list)


def load_pack(path: Path) -> list[DeclaredRule]:
    """Load and validate one pack file; any error names the file, line and key."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read rule pack: {error}", path) from None
    if path.parent == builtin_pack_dir():
        # editlint's own packs: libyaml reads them some thirty times faster than the
        # position-keeping, guarded parser, which only an error would need.
        try:
            pack = RulePack.model_validate(yaml.load(text, Loader=_FAST_LOADER))
            return [spec.build(RuleOrigin(pack.pack, path)) for spec in pack.rules]
        except Exception:
            pass  # the careful path below names the line of the problem
    data = load_yaml(text, path)
    hint = vale_hint(data)
    if hint:
        raise ConfigError(hint, path, line_of(data, ("extends",)))
    pack: RulePack = validate(RulePack, data, path)
    rules = []
    for index, spec in enumerate(pack.rules):
        try:
            rules.append(spec.build(RuleOrigin(pack.pack, path)))
        except Exception as error:  # a pattern that does not compile, for example
            line = line_of(data, ("rules", index))
            raise ConfigError(f"rules.{index}: {spec.code}: {error}", path, line) from None
    return rules


def load_builtin_rule(pack_file: str, code: str) -> DeclaredRule:
    """The rule ``code`` of editlint's own pack ``pack_file``, built alone: a rule that reuses
    another's matching (SRC401 dates NEU701's relative times) pays for one rule, not a pack."""
    path = builtin_pack_dir() / pack_file
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_FAST_LOADER)
    entries = [entry for entry in data["rules"] if entry.get("code") == code]
    pack = RulePack.model_validate({**data, "rules": entries})
    (spec,) = pack.rules
    return spec.build(RuleOrigin(pack.pack, path))


def pack_files(path: Path) -> list[Path]:
    """The pack files at ``path``: the file itself, or the YAML files of a folder."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml"))
    return [path]


def builtin_pack_dir() -> Path:
    """The folder of the packs shipped with editlint (the repository's ``rules/``)."""
    return Path(str(resources.files("editlint.packs")))
