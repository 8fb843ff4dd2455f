"""`translator models`: install validates first and leaves nothing behind on failure."""

import shutil
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
    ],
    ids=["truncated", "no-tokenizer", "bad-metadata", "corrupt-model"],
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
