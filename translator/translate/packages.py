"""Translation model packages: Argos Translate ``.argosmodel`` files, listed, installed, removed.

Packages live where argostranslate keeps them (``ARGOS_PACKAGES_DIR``, by default
``~/.local/share/argos-translate/packages``), so both tools see the same models.
An install is validated before anything is put in place: a corrupt or incomplete
file, or one that would expand out of proportion (a zip bomb), leaves nothing behind,
and what a killed install left is swept by the next one.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..errors import TranslatorError

# Official packages whose checksum we know: file name -> (size in bytes, sha256).
KNOWN_PACKAGES: dict[str, tuple[int, str]] = {
    "translate-fr_en-1_9.argosmodel": (66_585_033, "3b3052fee6bb1e8e8e632a26a723eb2a2c7710dfe73ba61ffd9b83e85d4f14c1"),
}
# the index argostranslate reads lists each package's download links; its web page
PACKAGE_DIRECTORY = "https://www.argosopentech.com/argospm/index/"
_OFFICIAL_BY_METADATA = {("fr", "en", "1.9"): "translate-fr_en-1_9.argosmodel"}
_REQUIRED_FILES = ("metadata.json", "model/model.bin", "sentencepiece.model")
# Model weights barely compress (about 1.1×); a package expanding more than this, beyond a
# small size, is a zip bomb or damaged.
MAX_EXPANSION = 20
_EXPANSION_ALLOWED_UNDER = 64_000_000
# Temporary folders of an install or removal: .installing-PID-… and .removing-NAME-PID
_LEFTOVER = re.compile(r"\.installing-(?:(\d+)-)?.*|\.removing-.*-(\d+)")
_LEFTOVER_WITHOUT_PID_AGE = 3600  # seconds: folders of older versions, named without the installer's pid


@dataclass(frozen=True)
class ModelPackage:
    """An installed translation package."""

    path: Path
    from_code: str
    to_code: str
    version: str

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def pair(self) -> str:
        return f"{self.from_code}→{self.to_code}"

    @property
    def model_id(self) -> str:
        return f"{self.name} {self.version}"

    @property
    def model_dir(self) -> Path:
        return self.path / "model"

    @property
    def weights(self) -> Path:
        return self.model_dir / "model.bin"

    @property
    def tokenizer_file(self) -> Path:
        return self.path / "sentencepiece.model"

    @property
    def size(self) -> int:
        return sum(f.stat().st_size for f in self.path.rglob("*") if f.is_file())


def packages_dir() -> Path:
    """Where argostranslate installs packages (honours ``ARGOS_PACKAGES_DIR``)."""
    return Path(_argos_settings().package_data_dir)


def _argos_settings():
    """argostranslate's settings module, which makes its folders when imported: a folder
    that cannot be made is one line, not a traceback."""
    try:
        from argostranslate import settings
    except OSError as error:
        raise TranslatorError(f"{error.filename}: cannot hold the models ({error.strerror}); set ARGOS_PACKAGES_DIR to a folder") from None
    return settings


@dataclass(frozen=True)
class BrokenPackage:
    """A folder in the package directory that cannot be read as a package."""

    path: Path
    reason: str


def scan_packages() -> tuple[list[ModelPackage], list[BrokenPackage]]:
    """The installed translation packages, read through argostranslate, and the broken
    folders beside them (which never stop the good ones from being used)."""
    settings = _argos_settings()
    from argostranslate import package

    found, broken = [], []
    for folder in settings.package_dirs:
        if not Path(folder).is_dir():
            continue
        for entry in sorted(Path(folder).iterdir()):
            if entry.name.startswith(".") or not entry.is_dir():
                continue
            try:
                installed = package.Package(entry)
                if getattr(installed, "type", "translate") != "translate":
                    continue
                missing = [name for name in _REQUIRED_FILES if not (entry / name).is_file()]
                if missing:
                    broken.append(BrokenPackage(entry, f"{' and '.join(missing)} missing"))
                else:
                    found.append(ModelPackage(entry, installed.from_code, installed.to_code, str(installed.package_version)))
            except (OSError, ValueError, KeyError, AttributeError, TypeError) as error:
                broken.append(BrokenPackage(entry, str(error).splitlines()[0] if str(error) else type(error).__name__))
    return found, broken


def installed_packages() -> list[ModelPackage]:
    """Every usable installed translation package."""
    return scan_packages()[0]


def find_package(from_code: str, to_code: str) -> ModelPackage:
    """The installed package for a language pair, or a one-line error saying how to get one."""
    packages, broken = scan_packages()
    for candidate in packages:
        if (candidate.from_code, candidate.to_code) == (from_code, to_code):
            return candidate
    installed = ", ".join(p.pair for p in packages) or "none"
    unusable = "".join(f"; {entry.path.name} is broken ({entry.reason})" for entry in broken)
    official = _OFFICIAL_BY_METADATA.get((from_code, to_code, "1.9"), f"translate-{from_code}_{to_code}-*.argosmodel")
    raise TranslatorError(
        f"no {from_code}→{to_code} translation model installed (installed: {installed}{unusable}); "
        f"install one with: translator models install {official}"
    )


def install_package_file(archive: Path) -> ModelPackage:
    """Validate an ``.argosmodel`` file and install it, replacing an older copy."""
    archive = Path(archive)
    if not archive.is_file():
        raise TranslatorError(f"{archive}: {'is a folder, not' if archive.is_dir() else 'not found: give'} an .argosmodel file")
    top, metadata, expanded = _read_archive(archive)
    official = KNOWN_PACKAGES.get(archive.name) or KNOWN_PACKAGES.get(
        _OFFICIAL_BY_METADATA.get((metadata["from_code"], metadata["to_code"], str(metadata["package_version"])), "")
    )
    if official:
        _check_checksum(archive, *official)
    target = packages_dir()
    try:
        target.mkdir(parents=True, exist_ok=True)
        _sweep_leftovers(target)
        free = shutil.disk_usage(target).free
    except OSError as error:
        raise TranslatorError(f"{target}: cannot hold the models ({error.strerror}); set ARGOS_PACKAGES_DIR to a folder") from None
    if expanded > free:
        raise TranslatorError(f"{archive}: needs {expanded / 1e6:.0f} MB, and {target} has {free / 1e6:.0f} MB free: free some space")
    staging = Path(tempfile.mkdtemp(dir=target, prefix=f".installing-{os.getpid()}-"))
    try:
        try:
            with zipfile.ZipFile(archive) as bundle:
                bundle.extractall(staging)
        except OSError as error:
            raise TranslatorError(f"{archive}: cannot be unpacked into {target} ({error.strerror or error})") from None
        _check_loads(staging / top, archive)
        final = target / top
        if final.exists():
            old = target / f".removing-{top}-{os.getpid()}"
            os.replace(final, old)
            os.replace(staging / top, final)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(staging / top, final)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return ModelPackage(final, metadata["from_code"], metadata["to_code"], str(metadata["package_version"]))


def _sweep_leftovers(target: Path) -> None:
    """Remove the temporary folders of installs and removals that were killed: those whose
    process is gone (or, named without one, untouched for an hour)."""
    for entry in target.iterdir():
        leftover = _LEFTOVER.fullmatch(entry.name)
        if leftover is None or not entry.is_dir():
            continue
        pid = leftover.group(1) or leftover.group(2)
        if (pid is None and time.time() - entry.stat().st_mtime > _LEFTOVER_WITHOUT_PID_AGE) or (pid is not None and not _running(int(pid))):
            shutil.rmtree(entry, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def _read_archive(archive: Path) -> tuple[str, dict, int]:
    """The archive's top folder, metadata and unpacked size, after checking its layout,
    its size once unpacked (before unpacking anything) and its integrity."""
    problem = f"{archive}: not a valid .argosmodel"
    if not zipfile.is_zipfile(archive):
        raise TranslatorError(f"{problem} (not a zip archive: corrupt or truncated download?)")
    try:
        with zipfile.ZipFile(archive) as bundle:
            names = bundle.namelist()
            tops = {PurePosixPath(n).parts[0] for n in names if n.strip("/")}
            if len(tops) != 1 or any(n.startswith("/") or ".." in PurePosixPath(n).parts for n in names):
                raise TranslatorError(f"{problem} (expected one top folder holding metadata.json, model/, sentencepiece.model)")
            top = tops.pop()
            if top.startswith("."):
                raise TranslatorError(f"{problem} (its top folder {top!r} starts with '.', so it would be hidden: rename it)")
            for required in _REQUIRED_FILES:
                if f"{top}/{required}" not in names:
                    raise TranslatorError(f"{problem} (missing {top}/{required})")
            expanded = sum(member.file_size for member in bundle.infolist())
            packed = archive.stat().st_size
            if expanded > max(MAX_EXPANSION * packed, _EXPANSION_ALLOWED_UNDER):
                raise TranslatorError(f"{problem} (it would unpack to {expanded / 1e6:,.0f} MB from {packed / 1e6:,.1f} MB, "
                                      f"more than {MAX_EXPANSION} times its size: a zip bomb, or damaged)")
            broken = bundle.testzip()
            if broken:
                raise TranslatorError(f"{problem} (corrupt member {broken}: download it again)")
            metadata = json.loads(bundle.read(f"{top}/metadata.json").decode("utf-8"))
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise TranslatorError(f"{problem} ({error}: download it again)") from None
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise TranslatorError(f"{problem} (metadata.json is not valid JSON)") from None
    missing = [key for key in ("from_code", "to_code", "package_version") if not isinstance(metadata, dict) or key not in metadata]
    if missing:
        raise TranslatorError(f"{problem} (metadata.json lacks {', '.join(missing)})")
    for key in ("from_code", "to_code"):
        if not isinstance(metadata[key], str) or not metadata[key]:
            raise TranslatorError(f'{problem} (metadata.json: {key} must be a language code such as "fr", not {json.dumps(metadata[key])[:40]})')
    if not isinstance(metadata["package_version"], (str, int, float)) or isinstance(metadata["package_version"], bool):
        raise TranslatorError(f'{problem} (metadata.json: package_version must be a version such as "1.9")')
    if metadata.get("type", "translate") != "translate":
        raise TranslatorError(f"{problem} (a '{metadata['type']}' package, not a translation model)")
    return top, metadata, expanded


def _check_checksum(archive: Path, size: int, sha256: str) -> None:
    digest = hashlib.sha256()
    with archive.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    if archive.stat().st_size != size or digest.hexdigest() != sha256:
        raise TranslatorError(
            f"{archive}: does not match the official package (sha256 {digest.hexdigest()[:12]}…, expected {sha256[:12]}…): "
            "corrupt or altered download; download it again"
        )


def _check_loads(package_path: Path, archive: Path) -> None:
    """Load the model and tokenizer once, so a package that cannot run is never installed."""
    import ctranslate2
    import sentencepiece

    try:
        ctranslate2.Translator(str(package_path / "model"), device="cpu")
        sentencepiece.SentencePieceProcessor(model_file=str(package_path / "sentencepiece.model"))
    except (RuntimeError, OSError, ValueError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise TranslatorError(f"{archive}: the model does not load ({reason}); download it again") from None


def install_from_index(from_code: str, to_code: str) -> ModelPackage:
    """Download a pair's package from argostranslate's index, then install it as a file."""
    import logging

    settings = _argos_settings()
    from argostranslate import package

    argos_log = logging.getLogger("argostranslate.utils")
    argos_log.disabled = True  # it logs the offline failure itself; ours is the one-line message below
    try:
        package.update_package_index()
    finally:
        argos_log.disabled = False
    offline = (
        f"cannot reach the Argos Translate package index (offline?); on a connected machine, download "
        f"translate-{from_code}_{to_code}-*.argosmodel from a link listed in {settings.remote_package_index} "
        f"(or {PACKAGE_DIRECTORY}), then run: translator models install FILE"
    )
    if not Path(settings.local_package_index).is_file():
        raise TranslatorError(offline)
    available = [p for p in package.get_available_packages() if (p.from_code, p.to_code) == (from_code, to_code)]
    if not available:
        raise TranslatorError(f"the Argos Translate index has no {from_code}→{to_code} package")
    try:
        download = Path(available[0].download())
    except Exception as error:  # argostranslate raises bare Exception on download failure
        raise TranslatorError(f"{offline} ({error})") from None
    try:
        return install_package_file(download)
    finally:
        download.unlink(missing_ok=True)


def remove_package(name_or_pair: str) -> Path:
    """Remove an installed package (broken ones too), named by folder or by pair (``fr-en``)."""
    packages, broken = scan_packages()
    folders = [p.path for p in packages if name_or_pair in (f"{p.from_code}-{p.to_code}", f"{p.from_code}_{p.to_code}")]
    folders += [entry.path for entry in (*packages, *broken) if entry.path.name == name_or_pair]
    if not folders:
        raise TranslatorError(f"no installed package named {name_or_pair!r}; see translator models list")
    folder = folders[0]
    trash = folder.with_name(f".removing-{folder.name}-{os.getpid()}")
    os.replace(folder, trash)
    shutil.rmtree(trash, ignore_errors=True)
    return folder
