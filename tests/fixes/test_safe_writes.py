"""Writing fixed files: bytes outside the fixes, encoding, BOM, CRLF, permissions, races."""

from __future__ import annotations

import os
import stat

from editlint.diagnostics import Applicability
from editlint.fixes.session import fix_file
from editlint.fixes.write import TEMP_SUFFIX
from house import house_checker, house_folder

ARTICLE = "# Ships\n\nThey utilise ships in order to trade.\n"
FIXED = "# Ships\n\nThey use ships to trade.\n"


def test_crlf_bom_and_missing_final_newline_are_kept(tmp_path):
    original = b"\xef\xbb\xbf# Ships\r\n\r\nThey utilise very big ships.\r\nPrior to 1900, none."
    folder = house_folder(tmp_path, {"a.md": original})
    result = fix_file(house_checker(folder), folder / "a.md", Applicability.UNSAFE)
    assert result.problem is None
    assert (folder / "a.md").read_bytes() == (
        b"\xef\xbb\xbf# Ships\r\n\r\nThey use big ships.\r\nBefore 1900, none."
    )
    assert result.applied == {"HSE101": 2, "HSE102": 1}
    assert result.result.diagnostics == []


def test_a_fix_that_inserts_a_line_break_gets_crlf_in_a_crlf_file(tmp_path):
    pack = tmp_path / "house.yaml"
    folder = house_folder(tmp_path, {"a.md": b"One and two.\r\nThree.\r\n"})
    pack.write_text(pack.read_text().replace('"prior to": before', '"one and": "One.\\nAnd"'))
    fix_file(house_checker(folder), folder / "a.md")
    assert (folder / "a.md").read_bytes() == b"One.\r\nAnd two.\r\nThree.\r\n"


def test_permissions_are_kept_and_no_temporary_file_is_left(tmp_path):
    folder = house_folder(tmp_path, {"a.md": ARTICLE})
    os.chmod(folder / "a.md", 0o640)
    fix_file(house_checker(folder), folder / "a.md")
    assert (folder / "a.md").read_text() == FIXED
    assert stat.S_IMODE((folder / "a.md").stat().st_mode) == 0o640
    assert not [p for p in folder.iterdir() if p.name.endswith(TEMP_SUFFIX)]


def test_a_symlinked_article_is_fixed_through_the_link(tmp_path):
    folder = house_folder(tmp_path / "repo", {"real.md": ARTICLE})
    (folder / "link.md").symlink_to("real.md")
    fix_file(house_checker(folder), folder / "link.md")
    assert (folder / "link.md").is_symlink()
    assert (folder / "real.md").read_text() == FIXED


def test_a_hard_linked_article_is_fixed_in_place_for_every_link(tmp_path):
    folder = house_folder(tmp_path / "repo", {"a.md": ARTICLE})
    os.chmod(folder / "a.md", 0o640)
    outside = tmp_path / "elsewhere.md"
    os.link(folder / "a.md", outside)
    inode = (folder / "a.md").stat().st_ino
    result = fix_file(house_checker(folder), folder / "a.md")
    assert result.problem is None
    assert (folder / "a.md").read_text() == FIXED
    assert outside.read_text() == FIXED
    info = (folder / "a.md").stat()
    assert (info.st_ino, info.st_nlink, stat.S_IMODE(info.st_mode)) == (inode, 2, 0o640)
    assert not [p for p in folder.iterdir() if p.name.endswith(TEMP_SUFFIX)]


def test_a_hard_linked_article_changed_meanwhile_is_not_written(tmp_path):
    folder = house_folder(tmp_path, {"a.md": ARTICLE})
    os.link(folder / "a.md", folder / "twin.md")
    checker = house_checker(folder)
    check_text = checker.check_text

    def edit_meanwhile(text, path=None):  # another editor saves through the other link
        (folder / "twin.md").write_text("Someone else's edit.\n")
        return check_text(text, path)

    checker.check_text = edit_meanwhile
    result = fix_file(checker, folder / "a.md")
    assert result.problem == "changed on disk while being fixed; not written"
    assert (folder / "a.md").read_text() == "Someone else's edit.\n"
    assert (folder / "a.md").stat().st_nlink == 2


def test_a_symlink_into_another_folder_fixes_the_target_and_keeps_the_link(tmp_path):
    folder = house_folder(tmp_path / "repo", {})
    (folder / "shared").mkdir()
    (folder / "shared" / "real.md").write_text(ARTICLE)
    (folder / "topics").mkdir()
    (folder / "topics" / "link.md").symlink_to("../shared/real.md")
    result = fix_file(house_checker(folder), folder / "topics" / "link.md")
    assert result.problem is None
    assert os.readlink(folder / "topics" / "link.md") == "../shared/real.md"
    assert (folder / "shared" / "real.md").read_text() == FIXED
    assert sorted(p.name for p in (folder / "topics").iterdir()) == ["link.md"]
    assert sorted(p.name for p in (folder / "shared").iterdir()) == ["real.md"]


def test_a_symlink_out_of_the_repository_is_neither_read_nor_written(tmp_path):
    folder = house_folder(tmp_path / "repo", {})
    (tmp_path / "outside.md").write_text(ARTICLE)
    (folder / "link.md").symlink_to(tmp_path / "outside.md")
    result = fix_file(house_checker(folder), folder / "link.md")
    assert result.problem == "could not be read; not fixed"
    assert [d.code for d in result.result.diagnostics] == ["INP001"]
    assert (tmp_path / "outside.md").read_text() == ARTICLE
    assert (folder / "link.md").is_symlink()


def test_a_file_changed_on_disk_while_fixing_is_not_written(tmp_path):
    folder = house_folder(tmp_path, {"a.md": ARTICLE})
    checker = house_checker(folder)
    check_text = checker.check_text

    def edit_meanwhile(text, path=None):  # another editor saves while the rules run
        path.write_text("Someone else's edit.\n")
        return check_text(text, path)

    checker.check_text = edit_meanwhile
    result = fix_file(checker, folder / "a.md")
    assert result.problem == "changed on disk while being fixed; not written"
    assert (folder / "a.md").read_text() == "Someone else's edit.\n"
    assert [d.code for d in result.result.diagnostics] == ["HSE101", "HSE101"]


def test_a_file_that_cannot_be_parsed_is_never_written(tmp_path):
    broken = "---\ntitle: [unclosed\n---\n\nThey utilise ships.\n"
    folder = house_folder(tmp_path, {"a.md": broken, "b.md": b"utilise \xff\n"})
    checker = house_checker(folder)
    result = fix_file(checker, folder / "a.md")
    assert result.problem == "could not be parsed; not fixed"
    assert [d.code for d in result.result.diagnostics] == ["INP003"]
    assert (folder / "a.md").read_text() == broken
    not_text = fix_file(checker, folder / "b.md")
    assert not_text.problem == "could not be read as UTF-8 text; not fixed"
    assert [d.code for d in not_text.result.diagnostics] == ["INP002"]
    assert (folder / "b.md").read_bytes() == b"utilise \xff\n"


def test_a_fix_that_would_break_parsing_is_not_written(tmp_path):
    folder = house_folder(tmp_path, {"a.md": "Utilise ships.\n"})
    pack = folder / "house.yaml"  # a fix that opens front matter and never closes it
    pack.write_text(pack.read_text().replace("utilise: use", 'utilise: "---\\nx: ["'))
    result = fix_file(house_checker(folder), folder / "a.md")
    assert result.problem == "fixes made it unparsable; not fixed"
    assert (folder / "a.md").read_text() == "Utilise ships.\n"
    assert [d.code for d in result.result.diagnostics] == ["HSE101"]


def test_a_write_error_is_reported_and_the_file_left_alone(tmp_path):
    folder = house_folder(tmp_path, {"a.md": ARTICLE})
    checker = house_checker(folder)
    check_text = checker.check_text

    def replace_with_folder(text, path=None):  # the article turns into a folder meanwhile
        if path.is_file():
            path.unlink()
            path.mkdir()
        return check_text(text, path)

    checker.check_text = replace_with_folder
    result = fix_file(checker, folder / "a.md")
    assert result.problem == "cannot write: Is a directory"
    assert (folder / "a.md").is_dir()
    assert sorted(p.name for p in folder.iterdir()) == ["a.md", "editlint.yaml", "house.yaml"]
