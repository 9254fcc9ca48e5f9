"""Configuration: typed models, discovery (searching upward), ``extends`` presets."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Annotated, Any, Literal

from editlint.config.discovery import (  # noqa: F401 - CONFIG_NAMES is re-exported
    CACHE_DIR_NAME,
    CONFIG_NAMES,
    find_config,
)
from editlint.diagnostics import Severity
from editlint.errors import ConfigError
from editlint.files.screening import DEFAULT_MAX_FILE_SIZE, DEFAULT_MAX_LINE_LENGTH
from editlint.models import Before, hyphenated, model, option
from editlint.safefiles import contained, read_regular
from editlint.sources.reliability import SourceEntry
from editlint.tomlsource import load_tool_section
from editlint.validated import ValidatedStore
from editlint.yamlsource import line_of, load_yaml, to_plain, validate

#: A config file (or one it extends) larger than this is not read.
MAX_CONFIG_SIZE = 64 * 1024 * 1024
#: How many files an ``extends`` chain may pass through.
MAX_EXTENDS_DEPTH = 64


@model
class LinksConfig:
    """How links and see-also targets resolve against the content repository."""

    url_prefixes: list[str] = option(
        factory=list,
        names=hyphenated("url_prefixes"),
        description="Site URL prefixes that name an article, e.g. '/index.php/' for MediaWiki.",
    )
    anchors: Literal["auto", "github", "mediawiki"] = option(
        "auto",
        description=(
            "How '#Section' anchors are derived from headings: 'github' slugs, 'mediawiki' ids,"
            " or 'auto' (either: an anchor is broken only when neither reaches a heading)."
        ),
    )
    missing_targets: Literal["auto", "always"] = option(
        "auto",
        names=hyphenated("missing_targets"),
        description=(
            "When links and see-also entries to absent articles are reported: 'always', or"
            " 'auto' (not in an article most of whose links lead outside the repository, as in"
            " a partial export of a wiki)."
        ),
    )
    external_links_are_citations: bool = option(
        True,
        names=hyphenated("external_links_are_citations"),
        description="Whether an inline link to an external URL counts as a citation.",
    )
    redirects_file: str | None = option(
        None,
        names=hyphenated("redirects_file"),
        description="A YAML file mapping redirect titles to canonical titles.",
    )


def _one_or_more(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


@model
class SourcesConfig:
    """Which sources the citations may not cite (SRC201): editlint's list, shared lists, entries."""

    builtin: bool = option(True, description="Use editlint's default list (from WP:RSP).")
    lists: list[str] = option(
        factory=list,
        description="Reliability list files (relative to the config file), in the default "
        "list's format; later entries override earlier ones.",
    )
    entries: list[SourceEntry] = option(
        factory=list, description="More entries: domain or name, status, reason."
    )
    own_site: Annotated[list[str], Before(_one_or_more)] = option(
        factory=list,
        names=("self", *hyphenated("own_site")),
        description="Where the content repository is published ('wiki.example.org', "
        "'https://example.org/wiki/'): citing it is circular sourcing (SRC201).",
    )


@model
class Config:
    """The whole of ``editlint.yaml`` (or ``[tool.editlint]`` in pyproject.toml)."""

    extends: list[str] = option(
        factory=list,
        description=(
            "Presets (editlint:recommended, editlint:strict, editlint:manual for how-to "
            "wikis and product manuals, editlint:blp for biographies of living persons) or "
            "config files to build on."
        ),
    )
    content_root: str | None = option(
        None,
        names=hyphenated("content_root"),
        description="The folder of the content repository (default: the config file's folder).",
    )
    select: list[str] = option(
        factory=lambda: ["ALL"],
        description=(
            "Codes or prefixes of the rules to run; the longest matching prefix wins. "
            "Opt-in rules (such as NEU801) run only when named by their full code."
        ),
    )
    extend_select: list[str] = option(
        factory=list,
        names=hyphenated("extend_select"),
        description=(
            "Codes or prefixes to add to 'select' (e.g. on top of a preset); "
            "an opt-in rule by its full code."
        ),
    )
    ignore: list[str] = option(factory=list, description="Codes or prefixes to turn off.")
    severity: dict[str, Severity] = option(factory=dict, description="Severity per code or prefix.")
    rules: dict[str, dict[str, Any]] = option(
        factory=dict, description="Options per rule code (see the rule reference)."
    )
    per_file_ignores: dict[str, list[str]] = option(
        factory=dict,
        names=hyphenated("per_file_ignores"),
        description="Glob (relative to the config file) -> codes to ignore there.",
    )
    rule_paths: list[str] = option(
        factory=list,
        names=hyphenated("rule_paths"),
        description="Extra rule pack files or folders.",
    )
    builtin_packs: bool = option(
        True,
        names=hyphenated("builtin_packs"),
        description="Load the packs shipped with editlint.",
    )
    exclude: list[str] = option(factory=list, description="Globs of files not to check.")
    fail_on: Severity = option(
        Severity.WARNING,
        names=hyphenated("fail_on"),
        description="Lowest severity that makes the exit code 1.",
    )
    links: LinksConfig = option(
        factory=LinksConfig,
        description="How links and see-also targets resolve.",
    )
    sources: SourcesConfig = option(
        factory=SourcesConfig,
        description="Source reliability lists (rule SRC201).",
    )
    max_file_size: int = option(
        DEFAULT_MAX_FILE_SIZE,
        ge=1,
        names=hyphenated("max_file_size"),
        description="Files larger than this many bytes are not checked (an input finding).",
    )
    max_line_length: int = option(
        DEFAULT_MAX_LINE_LENGTH,
        ge=1,
        names=hyphenated("max_line_length"),
        description="Files with a longer line (in characters) are not checked (an input finding).",
    )
    daemon: Literal["off", "auto"] = option(
        "off",
        description=(
            "'auto' starts a warm process (editlint daemon) on the first check, which later"
            " checks use: of a few files, and re-runs of many whose results are in the result"
            " cache; 'off' uses one only when started by hand."
        ),
    )


class LoadedConfig:
    """A validated config and where it came from (relative paths resolve against ``root``)."""

    def __init__(self, config: Config, path: Path | None, root: Path) -> None:
        self.config = config
        self.path = path
        self.root = root
        #: What the config's paths may reach (see ``repository_of``).
        self.repository = repository_of(root)
        #: Set from the command line: False turns every cache off; a Path moves them.
        self.cache_override: Path | bool | None = None
        #: False: the content index reads only the content root's own files (see config_near).
        self.index_subfolders = True

    @property
    def content_root(self) -> Path:
        if self.config.content_root:
            return (self.root / self.config.content_root).resolve()
        return self.root.resolve()

    @property
    def cache_dir(self) -> Path | None:
        """Where caches live: ``.editlint_cache`` beside the config file; without one, at the
        top of the git work tree holding the working folder, or in the working folder."""
        if isinstance(self.cache_override, Path):
            return self.cache_override  # named on the command line: wherever it is
        if self.cache_override is False:
            return None
        return default_cache_dir(self.root if self.path is not None else None)


def default_cache_dir(root: Path | None) -> Path | None:
    """``.editlint_cache`` in ``root`` (a config file's folder); with None, at the top of the
    git work tree holding the working folder, or in the working folder. None when it is a
    link out of its repository."""
    base = root if root is not None else repository_of(Path.cwd())
    folder = base / CACHE_DIR_NAME
    if not contained(folder, repository_of(base)):
        return None  # planted as a link out of the repository: no cache at all
    return folder


def repository_of(folder: Path) -> Path:
    """The repository a config file in ``folder`` belongs to: the git work tree holding it
    (by name, like ``find_config``), else the folder itself. The paths a config names
    (``content_root``, ``extends``, ``rule_paths``, ``links.redirects_file``,
    ``sources.lists``, the cache) must
    stay inside it, links resolved: a pull request controls the config."""
    folder = Path(os.path.abspath(folder))
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return folder


def config_near(start: Path, cache: Path | bool | None = False) -> LoadedConfig:
    """The config nearest to ``start`` (a file or folder), else the defaults rooted at its folder.

    Without a config, one file checked outside any git work tree gets a content index of its own
    folder's files only, not of every subfolder: ``editlint check /tmp/notes.md`` must not read
    all of /tmp. A checked folder, or a file inside a git work tree, is indexed with subfolders.
    """
    folder = start if start.is_dir() else start.parent
    path = find_config(start)
    loaded = load_config(path, folder, cache=cache)
    if path is None and not start.is_dir() and not _in_git_work_tree(folder):
        loaded.index_subfolders = False
    return loaded


def _in_git_work_tree(folder: Path) -> bool:
    """Whether ``folder`` or a parent holds ``.git`` (a folder, or a worktree's file); by
    name, like ``find_config``."""
    folder = Path(os.path.abspath(folder))
    return any((candidate / ".git").exists() for candidate in (folder, *folder.parents))


def load_config(
    path: Path | None,
    fallback_root: Path,
    named: bool = False,
    cache: Path | bool | None = False,
) -> LoadedConfig:
    """Load and validate ``path`` (or the defaults, rooted at ``fallback_root``).

    Every path the config names must stay inside its repository (``repository_of``), links
    resolved; so must the config file itself unless the user ``named`` it (``--config``).
    ``cache`` (a folder, None for the default one beside the config, False for none) keeps
    the validated config for the next run (``editlint.validated``).
    """
    if path is None:
        return LoadedConfig(Config(), None, fallback_root)
    repository = repository_of(path.parent)
    if not named and not contained(path, repository):
        raise ConfigError("the config file is a link out of the repository; not read", path)
    folder = cache if isinstance(cache, Path) or cache is False else default_cache_dir(path.parent)
    known = ValidatedStore.in_cache(folder or None)
    recalled = _recalled(path, known) if known is not None else None
    if recalled is not None:
        return recalled
    texts: dict[Path, bytes] = {}
    data = _read_with_extends(path, seen=(), repository=repository, done={}, texts=texts)
    loaded = LoadedConfig(validate(Config, data, path, known=known), path, path.parent)
    _check_paths(loaded, data)
    if known is not None:
        files = [[str(name), _digest(text)] for name, text in texts.items()]
        known.keep(["config", str(path)], {"files": files, "data": to_plain(data)})
    return loaded


def _recalled(path: Path, known: ValidatedStore) -> LoadedConfig | None:
    """The config at ``path`` as an earlier run read and validated it, when every file that
    run read (the config, what it extends) holds the same bytes: no YAML or TOML parsed.
    None when anything differs, or is wrong (read again, for the error and its line)."""
    kept = known.recall(["config", str(path)])
    try:
        for name, digest in kept["files"]:
            if _digest(read_regular(Path(name), MAX_CONFIG_SIZE)) != digest:
                return None
        data = kept["data"]
        config = known.get(Config, data)
        if config is None:
            return None
        loaded = LoadedConfig(config, path, path.parent)
        _check_paths(loaded, data)
    except (OSError, ConfigError, TypeError, ValueError, KeyError):
        return None
    return loaded


def _digest(text: bytes) -> str:
    return hashlib.blake2b(text, digest_size=20).hexdigest()


def config_from_mapping(data: dict[str, Any], folder: Path) -> LoadedConfig:
    """A config given as a mapping (the API's ``config={...}``), rooted at ``folder``; its
    ``extends`` (presets, or files named relative to ``folder``) merged in as a file's are."""
    anchor = folder / "editlint.yaml"  # names resolve as from a config file in ``folder``
    data = _over_extends(dict(data), anchor, (), repository_of(folder), {}, {})
    return LoadedConfig(validate(Config, data, "config"), None, folder.resolve())


def _check_paths(loaded: LoadedConfig, data: Any) -> None:
    """A ConfigError for a path of the config that leads out of its repository."""
    config, root = loaded.config, loaded.root

    def refuse(key: str, value: str, location: tuple) -> None:
        line = line_of(data, location) if isinstance(data, dict) else None
        raise ConfigError(
            f"{key}: '{value}' leads out of the repository ({loaded.repository}); "
            "a config may only name paths inside it",
            loaded.path,
            line,
        )

    if config.content_root and not contained(root / config.content_root, loaded.repository):
        refuse("content_root", config.content_root, ("content_root",))
    redirects = config.links.redirects_file
    if redirects and not contained(root / redirects, loaded.repository):
        refuse("links.redirects_file", redirects, ("links", "redirects_file"))
    for number, name in enumerate(config.sources.lists):
        if not contained(root / name, loaded.repository):
            refuse("sources.lists", name, ("sources", "lists", number))
    from editlint.rules.packs import pack_files

    for number, name in enumerate(config.rule_paths):
        folder = root / name
        if not contained(folder, loaded.repository):
            refuse("rule_paths", name, ("rule_paths", number))
        for pack in pack_files(folder) if folder.is_dir() else ():
            if not contained(pack, loaded.repository):
                refuse("rule_paths", f"{name}/{pack.name}", ("rule_paths", number))


def _read(path: Path, texts: dict[Path, bytes]) -> Any:
    """The config file ``path`` parsed; its bytes kept in ``texts``."""
    try:
        raw = texts[path] = read_regular(path, MAX_CONFIG_SIZE)
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read config: {error}", path) from None
    if path.name == "pyproject.toml":
        return load_tool_section(text, path)
    data = load_yaml(text, path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError("the config must be a mapping of keys to values", path, 1)
    return data


def _read_with_extends(
    path: Path,
    seen: tuple[Path, ...],
    repository: Path,
    done: dict[Path, Any],
    texts: dict[Path, bytes],
) -> Any:
    """``path`` merged over what it extends. Each file is read and merged once per load
    (``done``; the bytes read in ``texts``): twenty levels that each extend the next level's
    two files were 2^20 reads. A chain deeper than ``MAX_EXTENDS_DEPTH`` is an error naming
    the file where it stops."""
    if path in seen:
        raise ConfigError(f"'extends' loops back to {path.name}", seen[-1])
    if path in done:
        return done[path]
    if len(seen) >= MAX_EXTENDS_DEPTH:
        raise ConfigError(f"'extends' chains more than {MAX_EXTENDS_DEPTH} files deep", path)
    data = done[path] = _over_extends(_read(path, texts), path, seen, repository, done, texts)
    return data


def _over_extends(
    data: Any,
    path: Path,
    seen: tuple[Path, ...],
    repository: Path,
    done: dict[Path, Any],
    texts: dict[Path, bytes],
) -> Any:
    """``data`` (the config at ``path``) merged over the configs its ``extends`` names."""
    extends = data.get("extends", []) if isinstance(data, dict) else []
    if isinstance(extends, str):
        extends = [extends]
    if not isinstance(extends, list) or not all(isinstance(name, str) for name in extends):
        line = line_of(data, ("extends",))
        raise ConfigError("extends: expected a preset or file name, or a list of them", path, line)
    merged: dict[str, Any] = {}
    for name in extends:
        base = _resolve_extends(str(name), path, repository)
        inherited = _read_with_extends(base, (*seen, path), repository, done, texts)
        merged = _merge(merged, to_plain(inherited))
    if not merged:
        return data
    own = to_plain(data)
    own.pop("extends", None)
    return _merge(merged, own)


def _resolve_extends(name: str, path: Path, repository: Path) -> Path:
    if name.startswith("editlint:"):
        from editlint.config.presets import preset_path

        preset = preset_path(name.removeprefix("editlint:"))
        if preset is None:
            raise ConfigError(f"extends: unknown preset '{name}'", path)
        return preset
    candidate = (path.parent / name).resolve()
    if not contained(candidate, repository):
        raise ConfigError(
            f"extends: '{name}' leads out of the repository ({repository}); "
            "a config may only name paths inside it",
            path,
        )
    if not candidate.is_file():
        raise ConfigError(f"extends: no such file '{name}'", path)
    return candidate


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged
