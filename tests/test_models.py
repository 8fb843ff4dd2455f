"""`translator models`: install validates first and leaves nothing behind on failure."""

import json
import os
import shutil
import time
import zipfile

import pytest

from translator.translate.packages import KNOWN_PACKAGES


def package_dirs(workspace):
    return sorted(p.name for p in workspace.packages.iterdir()) if workspace.packages.exists() else []


@pytest.mark.slow
def test_install_list_remove(workspace, tiny_package):
    installed = workspace.run("models", "install", str(tiny_package))
    assert installed.returncode == 0, installed.stderr
    assert "installed fr→en 0.1" in installed.stdout.decode()
    listing = workspace.run("models", "list").stdout.decode()
    pair, version, size, unit, path = listing.split()
    assert (pair, version, unit) == ("fr→en", "0.1", "MB") and float(size) > 0
    assert path.endswith("translate-fr_en-tiny")
    assert workspace.run("models", "install", str(tiny_package)).returncode == 0  # reinstall replaces
    assert package_dirs(workspace) == ["translate-fr_en-tiny"]
    removed = workspace.run("models", "remove", "fr-en")
    assert removed.returncode == 0 and package_dirs(workspace) == []
    assert "no model installed" in workspace.run("models", "list").stdout.decode()


def rewrite(source, target, change):
    """Copy an .argosmodel, transforming each member with ``change(name, data)`` (None drops it)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = change(item.filename, old.read(item))
            if data is not None:
                new.writestr(item, data)
    return target


def renamed_top(source, target, top):
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            new.writestr(item.filename.replace("translate-fr_en-tiny", top, 1), old.read(item))
    return target


def _with_metadata(data, **changes):
    return json.dumps({**json.loads(data), **changes}).encode()


def truncate(source, target):
    data = source.read_bytes()
    target.write_bytes(data[: len(data) // 2])
    return target


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda src, dst: truncate(src, dst), "not a zip archive"),
        (lambda src, dst: rewrite(src, dst, lambda n, d: None if n.endswith("sentencepiece.model") else d), "missing translate-fr_en-tiny/sentencepiece.model"),
        (lambda src, dst: rewrite(src, dst, lambda n, d: b"{" if n.endswith("metadata.json") else d), "metadata.json is not valid JSON"),
        (lambda src, dst: rewrite(src, dst, lambda n, d: b"garbage" * 100 if n.endswith("model.bin") else d), "the model does not load"),
        (lambda src, dst: rewrite(src, dst, lambda n, d: _with_metadata(d, from_code=["fr"]) if n.endswith("metadata.json") else d),
         'metadata.json: from_code must be a language code such as "fr", not ["fr"]'),
        (lambda src, dst: renamed_top(src, dst, ".hidden"), "its top folder '.hidden' starts with '.', so it would be hidden"),
    ],
    ids=["truncated", "no-tokenizer", "bad-metadata", "corrupt-model", "from-code-list", "dot-folder"],
)
def test_a_bad_package_is_refused_and_leaves_nothing_behind(workspace, tiny_package, tmp_path, make, message):
    bad = make(tiny_package, tmp_path / "bad.argosmodel")
    result = workspace.run("models", "install", str(bad))
    assert result.returncode == 2
    assert result.stderr.decode().count("\n") == 1 and message in result.stderr.decode()
    assert package_dirs(workspace) == []


def test_a_file_named_like_the_official_package_is_checked_against_its_sha256(workspace, tiny_package, tmp_path):
    impostor = tmp_path / "translate-fr_en-1_9.argosmodel"
    shutil.copy(tiny_package, impostor)
    assert "translate-fr_en-1_9.argosmodel" in KNOWN_PACKAGES
    result = workspace.run("models", "install", str(impostor))
    assert result.returncode == 2
    assert "does not match the official package" in result.stderr.decode()
    assert package_dirs(workspace) == []


def test_install_by_pair_offline_says_how_to_install_from_a_file(workspace):
    result = workspace.run("models", "install", "fr", "en")
    assert result.returncode == 2
    message = result.stderr.decode()
    assert message.count("\n") == 1 and "Traceback" not in message
    assert "cannot reach the Argos Translate package index" in message
    assert "translator models install FILE" in message
    assert "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json" in message  # where to download it


def test_missing_package_file(workspace, tmp_path):
    result = workspace.run("models", "install", str(tmp_path / "nope.argosmodel"))
    assert result.returncode == 2 and "not found: give an .argosmodel file" in result.stderr.decode()


def test_a_zip_bomb_is_refused_before_anything_is_unpacked(workspace, tiny_package, tmp_path):
    bomb = shutil.copy(tiny_package, tmp_path / "bomb.argosmodel")
    with zipfile.ZipFile(bomb, "a", zipfile.ZIP_DEFLATED) as bundle, bundle.open("translate-fr_en-tiny/README.md", "w") as zeros:
        for _ in range(100):
            zeros.write(bytes(1 << 20))  # 100 MB of zeros, about 100 KB packed
    started = time.monotonic()
    result = workspace.run("models", "install", str(bomb))
    message = result.stderr.decode()
    assert result.returncode == 2 and message.count("\n") == 1
    assert "more than 20 times its size: a zip bomb, or damaged" in message
    assert time.monotonic() - started < 20 and package_dirs(workspace) == []


def dead_pid():
    pid = 4_000_000
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except PermissionError:
            pass
        pid += 1


@pytest.mark.slow
def test_an_install_sweeps_what_killed_installs_left_and_spares_running_ones(workspace, tiny_package):
    dead, alive = dead_pid(), os.getpid()
    for leftover in (f".installing-{dead}-x1", f".removing-translate-fr_en-tiny-{dead}", f".installing-{alive}-x2", ".installing-old"):
        (workspace.packages / leftover / "model").mkdir(parents=True)
        (workspace.packages / leftover / "model" / "model.bin").write_bytes(b"\0" * 1000)
    old = time.time() - 2 * 3600
    os.utime(workspace.packages / ".installing-old", (old, old))  # an older version's folder, named without a pid
    assert workspace.run("models", "install", str(tiny_package)).returncode == 0
    assert sorted(p.name for p in workspace.packages.iterdir()) == [f".installing-{alive}-x2", "translate-fr_en-tiny"]


@pytest.mark.slow
def test_a_package_that_lost_its_model_is_listed_as_broken_and_translate_says_so(installed, tmp_path):
    (installed.packages / "translate-fr_en-tiny" / "model" / "model.bin").unlink()
    listing = installed.run("models", "list").stdout.decode()
    assert f"broken  {installed.packages / 'translate-fr_en-tiny'} (model/model.bin missing)" in listing
    article = tmp_path / "a.txt"
    article.write_text("Titre\n\nPoutine.\n", encoding="utf-8")
    result = installed.run("translate", "--to", "en", str(article))
    message = result.stderr.decode()
    assert result.returncode == 2 and message.count("\n") == 1 and "Traceback" not in message
    assert "translate-fr_en-tiny is broken (model/model.bin missing)" in message


def test_a_models_folder_that_is_a_file_is_one_line(workspace, tiny_package, tmp_path):
    workspace.env["ARGOS_PACKAGES_DIR"] = str(tmp_path / "afile")
    (tmp_path / "afile").write_text("")
    result = workspace.run("models", "install", str(tiny_package))
    message = result.stderr.decode()
    assert result.returncode == 2 and message.count("\n") == 1
    assert message.startswith(f"error: {tmp_path / 'afile'}: cannot hold the models (") and "ARGOS_PACKAGES_DIR" in message
