"""Hostile files, generated: each is bytes plus the one input finding it must give.

``INPUT_CASES`` maps a file name to (content, code, line, words in the message).
"""

from __future__ import annotations

LIMIT_LINE = 1_000  # max_line_length used by the tests (the default is 100,000)
LIMIT_SIZE = 50_000  # max_file_size used by the tests (the default is 10 MiB)
CONFIG = f"max_line_length: {LIMIT_LINE}\nmax_file_size: {LIMIT_SIZE}\n"

GOOD = "---\ntitle: Harbour\n---\n\nThe harbour opened in 1850 [@port-history].\n"


def _front(yaml: str, body: str = "The harbour opened in 1850 [@port].\n") -> bytes:
    return f"---\n{yaml}---\n\n{body}".encode()


def _alias_bomb(width: int, depth: int) -> bytes:
    """'Billion laughs': each level lists the previous one ``width`` times."""
    lines = [f"l0: &l0 [{', '.join(['lol'] * width)}]"]
    for level in range(1, depth + 1):
        refs = ", ".join([f"*l{level - 1}"] * width)
        lines.append(f"l{level}: &l{level} [{refs}]")
    return _front("\n".join(lines) + "\n")


def _nested(opening: str, depth: int) -> bytes:
    return f"Lead [@a].\n\n{opening * depth}deep\n\nAfter the nesting.\n".encode()


TAGS = [
    "!!python/object/apply:os.system ['touch PWNED']",
    "!!python/object/new:subprocess.Popen [['touch', 'PWNED']]",
    "!!python/name:os.system",
    "!!python/module:os",
    "!custom 3",
    "!<tag:example.com,2024:thing> {a: 1}",
    "!ruby/object:Gem::Installer {}",
    "!!js/function 'function () {}'",
]

NON_MAPPINGS = ["- a\n- b\n", "just a string\n", "42\n", "[1, 2]\n", "'quoted'\n"]

INVALID_YAML = [
    ("title: [unclosed\n", 3),
    ("title: {a: 1\n", 3),
    ("title: 'unterminated\n", 3),
    ("a: b: c\n", 2),
    ("\tindented: with tab\n", 2),
    ("key: value\n  bad indent: x\n", 3),
    ("- mixed\nkey: value\n", 3),
    ("key: @reserved\n", 2),
    ("title: *undefined\n", 2),
]

DUPLICATES = [
    ("title: a\ntitle: b\n", 3),
    ("see_also: [x]\nsee_also: [y]\n", 3),
    ("editlint: {ignore: [SRC]}\neditlint: {}\n", 3),
]


def _cases() -> dict[str, tuple[bytes, str, int, tuple[str, ...]]]:
    cases: dict[str, tuple[bytes, str, int, tuple[str, ...]]] = {
        "empty.md": (b"", "INP004", 1, ("empty",)),
        "blank.md": (b"\n \n\t\n", "INP004", 1, ("empty",)),
        "bom-only.md": (b"\xef\xbb\xbf", "INP004", 1, ("empty",)),
        "empty.txt": (b"", "INP004", 1, ("empty",)),
        "latin1.md": ("Caf\xe9 [@a].\n".encode("latin-1"), "INP002", 1, ("UTF-8", "line 1")),
        "latin1-line3.md": (b"One [@a].\n\nCaf\xe9\n", "INP002", 1, ("UTF-8", "line 3, column 4")),
        "utf16.md": ("Hello [@a].\n".encode("utf-16"), "INP002", 1, ("UTF-8",)),
        "truncated-utf8.md": (b"Moscow " + "Москва".encode()[:-1], "INP002", 1, ("UTF-8",)),
        "overlong-utf8.md": (b"a \xc0\xaf b\n", "INP002", 1, ("UTF-8",)),
        "surrogate-utf8.md": (b"a \xed\xa0\x80 b\n", "INP002", 1, ("UTF-8",)),
        "nul.md": (b"Lead [@a].\n\nabc\x00def\n", "INP005", 3, ("binary",)),
        "png.md": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "INP002", 1, ("UTF-8",)),
        "nul-only.txt": (b"\x00" * 64, "INP005", 1, ("binary",)),
        "too-large.md": (b"word " * (LIMIT_SIZE // 5 + 1), "INP006", 1, ("max_file_size",)),
        "too-large-multibyte.md": (
            ("ж" * (LIMIT_SIZE // 2 + 1)).encode(),
            "INP006",
            1,
            ("max_file_size",),
        ),
        "long-line.md": (
            b"Lead [@a].\n\n" + b"a" * (LIMIT_LINE + 1) + b"\n",
            "INP007",
            3,
            ("max_line_length",),
        ),
        "long-line-brackets.md": (b"[" * (LIMIT_LINE * 5), "INP007", 1, ("max_line_length",)),
        "long-line.txt": (b"Title\n\n" + b"x " * LIMIT_LINE, "INP007", 3, ("max_line_length",)),
        "unterminated.md": (b"---\ntitle: Harbour\n\nBody [@a].\n", "INP003", 1, ("never closed",)),
        "unterminated-dots.md": (b"---\ntitle: x\n..\n", "INP003", 1, ("never closed",)),
        "nested-quotes.md": (_nested("> ", 30), "INP003", 3, ("nested too deeply",)),
        "nested-lists.md": (_nested("- ", 12), "INP003", 3, ("nested too deeply",)),
        "nested-mixed.md": (_nested("> - ", 8), "INP003", 3, ("nested too deeply",)),
        "nested-indented.md": (
            b"Lead [@a].\n\n" + b"".join(b"  " * i + b"- item\n" for i in range(40)),
            "INP003",
            11,  # item 9 reaches the parser's limit
            ("nested too deeply",),
        ),
        "yaml-deep.md": (_front("x: " + "[" * 200 + "]" * 200 + "\n"), "INP003", 2, ("nested",)),
        "yaml-deep-maps.md": (
            _front("x: " + "{a: " * 100 + "1" + "}" * 100 + "\n"),
            "INP003",
            2,
            ("nested",),
        ),
        "yaml-recursive.md": (_front("a: &a [*a]\n"), "INP003", 2, ("front matter refused",)),
        "yaml-recursive-map.md": (
            _front("a: &a {b: *a}\n"),
            "INP003",
            2,
            ("front matter refused",),
        ),
    }
    for width, depth in ((9, 9), (10, 6), (2, 40), (100, 3)):
        cases[f"bomb-{width}x{depth}.md"] = (
            _alias_bomb(width, depth),
            "INP003",
            2,
            ("alias bomb",),
        )
    for index, tag in enumerate(TAGS):
        cases[f"tag-{index}.md"] = (_front(f"title: {tag}\n"), "INP003", 2, ("YAML tag",))
    cases["tag-nested.md"] = (
        _front(f"see_also:\n  - fine\n  - {TAGS[0]}\n"),
        "INP003",
        4,
        ("YAML tag",),
    )
    cases["tag-key.md"] = (_front("!custom key: value\n"), "INP003", 2, ("YAML tag",))
    for index, text in enumerate(NON_MAPPINGS):
        cases[f"not-mapping-{index}.md"] = (_front(text), "INP003", 2, ("not a mapping",))
    for index, (text, line) in enumerate(INVALID_YAML):
        cases[f"invalid-yaml-{index}.md"] = (_front(text), "INP003", line, ("YAML",))
    for index, (text, line) in enumerate(DUPLICATES):
        cases[f"duplicate-{index}.md"] = (_front(text), "INP003", line, ("duplicate key",))
    return cases


INPUT_CASES = _cases()
