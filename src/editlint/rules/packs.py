"""Rule packs: YAML files of declarative rules, validated at load time. Loading runs no code."""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

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
from editlint.yamlsource import line_of, load_yaml, to_plain, validate

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
    kept = _kept_data(text, known)
    if kept is not None or path.parent == builtin_pack_dir():
        # A pack read before is not read again; editlint's own packs are read by libyaml,
        # some thirty times faster than the position-keeping, guarded parser, which only an
        # error would need.
        try:
            data = kept if kept is not None else _read_fast(text)
            pack = validate(RulePack, data, path, known=known)
            with facts_in_use(shipped_facts(path, text)):
                rules = [spec.build(RuleOrigin(pack.pack, path)) for spec in pack.rules]
        except Exception:
            pass  # the careful path below names the line of the problem
        else:
            if kept is None:
                _keep_data(text, data, known)
            return rules
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
    _keep_data(text, to_plain(data), known)
    return rules


def _read_fast(text: str) -> Any:
    import yaml  # deferred: a pack read before needs no YAML parser at all

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


#: What the validated store keeps a pack's plain data under (with a digest of its bytes).
PACK_DATA = "pack data"


def _identity(text: str) -> list[str]:
    return [PACK_DATA, hashlib.blake2b(text.encode("utf-8", "surrogateescape")).hexdigest()]


def _kept_data(text: str, known: ValidatedStore | None) -> Any:
    """The plain data an earlier run read from a pack of exactly these bytes, or None."""
    return known.recall(_identity(text)) if known is not None else None


def _keep_data(text: str, data: Any, known: ValidatedStore | None) -> None:
    """Keep what a valid pack read as, so that the next run reads no YAML."""
    if known is not None:
        known.keep(_identity(text), data)


def pack_rule(path: Path, code: str, known: ValidatedStore | None = None) -> DeclaredRule:
    """The rule ``code`` of a pack, built alone: the other rules' patterns are not analysed
    and compiled again (SRC401 runs NEU701's rule once more). A KeyError if it has none."""
    try:
        text = path.read_text(encoding="utf-8")
        data = _kept_data(text, known)
        pack = validate(RulePack, _read_fast(text) if data is None else data, path, known=known)
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
