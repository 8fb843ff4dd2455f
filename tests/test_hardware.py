"""Where translation runs: --device, --compute-type and --jobs on the real command line."""

from __future__ import annotations

import pytest

ARTICLE = "Le président a rencontré le ministre jeudi. Les troupes sont à la frontière.\n\nLa réunion a eu lieu dans la capitale.\n"


@pytest.mark.parametrize("command", ["translate", "run"])
def test_cuda_asked_on_a_machine_without_a_gpu_is_one_line_and_exit_2(installed, command):
    article = installed.root / "a.fr.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    extra = ["-o", str(installed.root / "out")] if command == "run" else []
    result = installed.run(command, str(article), "--to", "en", "--device", "cuda", "--no-cache", *extra)
    assert result.returncode == 2
    assert result.stderr.decode().strip().splitlines() == [
        "error: --device cuda: CTranslate2 sees no CUDA GPU on this machine; use --device cpu (or auto)"]
    assert not (installed.root / "out").exists()


def test_a_compute_type_the_device_lacks_is_one_line_naming_those_it_has(installed):
    article = installed.root / "a.fr.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = installed.run("translate", str(article), "--to", "en", "--device", "cpu", "--compute-type", "float16", "--no-cache")
    assert result.returncode == 2
    [line] = result.stderr.decode().strip().splitlines()
    assert line.startswith("error: --compute-type float16: not supported on cpu here; use default or one of ") and "int8" in line


def test_the_translation_is_the_same_whatever_jobs_device_or_compute_type(installed):
    article = installed.root / "a.fr.txt"
    article.write_text(ARTICLE * 40, encoding="utf-8")  # more sentences than one model batch: the jobs share them
    outputs = set()
    for options in ([], ["--jobs", "2"], ["--jobs", "2", "--device", "cpu", "--compute-type", "float32"]):
        result = installed.run("translate", str(article), "--to", "en", "--no-cache", *options)
        assert result.returncode == 0, result.stderr
        outputs.add(result.stdout)
    assert len(outputs) == 1
    assert b"The president has met the minister Thursday." in outputs.pop()
