"""Articles in unusual encodings: written back exactly as they came, or refused in one line."""

import codecs

import pytest

from .conftest import run_cli

ARTICLE = "Titre\n\nJ’ai observé que les forces ont reculé.\n"
CLEANED = "Titre\n\nLes forces ont reculé.\n"


def _refused(result, expected: str) -> bool:
    message = result.stderr.decode()
    return result.returncode == 2 and message.count("\n") == 1 and expected in message and "Traceback" not in message


@pytest.mark.parametrize("codec", ["rot13", "base64", "hex"])
def test_a_codec_that_is_not_a_text_encoding_is_one_line(tmp_path, codec):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert _refused(run_cli("clean", "--encoding", codec, str(article)), f"'{codec}' in --encoding is not a text encoding")


@pytest.mark.parametrize(
    ("given", "layout", "mark"),
    [
        ("utf-16", "utf-16-le", b""),
        ("utf-16", "utf-16-be", b""),
        ("utf-16", "utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16", "utf-16-be", codecs.BOM_UTF16_BE),
        ("utf_16", "utf-16-be", b""),
        ("utf-32", "utf-32-be", b""),
        ("utf-32", "utf-32-le", codecs.BOM_UTF32_LE),
        ("utf-16-le", "utf-16-le", b""),
    ],
)
def test_utf16_and_utf32_are_written_back_in_the_byte_order_they_came_in(tmp_path, given, layout, mark):
    article = tmp_path / "a.txt"
    article.write_bytes(mark + ARTICLE.encode(layout))
    result = run_cli("clean", "--encoding", given, str(article), "-o", str(tmp_path / "clean.txt"))
    assert result.returncode == 0, result.stderr.decode()
    assert (tmp_path / "clean.txt").read_bytes() == mark + CLEANED.encode(layout)


@pytest.mark.parametrize("output", ["text", "json"])
def test_a_lone_surrogate_from_the_decoder_is_one_line(tmp_path, output):
    article = tmp_path / "esc.txt"
    article.write_bytes(b"Titre\n\nJ\\u2019ai observ\\u00e9 que le texte \\ud800 est l\\u00e0.\n")
    result = run_cli("clean", "--format", output, "--encoding", "unicode_escape", str(article))
    assert _refused(result, "esc.txt: decoding as unicode_escape gives a lone surrogate U+D800")


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("utf-8", ("Titre\n\n" + "Du texte. " * 1000 + "\n\nFin\x00.\n").encode()),  # the NUL after 8 KB
        ("latin-1", ("Titre\n\n" + "Du texte. " * 1000 + "\n\nFin\x00.\n").encode("latin-1")),
        ("utf-16", ("Titre\n\nDu texte\x00.\n").encode("utf-16")),
        ("unicode_escape", b"Titre\n\nDu texte\\x00.\n"),
    ],
    ids=["utf-8-late", "latin-1-late", "utf-16", "escaped"],
)
def test_a_nul_character_anywhere_means_binary(tmp_path, encoding, data):
    article = tmp_path / "a.txt"
    article.write_bytes(data)
    assert _refused(run_cli("clean", "--encoding", encoding, str(article)), "a.txt: looks like a binary file (NUL bytes)")
