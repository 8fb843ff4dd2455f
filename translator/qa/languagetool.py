"""Where LanguageTool comes from, decided without downloading behind the editor's back.

In this order (:func:`find_languagetool`):

1. a running server: ``--languagetool URL`` or ``LANGUAGETOOL_URL``;
2. a local distribution, ``$LTP_PATH/LanguageTool-<version>/languagetool-server.jar``
   (``LTP_PATH`` defaults to language_tool_python's ``~/.cache/language_tool_python``),
   with ``java`` on PATH: its server is started once per run and stopped at exit;
3. language_tool_python's own download (about 250 MB), only when allowed
   (``--allow-download``), or beforehand with ``translator languagetool install``.

This is decided before ``LanguageTool`` is constructed, since constructing it downloads
whatever it does not find.  language_tool_python and requests are imported only inside
the functions that need them.
"""

from __future__ import annotations

import os
import re
import shutil
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TypeVar

from ..errors import TranslatorError

URL_VARIABLE = "LANGUAGETOOL_URL"
PATH_VARIABLE = "LTP_PATH"  # read by language_tool_python itself
HOW_TO_PROVIDE = (
    f"set {URL_VARIABLE} (or --languagetool URL) to a running LanguageTool server, "
    f"set {PATH_VARIABLE} to a folder holding LanguageTool-<version>/ with java on PATH, "
    "or run 'translator languagetool install' (downloads about 250 MB)"
)

# The longest any one request to LanguageTool may take, however the server paces its answer
# (language_tool_python's own timeout is 300 s per read, tried twice).
REQUEST_DEADLINE = 30.0
_SERVER_PROBE_DEADLINE = 10.0
Answer = TypeVar("Answer")

_VERSION = re.compile(r"LanguageTool-(\d+\.\d+|\d{8})")  # the names language_tool_python accepts
_JARS = ("languagetool-server.jar", "languagetool.jar")


class QAUnavailable(TranslatorError):
    """LanguageTool, or one of its languages, cannot be used: the message says how to fix it."""


@dataclass(frozen=True, slots=True)
class LanguageToolSource:
    """Where LanguageTool comes from: a server URL, a local distribution, or a download."""

    kind: Literal["remote", "local", "download"]
    url: str | None = None  # remote: the server's base URL, ending with "/"
    path: Path | None = None  # local and download: the LTP_PATH folder
    version: str | None = None  # local and download: the LanguageTool version

    @property
    def description(self) -> str:
        if self.kind == "remote":
            return f"LanguageTool server {self.url}"
        if self.kind == "local":
            return f"LanguageTool {self.version} in {self.path}"
        return f"LanguageTool {self.version} (to download into {self.path})"


def find_languagetool(url: str | None = None, *, allow_download: bool = False, environ: Mapping[str, str] = os.environ) -> LanguageToolSource:
    """The LanguageTool to use, decided without constructing it and without network access
    except to ``url`` (or ``LANGUAGETOOL_URL``), which must answer like a LanguageTool server."""
    url = url or environ.get(URL_VARIABLE)
    if url:
        return _remote(url)
    folder = _ltp_folder(environ)
    local = _find_local(folder)
    java = shutil.which("java", path=environ.get("PATH"))
    if local is not None and java:
        return local
    if local is not None:
        raise QAUnavailable(
            f"{local.description} needs java, which is not on PATH: install Java 17 or later, "
            f"or set {URL_VARIABLE} (or --languagetool URL) to a running LanguageTool server"
        )
    if allow_download:
        if not java:
            raise QAUnavailable(f"LanguageTool needs java, which is not on PATH: install Java 17 or later, or {HOW_TO_PROVIDE}")
        from language_tool_python.download_lt import LTP_DOWNLOAD_VERSION

        return LanguageToolSource("download", path=folder, version=LTP_DOWNLOAD_VERSION)
    raise QAUnavailable(f"LanguageTool is not available: {HOW_TO_PROVIDE}")


def install_languagetool(version: str | None = None, *, environ: Mapping[str, str] = os.environ) -> LanguageToolSource:
    """Download LanguageTool into ``LTP_PATH`` with language_tool_python's own downloader."""
    from language_tool_python.download_lt import LTP_DOWNLOAD_VERSION, LocalLanguageTool

    if not shutil.which("java", path=environ.get("PATH")):
        raise QAUnavailable("LanguageTool needs java, which is not on PATH: install Java 17 or later first")
    folder = _ltp_folder(environ)
    with library_failures("LanguageTool download failed"), pinned_ltp_path(folder):
        LocalLanguageTool.from_version_name(version or LTP_DOWNLOAD_VERSION).download()
    installed = _find_local(folder)
    if installed is None:
        raise QAUnavailable(f"LanguageTool download finished, but {folder} holds no LanguageTool-<version>/languagetool-server.jar")
    return installed


def _remote(url: str) -> LanguageToolSource:
    """A server URL, checked by asking it for its languages."""
    import requests

    base = url if "://" in url else f"http://{url}"
    base = re.sub(r"/(?:v2/?)?$", "", base) + "/"  # the library appends "v2/" itself
    try:
        response = answer_within(_SERVER_PROBE_DEADLINE, lambda: requests.get(f"{base}v2/languages", timeout=_SERVER_PROBE_DEADLINE))
    except (requests.RequestException, TimeoutError) as error:
        raise QAUnavailable(
            f"LanguageTool server {base} does not answer ({short_reason(error)}): start it, "
            f"or fix --languagetool / {URL_VARIABLE}"
        ) from None
    try:
        languages = response.json()
    except ValueError:
        languages = None
    if not isinstance(languages, list):
        raise QAUnavailable(
            f"{base} does not answer like a LanguageTool server (GET v2/languages: HTTP {response.status_code}): "
            f"fix --languagetool / {URL_VARIABLE}"
        )
    return LanguageToolSource("remote", url=base)


def _ltp_folder(environ: Mapping[str, str]) -> Path:
    """The folder language_tool_python keeps LanguageTool in (its default when LTP_PATH is unset)."""
    return Path(environ.get(PATH_VARIABLE) or Path.home() / ".cache" / "language_tool_python")


def _find_local(folder: Path) -> LanguageToolSource | None:
    """The newest ``LanguageTool-<version>`` under ``folder`` that holds the server jar."""
    found = []
    if folder.is_dir():
        for child in folder.iterdir():
            version = _VERSION.fullmatch(child.name)
            if version and any((child / jar).is_file() for jar in _JARS):
                found.append(version.group(1))
    if not found:
        return None
    # snapshots (yyyymmdd) are newer than releases, as language_tool_python orders them
    newest = max(found, key=lambda v: (len(v) == 8, tuple(int(part) for part in v.split("."))))
    return LanguageToolSource("local", path=folder, version=newest)


@contextmanager
def pinned_ltp_path(folder: Path) -> Iterator[None]:
    """language_tool_python reads LTP_PATH from the process environment, at any time."""
    before = os.environ.get(PATH_VARIABLE)
    os.environ[PATH_VARIABLE] = str(folder)
    try:
        yield
    finally:
        if before is None:
            del os.environ[PATH_VARIABLE]
        else:
            os.environ[PATH_VARIABLE] = before


def answer_within(deadline: float, ask: Callable[[], Answer]) -> Answer:
    """What ``ask()`` returns or raises, or TimeoutError when it has not finished within
    ``deadline`` seconds; it is then left to finish in a daemon thread, which never holds up exit."""
    outcome: list = []

    def run() -> None:
        try:
            outcome.append((True, ask()))
        except BaseException as error:  # handed to the caller as is
            outcome.append((False, error))

    worker = threading.Thread(target=run, name="languagetool-request", daemon=True)
    worker.start()
    worker.join(deadline)
    if not outcome:
        raise TimeoutError(f"no answer within {deadline:g} s")
    answered, value = outcome[0]
    if not answered:
        raise value
    return value


@contextmanager
def library_failures(what: str) -> Iterator[None]:
    """language_tool_python's failures as one QAUnavailable line."""
    from language_tool_python.exceptions import LanguageToolError

    try:
        yield
    # no java: ModuleNotFoundError; java too old: SystemError; unreadable `java -version`: SystemExit
    except (LanguageToolError, OSError, ValueError, ImportError, SystemError, SystemExit) as error:
        raise QAUnavailable(f"{what}: {short_reason(error)}") from None


def short_reason(error: BaseException) -> str:
    """The useful part of an error: its first line, the OS reason of a failed connection."""
    text = str(error).strip() or type(error).__name__
    errno = re.search(r"\[Errno -?\d+\] [^'\")\]]+", text)
    first = errno.group() if errno else text.splitlines()[0]
    return first if len(first) <= 200 else first[:199] + "…"
