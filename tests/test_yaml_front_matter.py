"""One reader of front matter YAML (YAML 1.2's core schema) for the document and the index."""

from __future__ import annotations

import pytest

from editlint.document import parse_document
from editlint.document.errors import InputError
from editlint.document.yaml_front_matter import YamlFrontMatterError, read_yaml_front_matter
from editlint.index.scan import scan_text

CORE_SCHEMA = (
    "---\n"
    "title: Off\n"
    "aliases: [Yes, no, ON, 2021-03-04]\n"
    "count: 0o17\n"
    "ratio: 1e3\n"
    "missing: ~\n"
    "done: true\n"
    "---\n"
    "Text.\n"
)


def test_yaml_1_2_meaning_in_the_document():
    document = parse_document(CORE_SCHEMA)
    assert document.title == "Off"
    assert document.meta == {
        "title": "Off",
        "aliases": ["Yes", "no", "ON", "2021-03-04"],
        "count": 15,
        "ratio": 1000.0,
        "missing": None,
        "done": True,
    }


def test_yaml_1_2_meaning_in_the_index():
    scanned = scan_text(CORE_SCHEMA, "stem")
    assert scanned.title == "Off"
    assert scanned.aliases == ["Yes", "no", "ON", "2021-03-04"]


def test_list_items_keep_their_exact_spans():
    text = "---\nsee_also:\n  - \"Ünï \\\" x\"  # note\n  - Plain one\naliases: ['a''b', c]\n---\n"
    spans = parse_document(text).front_matter.item_spans
    assert [text[start:end] for start, end in spans["see_also"]] == ['"Ünï \\" x"', "Plain one"]
    assert [text[start:end] for start, end in spans["aliases"]] == ["'a''b'", "c"]


def test_a_merge_key_merges_and_an_own_key_wins():
    read = read_yaml_front_matter("base: &b {title: A, slug: s}\n<<: *b\ntitle: B\n")
    assert read.data == {"base": {"title": "A", "slug": "s"}, "title": "B", "slug": "s"}


def test_a_duplicate_key_is_refused_by_both():
    text = "---\ntitle: a\ntitle: b\n---\n# Heading\n"
    with pytest.raises(InputError) as raised:
        parse_document(text)
    assert raised.value.message == (
        'invalid YAML in front matter: found duplicate key "title" with value "b" '
        '(original value: "a")'
    )
    assert raised.value.offset == text.index("title: b")
    scanned = scan_text(text, "stem")
    assert (scanned.title, scanned.body_start) == ("Heading", text.index("# Heading"))


def test_invalid_yaml_keeps_the_pure_parsers_words():
    with pytest.raises(YamlFrontMatterError) as raised:
        read_yaml_front_matter("title: [unclosed\n")
    assert raised.value.message == (
        "invalid YAML in front matter: expected ',' or ']', but got '<stream end>'"
    )
    assert raised.value.offset == len("title: [unclosed\n")


def test_hostile_yaml_is_refused_before_it_is_built():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 10)}]\n" for n in range(5)
    )
    with pytest.raises(YamlFrontMatterError) as raised:
        read_yaml_front_matter(bomb)
    assert raised.value.message.startswith("front matter refused: YAML aliases expand")
    with pytest.raises(YamlFrontMatterError) as tagged:
        read_yaml_front_matter("title: !!python/object:os.system x\n")
    assert tagged.value.message == (
        "front matter refused: YAML tag '!!python/object:os.system' is not allowed "
        "(only standard tags are read)"
    )
    assert tagged.value.offset == len("title: ")
