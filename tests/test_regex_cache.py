"""The on-disk cache of compiled patterns makes loading faster, never different."""

import re

import pytest

from translator.regex_cache import RegexCache

PATTERN = r"^(?P<prefix>j[’']ai\s+(?:appris|vu)\s+que\s+)(?=\w)"
FLAGS = re.IGNORECASE | re.VERBOSE


def test_a_pattern_read_back_from_disk_behaves_as_re_compile(tmp_path):
    path = tmp_path / "regex.marshal"
    first = RegexCache(path)
    first.compile(PATTERN, FLAGS)
    first.save()
    assert path.exists()

    again = RegexCache(path).compile(PATTERN, FLAGS)
    expected = re.compile(PATTERN, FLAGS)
    text = "J’ai appris que le maire démissionne."
    assert again.match(text).groupdict() == expected.match(text).groupdict() == {"prefix": "J’ai appris que "}
    assert again.groupindex == expected.groupindex and again.flags == expected.flags
    assert again.match("Il a appris que…") is None


def test_a_damaged_cache_file_falls_back_to_compiling(tmp_path):
    path = tmp_path / "regex.marshal"
    path.write_bytes(b"\x00not marshal at all")
    pattern = RegexCache(path).compile(PATTERN, FLAGS)
    assert pattern.match("j'ai vu que tout va bien")


def test_a_bad_pattern_raises_re_error_as_re_compile_does(tmp_path):
    with pytest.raises(re.error):
        RegexCache(tmp_path / "regex.marshal").compile("(unclosed", 0)


def test_an_unwritable_cache_folder_is_no_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = RegexCache(blocker / "regex.marshal")
    cache.compile(PATTERN, FLAGS)
    cache.save()  # nothing written, nothing raised
    assert not (blocker / "regex.marshal").exists()


def test_patterns_no_longer_used_do_not_pile_up(tmp_path):
    path = tmp_path / "regex.marshal"
    old = RegexCache(path)
    old.compile("ancienne", 0)
    old.save()
    new = RegexCache(path)
    new.compile("nouvelle", 0)
    new.save()
    size_with_one = path.stat().st_size
    assert RegexCache(path).compile("nouvelle", 0).match("nouvelle")
    both = RegexCache(tmp_path / "both.marshal")
    both.compile("ancienne", 0)
    both.compile("nouvelle", 0)
    both.save()
    assert size_with_one < (tmp_path / "both.marshal").stat().st_size
