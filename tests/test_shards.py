"""``translator run --shard-size N``: a corpus's output written as shards of N records
(``out/NAME.shards/part-00000.jsonl``…), which in order are the one-file output byte for
byte; a re-run with another size leaves no shard of the old one behind.  (The Ray
engine writes the same shards from its workers: tests/test_ray_engine.py.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from translator.io.corpus import CorpusWriter

from .conftest import run_cli
from .support.folders import folder_files
from .test_corpora import corpus_records, jsonl


def _shards(out: Path, stem: str = "corpus") -> list[Path]:
    return sorted((out / f"{stem}.shards").iterdir())


def test_shards_in_order_are_the_one_file_output_and_a_new_size_leaves_no_old_shard(tmp_path):
    records = corpus_records()
    corpus = tmp_path / "in" / "corpus.jsonl"
    corpus.parent.mkdir()
    corpus.write_bytes(jsonl(records[:5]) + b"not json\n" + jsonl(records[5:]))
    whole, sharded = tmp_path / "whole", tmp_path / "sharded"
    assert run_cli("run", str(corpus), "-o", str(whole)).returncode == 1  # the bad line

    result = run_cli("run", str(corpus), "-o", str(sharded), "--shard-size", "4")

    assert result.returncode == 1, result.stderr
    count = len(records) + 1
    shards = _shards(sharded)
    assert [path.name for path in shards] == [f"part-{index:05d}.jsonl" for index in range(-(-count // 4))]
    assert [len(path.read_bytes().splitlines()) for path in shards] == [4] * (count // 4) + ([count % 4] if count % 4 else [])
    assert b"".join(path.read_bytes() for path in shards) == (whole / "corpus.jsonl").read_bytes()
    outputs = folder_files(sharded)
    assert {name: data for name, data in outputs.items() if ".shards/" not in name} == \
           {name: data for name, data in folder_files(whole).items() if name != "corpus.jsonl"}

    again = run_cli("run", str(corpus), "-o", str(sharded), "--shard-size", "1000")

    assert f"0 done, {len(records)} up to date, 1 failed" in again.stderr.decode().splitlines()[-1]
    assert [path.name for path in _shards(sharded)] == ["part-00000.jsonl"]  # the shards of size 4 beyond it are gone
    assert _shards(sharded)[0].read_bytes() == (whole / "corpus.jsonl").read_bytes()


def test_a_parquet_corpus_in_shards_keeps_its_columns_and_its_rows_in_order(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    records = [{**record, "words": len(record["text"].split())} for record in corpus_records()]
    corpus = tmp_path / "in" / "corpus.parquet"
    corpus.parent.mkdir()
    pq.write_table(pa.Table.from_pylist(records), corpus)
    assert run_cli("run", str(corpus), "-o", str(tmp_path / "whole")).returncode == 0

    result = run_cli("run", str(corpus), "-o", str(tmp_path / "sharded"), "--shard-size", "3")

    assert result.returncode == 0, result.stderr
    shards = _shards(tmp_path / "sharded")
    assert [path.name for path in shards] == [f"part-{index:05d}.parquet" for index in range(-(-len(records) // 3))]
    tables = [pq.read_table(path) for path in shards]
    assert {table.schema for table in tables} == {pq.read_schema(tmp_path / "whole" / "corpus.parquet")}
    assert pa.concat_tables(tables).to_pylist() == pq.read_table(tmp_path / "whole" / "corpus.parquet").to_pylist()


def test_an_empty_corpus_still_has_its_first_shard(tmp_path):
    corpus = tmp_path / "in" / "empty.jsonl"
    corpus.parent.mkdir()
    corpus.write_bytes(b"")

    result = run_cli("run", str(corpus), "-o", str(tmp_path / "out"), "--shard-size", "10")

    assert result.returncode == 0, result.stderr
    assert [(path.name, path.read_bytes()) for path in _shards(tmp_path / "out", "empty")] == [("part-00000.jsonl", b"")]


def test_a_shard_a_killed_run_left_half_written_is_removed_and_written_whole(tmp_path):
    records = corpus_records()
    corpus = tmp_path / "in" / "corpus.jsonl"
    corpus.parent.mkdir()
    corpus.write_bytes(jsonl(records))
    out = tmp_path / "out"
    assert run_cli("run", str(corpus), "-o", str(out), "--shard-size", "4").returncode == 0
    expected = folder_files(out)
    half = out / "corpus.shards" / ".part-00001.jsonl.k1ll3d.tmp"
    half.write_bytes(b'{"id": "ha')
    (out / "corpus.shards" / "part-00001.jsonl").unlink()

    assert run_cli("run", str(corpus), "-o", str(out), "--shard-size", "4").returncode == 0

    assert not half.exists()
    assert folder_files(out) == expected


def test_a_parquet_output_takes_its_columns_from_an_input_at_a_uri(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    source = tmp_path / "corpus.parquet"
    pq.write_table(pa.table({"id": ["a"], "words": pa.array([3], pa.int32()), "text": ["Le vote."]}), source)
    writer = CorpusWriter(tmp_path / "out.parquet", "parquet", schema_of=source.as_uri())  # file:///…: as s3://… is read

    writer.write({"id": "a", "words": 3, "text": "Le vote.", "translator": {"changed": False}})
    writer.commit()

    table = pq.read_table(tmp_path / "out.parquet")
    assert table.schema.names == ["id", "words", "text", "translator"] and table.schema.field("words").type == pa.int32()
    assert json.loads(table.to_pylist()[0]["translator"]) == {"changed": False}
