"""Article corpora (JSON Lines, Parquet) and crawl archives (WARC) in, corpora of the same
shape out: real articles of tests/data, spun and unspun, through the real command line."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest
import yaml

from .conftest import CORPUS, run_cli
from .support.folders import folder_files

SPINS = yaml.safe_load((Path(__file__).parent / "data" / "corpora" / "spins.yaml").read_text(encoding="utf-8"))
ARTICLES = {record["id"]: record for record in map(json.loads, CORPUS.read_text(encoding="utf-8").splitlines())}
UNSPUN = ["orangesum-3999", "orangesum-18025", "orangesum-3593"]


def spun(spin: dict) -> dict:
    """The real article as a rewriting bot republishes it (see data/corpora/spins.yaml)."""
    article = ARTICLES[spin["id"]]
    body = f"{article['title']}\n\n{spin['persona']}\n\n{article['text']}\n\n{spin['timestamp']}\n"
    return {**article, "id": f"{spin['id']}-spun", "text": body}


def corpus_records() -> list[dict]:
    """Real articles, unspun and spun, interleaved."""
    records = []
    for number, spin in enumerate(SPINS):
        records.append(spun(spin))
        if number < len(UNSPUN):
            records.append(ARTICLES[UNSPUN[number]])
    return records


def jsonl(records: list[object]) -> bytes:
    return b"".join(json.dumps(record, ensure_ascii=False).encode() + b"\n" for record in records)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def assert_cleaned(record: dict, output: dict) -> None:
    """A spun record comes back as the real article (published_at from its timestamp), an
    unspun one unchanged with no finding; every other field is carried as it was."""
    original = ARTICLES[record["id"].removesuffix("-spun")]
    added = output.pop("translator")
    if record["id"].endswith("-spun"):
        assert output["text"] == original["text"] + "\n"
        assert added["changed"] is True
        assert {f["rule_id"] for f in added["findings"]} >= {"fr.duplicate-headline", "fr.persona-intro", "fr.trailing-timestamp"}
        spin = next(s for s in SPINS if s["id"] == original["id"])
        assert added["metadata"]["published_at"] == str(spin["timestamp"])
        assert output == {**record, "text": original["text"] + "\n"}
    else:
        assert output == record
        assert added["findings"] == [] and added["changed"] is False


def test_a_jsonl_corpus_comes_back_cleaned_record_by_record_with_bad_lines_kept_and_reported(tmp_path):
    records = corpus_records()
    lines = jsonl(records[:3]).splitlines(keepends=True)
    bad = [b'{"id": "broken", "title": "Coup\n', b'["an", "array"]\n', b'{"id": "no-text", "title": "Un titre"}\n',
           b'{"id": "number", "text": 42}\n']
    source = tmp_path / "corpus.jsonl"
    source.write_bytes(b"".join(lines[:1] + bad[:2] + lines[1:] + bad[2:] + [jsonl(records[3:])]))
    out = tmp_path / "out.jsonl"

    result = run_cli("clean", "-q", str(source), "-o", str(out))

    assert result.returncode == 1
    errors = result.stderr.decode().splitlines()
    assert errors == [
        f"error: {source} line 2: not JSON: unterminated string starting at column 27; fix the line or remove it",
        f"error: {source} line 3: is an array, not an object; each record must be an object with a \"text\"",
        f"error: {source} line 6 (id 'no-text'): has no \"text\" field; give each record its article in \"text\"",
        f"error: {source} line 7 (id 'number'): \"text\" is a number, not a string; give the article as a string",
    ]
    outputs = read_jsonl(out)
    assert len(outputs) == len(records) + len(bad)  # one record out per record in, in input order
    assert outputs[1] == {"translator": {"error": errors[0].removeprefix("error: "), "raw": bad[0].decode().rstrip("\n")}}
    assert outputs[2] == {"translator": {"error": errors[1].removeprefix("error: ")}}
    assert outputs[5] == {"id": "no-text", "title": "Un titre", "translator": {"error": errors[2].removeprefix("error: ")}}
    assert outputs[6]["text"] == 42
    good = [outputs[0], *outputs[3:5], *outputs[7:]]
    for record, output in zip(records, good, strict=True):
        assert_cleaned(record, output)

    again = tmp_path / "again.jsonl"
    run_cli("clean", "-q", str(source), "-o", str(again))
    assert again.read_bytes() == out.read_bytes()


def test_a_corpus_without_o_goes_to_stdout_as_json_lines_and_findings_name_the_record(tmp_path):
    records = corpus_records()[:2]
    source = tmp_path / "corpus.jsonl"
    source.write_bytes(jsonl(records))

    result = run_cli("clean", str(source))

    assert result.returncode == 0, result.stderr
    for record, output in zip(records, map(json.loads, result.stdout.decode().splitlines()), strict=True):
        assert_cleaned(record, output)
    # a finding's line is in the record's article (its title, a blank line, its text), named by the record's id
    assert f"{source}#orangesum-23558-spun (title and text):3:1: error fr.duplicate-headline" in result.stderr.decode()


def test_fields_keep_their_order_and_a_repeated_id_is_a_bad_record(tmp_path):
    article = ARTICLES["orangesum-3999"]
    records = [{"text": article["text"], "source": "agence", "title": article["title"], "id": 7}, {"id": 7, "text": "Un autre texte."}]
    source = tmp_path / "corpus.jsonl"
    source.write_bytes(jsonl(records))

    result = run_cli("clean", "-q", str(source))

    assert result.returncode == 1
    assert result.stderr.decode() == (f"error: {source} line 2 (id '7'): repeats the id of line 1; ids name the outputs: "
                                      "make them unique\n")
    first, second = map(json.loads, result.stdout.decode().splitlines())
    assert list(first) == ["text", "source", "title", "id", "translator"]
    assert second == {**records[1], "translator": {"error": result.stderr.decode().strip().removeprefix("error: ")}}


def test_the_library_reads_processes_and_writes_a_corpus_as_the_command_line_does(tmp_path):
    """The seam a distributed engine uses: a Batch streams the records, anything may process
    them in chunks (here a Job), the Batch writes the output corpus in input order."""
    from translator import Job
    from translator.io.batch import Batch, chunks
    from translator.pipeline.corpus import corpus_record

    source = tmp_path / "corpus.jsonl"
    source.write_bytes(jsonl(corpus_records()) + b"[]\n")
    by_library, by_command = tmp_path / "library.jsonl", tmp_path / "command.jsonl"
    job = Job()
    with Batch([str(source)], str(by_library), corpus_record=corpus_record) as batch:
        for chunk in chunks(batch.read_each(), 3):
            for article, report in reversed(list(zip(chunk, job.process(chunk)))):  # done in any order
                batch.write(article, report.clean.text, report)
    assert [failure.name for failure in batch.failures] == [f"{source}#line-{len(corpus_records()) + 1}"]

    run_cli("clean", "-q", str(source), "-o", str(by_command))
    assert by_library.read_bytes() == by_command.read_bytes()


def test_a_parquet_corpus_round_trips_with_its_columns_and_types(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    records = [{**record, "words": len(record["text"].split())} for record in corpus_records()]
    source, out = tmp_path / "corpus.parquet", tmp_path / "out.parquet"
    pq.write_table(pa.Table.from_pylist(records), source, row_group_size=3)

    result = run_cli("clean", "-q", str(source), "-o", str(out))

    assert result.returncode == 0, result.stderr
    table = pq.read_table(out)
    assert table.schema.names == [*pq.read_schema(source).names, "translator"]
    assert table.schema.field("words").type == pa.int64()
    for record, output in zip(records, table.to_pylist(), strict=True):
        assert_cleaned(record, {**output, "translator": json.loads(output["translator"])})
    again = tmp_path / "again.parquet"
    run_cli("clean", "-q", str(source), "-o", str(again))
    assert again.read_bytes() == out.read_bytes()


def test_parquet_needs_a_file_to_write_to_and_pyarrow_to_read(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    source = tmp_path / "corpus.parquet"
    pq.write_table(pa.Table.from_pylist(corpus_records()[:1]), source)

    to_stdout = run_cli("clean", str(source))
    assert (to_stdout.returncode, to_stdout.stderr) == (2, b"error: a Parquet corpus cannot go to stdout; give -o FILE.parquet\n")

    blocker = tmp_path / "no-pyarrow" / "pyarrow"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text("raise ImportError('pyarrow is not installed')\n")
    without = run_cli("clean", str(source), "-o", str(tmp_path / "out.parquet"),
                      env={"PYTHONPATH": os.pathsep.join([str(blocker.parent), os.environ.get("PYTHONPATH", "")])})
    assert (without.returncode, without.stderr) == (2, b"error: Parquet needs pyarrow: pip install 'translator[parquet]'\n")
    assert not (tmp_path / "out.parquet").exists()


# --- crawl archives -------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>{title} | Actu</title>
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{date}T08:00:00+02:00">
</head><body>
<header><nav><a href="/">Accueil</a> <a href="/politique">Politique</a> <a href="/societe">Société</a></nav></header>
<main><article>
<h1>{title}</h1>
<div class="meta"><time datetime="{date}">{date}</time></div>
{paragraphs}
</article>
<aside class="related"><h2>Lire aussi</h2><ul><li><a href="/a">Un autre article</a></li><li><a href="/b">Et un autre</a></li></ul></aside>
</main>
<footer><p>© Actu 2024 — Mentions légales — Contact</p></footer>
</body></html>
"""


def page(record: dict) -> bytes:
    """A news page holding the article, with the boilerplate real sites carry."""
    body = record["text"].rstrip("\n").split("\n\n")
    paragraphs = "\n".join(f"<p>{paragraph}</p>" for paragraph in body)
    return PAGE.format(title=record["title"], date=record["date"], paragraphs=paragraphs).encode("utf-8")


def url(record: dict) -> str:
    return f"https://actu.example/{record['id']}.html"


def warc(records: list[dict], *, compress: bool = True) -> bytes:
    """A crawl of these articles' pages, with the records a crawl also holds: its info, the
    requests, an image, a JSON feed, a page not found and a redirect (none an article)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    stream = io.BytesIO()
    writer = WARCWriter(stream, gzip=compress)
    writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "tests"}))

    def response(target: str, status: str, content_type: str, payload: bytes) -> None:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(target, "response", payload=io.BytesIO(payload), http_headers=headers))

    for number, record in enumerate(records):
        request = StatusAndHeaders(f"GET /{record['id']}.html HTTP/1.1", [("Host", "actu.example")], is_http_request=True)
        writer.write_record(writer.create_warc_record(url(record), "request", http_headers=request))
        response(url(record), "200 OK", "text/html; charset=utf-8", page(record))
        if number == 0:
            response("https://actu.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64))
            response("https://actu.example/feed.json", "200 OK", "application/json", b'{"items": []}')
        if number == 1:
            response("https://actu.example/gone.html", "404 Not Found", "text/html", b"<html><body><p>Page introuvable</p></body></html>")
            response("https://actu.example/old.html", "301 Moved Permanently", "text/html", b"")
    return stream.getvalue()


SKIPPED = "records skipped, no article in them"


def test_a_crawl_gives_one_cleaned_article_per_html_page_and_counts_the_other_records(tmp_path):
    records = corpus_records()
    source, out = tmp_path / "crawl.warc.gz", tmp_path / "articles.jsonl"
    source.write_bytes(warc(records))

    result = run_cli("clean", "-q", str(source), "-o", str(out))

    assert result.returncode == 0, result.stderr
    requests = len(records)
    assert result.stderr.decode() == (f"{source}: {requests + 5} {SKIPPED} ({requests} request record, 2 not HTML, "
                                      "1 warcinfo record, 1 HTTP 404, 1 HTTP 301)\n")
    outputs = read_jsonl(out)
    assert [output["url"] for output in outputs] == [url(record) for record in records]
    for record, output in zip(records, outputs, strict=True):
        original = ARTICLES[record["id"].removesuffix("-spun")]
        assert output["title"] == original["title"]
        assert output["text"] == original["text"] + "\n"  # a page's text ends as a text file does
        assert output["warc_date"]
        findings = output["translator"]["findings"]
        assert bool(findings) == record["id"].endswith("-spun")
    again = tmp_path / "again.jsonl"
    run_cli("clean", "-q", str(source), "-o", str(again))
    assert again.read_bytes() == out.read_bytes()


@pytest.mark.parametrize("compress", [True, False], ids=["warc.gz", "warc"])
def test_a_truncated_crawl_is_one_line_exit_2_and_keeps_the_articles_before_the_break(tmp_path, compress):
    records = corpus_records()[:4]
    whole = warc(records, compress=compress)
    cut = whole.index(page(records[2])[-300:]) if not compress else _inside_last_page(whole)
    source = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    source.write_bytes(whole[:cut])
    out = tmp_path / "articles.jsonl"

    result = run_cli("clean", "-q", str(source), "-o", str(out))

    assert result.returncode == 2
    [line] = result.stderr.decode().splitlines()
    assert line.startswith(f"error: {source}: the archive breaks off after record ")
    assert line.endswith("before the break are processed; fetch the archive again for the rest")
    kept = read_jsonl(out)
    assert [output["url"] for output in kept] == [url(record) for record in records[: len(kept)]]
    assert len(kept) >= 2


def _inside_last_page(whole: bytes) -> int:
    """A cut in the middle of the compressed archive's last page."""
    members = whole.split(b"\x1f\x8b\x08")
    return len(whole) - len(members[-1]) // 2


def test_a_crawl_that_is_no_warc_is_one_line_exit_2(tmp_path):
    source = tmp_path / "crawl.warc.gz"
    source.write_bytes(gzip.compress(b"<html><body>not an archive</body></html>"))
    result = run_cli("clean", str(source), "-o", str(tmp_path / "out.jsonl"))
    assert result.returncode == 2
    assert result.stderr.decode().startswith(f"error: {source}: not a readable WARC archive after record 0 (")
    assert result.stderr.count(b"\n") == 1


# --- run ------------------------------------------------------------------------------


def test_run_on_a_folder_mixing_kinds_handles_each_by_its_kind_and_resumes_by_record_id(tmp_path):
    records = corpus_records()
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "seed.fr.txt").write_text(f"{ARTICLES['orangesum-3999']['title']}\n\n{ARTICLES['orangesum-3999']['text']}\n", encoding="utf-8")
    (inputs / "corpus.jsonl").write_bytes(jsonl(records) + b"not json\n")
    (inputs / "crawl.warc.gz").write_bytes(warc(records[:3]))
    (inputs / "page.html").write_bytes(page(ARTICLES["orangesum-22083"]))
    notes = ARTICLES["orangesum-18704"]
    (inputs / "notes.md").write_text(f"# {notes['title']}\n\n{notes['text']}\n", encoding="utf-8")
    out = tmp_path / "out"

    first = run_cli("run", str(inputs), "-o", str(out))

    assert first.returncode == 1  # the bad line
    stderr = first.stderr.decode()
    assert f"error: {inputs / 'corpus.jsonl'} line {len(records) + 1}: not JSON" in stderr
    assert f"{inputs / 'crawl.warc.gz'}: 8 {SKIPPED}" in stderr
    assert f"{3 + len(records) + 3} done, 0 up to date, 1 failed" in stderr.splitlines()[-1]
    assert {"seed.report.json", "corpus.jsonl", "corpus", "crawl.jsonl", "crawl", "index.html"} <= {p.name for p in out.iterdir()}
    assert len(list(out.glob("*.report.json"))) == 3  # the text file, the page, the Markdown file
    outputs = read_jsonl(out / "corpus.jsonl")
    assert len(outputs) == len(records) + 1 and "error" in outputs[-1]["translator"]
    for record, output in zip(records, outputs):
        assert_cleaned(record, output)
        assert (out / "corpus" / f"{record['id']}.review.html").exists()
    crawl = read_jsonl(out / "crawl.jsonl")
    assert [output["url"] for output in crawl] == [url(record) for record in records[:3]]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert f'href="corpus/{records[0]["id"]}.review.html"' in index
    expected = folder_files(out)

    # a run killed part way: some records' outputs missing, a corpus half written
    for path in [*(out / "corpus").glob(f"{records[1]['id']}.*"), out / "corpus" / f"{records[4]['id']}.report.json"]:
        path.unlink()
    (out / "corpus.jsonl").unlink()
    (out / ".corpus.jsonl.abc123.tmp").write_bytes(b'{"id": "half')
    resumed = run_cli("run", str(inputs), "-o", str(out))

    assert "2 done, " in resumed.stderr.decode().splitlines()[-1]
    assert folder_files(out) == expected


def test_translate_clean_writes_the_corpus_with_the_cleaned_french_and_its_english_in_order(installed):
    records = corpus_records()[:3]
    source = installed.root / "corpus.jsonl"
    source.write_bytes(jsonl(records))
    out = installed.root / "out.jsonl"

    result = installed.run("translate", "--to", "en", "--clean", "-q", str(source), "-o", str(out))

    assert result.returncode == 0, result.stderr
    outputs = read_jsonl(out)
    for record, output in zip(records, outputs, strict=True):
        translation = output["translator"].pop("translation")
        assert_cleaned(record, output)
        assert translation["title"] and translation["title"] != record["title"]  # the headline, in English
        assert translation["text"].count("\n\n") == ARTICLES[record["id"].removesuffix("-spun")]["text"].count("\n\n")
    assert installed.network_attempts() == []


def test_clean_with_jobs_writes_the_same_corpus_and_findings_as_one_process(tmp_path):
    records = corpus_records() * 20  # enough for several chunks per process
    records = [{**record, "id": f"{record['id']}-{number}"} for number, record in enumerate(records)]
    source = tmp_path / "corpus.jsonl"
    lines = jsonl(records).splitlines(keepends=True)
    source.write_bytes(b"".join(lines[:100] + [b'["not", "an", "object"]\n'] + lines[100:]))

    one = run_cli("clean", str(source), "-o", str(tmp_path / "one.jsonl"))
    two = run_cli("clean", str(source), "-o", str(tmp_path / "two.jsonl"), "--jobs", "2")

    assert (one.returncode, two.returncode) == (1, 1)  # the bad line
    # the same findings and errors (a bad line is told when read: earlier, with chunks), the same summary last
    assert sorted(two.stderr.splitlines()) == sorted(one.stderr.splitlines())
    assert two.stderr.splitlines()[-1] == one.stderr.splitlines()[-1]
    assert (tmp_path / "two.jsonl").read_bytes() == (tmp_path / "one.jsonl").read_bytes()
    assert len(read_jsonl(tmp_path / "two.jsonl")) == len(records) + 1
