"""A stand-in for a real LanguageTool server, which cannot run here (no LanguageTool, no network).

It speaks LanguageTool's HTTP API v2 as language_tool_python uses it, on 127.0.0.1:

* ``GET /v2/languages``: ``[{"name", "code", "longCode"}, …]``;
* ``POST /v2/check`` (form-encoded ``text``, ``language``, …): ``{"software", "language",
  "matches": [...]}``, each match shaped like LanguageTool's (``offset``/``length`` in UTF-16
  units, ``context``, ``sentence``, ``rule`` with ``id``, ``issueType``, ``category``);
* ``GET /v2/healthcheck``: what language_tool_python polls while a local server starts.

Its grammar is three tiny rules: a repeated word (« le le »), repeated spaces between
words (``WHITESPACE_RULE``, of issue type ``whitespace``), misspellings from a small word
list per language (``FR_SPELLING_RULE``, ``MORFOLOGIK_RULE_EN_US``…), and nothing else.
As LanguageTool 5.5 does, it spell-checks each part of a hyphenated name (« Sissi » in
« al-Sissi ») and flags a name in capitals (« LOUKACHENKO ») its dictionary lacks.
A "broken" language is listed but answers HTTP 500 "Could not activate rules", as a server
whose rules for that language fail to load does.  Every request is recorded.

Two ways to imitate a real server's trouble: ``languages=("fr",)`` serves French only (a
server set up for one language lists only it), and ``stop_after_checks=N`` answers N
``/v2/check`` requests and then stops listening, as a server that dies mid-run does (the
next connection is refused).

And a misbehaving server, ``fault=`` one of :data:`FAULTS`: valid JSON of the wrong shape
(``{}`` or ``{"error": …}`` with HTTP 500 for a check, numbers for languages, a match whose
fields have the wrong types), a check that never answers (until the stand-in stops), or
answers dripped one byte at a time, each in time for a per-read timeout.

Run as a script (``python languagetool_standin.py -p PORT``) it serves until killed, the
way ``java -cp languagetool-server.jar org.languagetool.server.HTTPServer -p PORT`` does.
"""

from __future__ import annotations

import argparse
import json
import re
import threading
from collections.abc import Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

LANGUAGES = [
    {"name": "French", "code": "fr", "longCode": "fr"},
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "German (Germany)", "code": "de", "longCode": "de-DE"},
]

# language prefix → (spelling rule id, {misspelt word: suggestions})
MISSPELLINGS: dict[str, tuple[str, dict[str, list[str]]]] = {
    "fr": (
        "FR_SPELLING_RULE",
        {
            "Loukachenko": ["Loukachenka"],
            "LOUKACHENKO": ["LOUKACHENKA"],
            "Sissi": ["Sisi"],
            "Assad": ["Asad"],
            "Kolesnikova": ["Kolesnikov"],
            "Biélorussie": ["Biélorusse"],
            "Poutine": ["Routine", "Poutre"],
            "OTAN": ["OTAGE"],
            "recu": ["reçu", "recul", "recru", "rectum", "reclus", "recel", "recuit"],
        },
    ),
    "en-US": ("MORFOLOGIK_RULE_EN_US", {"teh": ["the", "ten", "tea", "tech", "eh", "tel"], "Lukashenko": []}),
    "en-GB": ("MORFOLOGIK_RULE_EN_GB", {"teh": ["the", "ten"], "colour": []}),
}
REPEAT_RULES = {"fr": ("FRENCH_WORD_REPEAT_RULE", "Faute de frappe possible : un mot est répété"),
                "en": ("ENGLISH_WORD_REPEAT_RULE", "Possible typo: you repeated a word")}
_WORD = re.compile(r"[^\W\d_]+")
_REPEAT = re.compile(r"\b([^\W\d_]+)\s+(\1)\b", re.IGNORECASE)
_SPACES = re.compile(r"(?<=\S) {2,}(?=\S)")
FAULTS = {
    "check-empty": "/v2/check answers {}",
    "check-500-json": "/v2/check answers HTTP 500 with {\"error\": \"boom\"}",
    "check-bad-match": "/v2/check answers a match whose length is text",
    "languages-numbers": "/v2/languages answers [1, 2, 3]",
    "check-hang": "/v2/check never answers",
    "drip": "every answer comes one byte every 0.2 s",
}
DRIP_PAUSE = 0.2


class LanguageToolStandIn:
    """The stand-in server as a context manager: ``url`` to hand to language_tool_python,
    ``requests`` to count what it was asked."""

    def __init__(self, *, broken: Iterable[str] = ("de-DE",), port: int = 0, languages: Iterable[str] | None = None,
                 stop_after_checks: int | None = None, fault: str | None = None) -> None:
        if fault is not None and fault not in FAULTS:
            raise ValueError(f"fault {fault!r}: not one of {', '.join(FAULTS)}")
        self.fault = fault
        self.stopped = threading.Event()  # ends the answers that hang or drip
        self.broken = {code.lower() for code in broken}
        served = None if languages is None else {code.lower() for code in languages}
        self.languages = [entry for entry in LANGUAGES if served is None or entry["longCode"].lower() in served]
        self.stop_after_checks = stop_after_checks
        self.requests: list[tuple[str, str, dict[str, str]]] = []  # (method, path, parameters)
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", port), _handler(self))
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/"

    def __enter__(self) -> LanguageToolStandIn:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop_listening()
        self._thread.join()

    def stop_listening(self) -> None:
        """No more connections: the next request is refused (the one being answered still is)."""
        self.stopped.set()
        self._server.shutdown()
        self._server.server_close()

    def checks(self, language: str | None = None) -> list[dict[str, str]]:
        """The parameters of each /v2/check request, for one language if given."""
        with self._lock:
            return [p for _, path, p in self.requests if path == "/v2/check" and language in (None, p.get("language"))]

    def count(self, path: str) -> int:
        with self._lock:
            return sum(1 for _, p, _ in self.requests if p == path)

    def record(self, method: str, path: str, parameters: dict[str, str]) -> None:
        with self._lock:
            self.requests.append((method, path, parameters))


def _handler(standin: LanguageToolStandIn) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            url = urlsplit(self.path)
            self._dispatch("GET", url.path, _form(url.query))

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode("utf-8")
            self._dispatch("POST", urlsplit(self.path).path, _form(body))

        def _dispatch(self, method: str, path: str, parameters: dict[str, str]) -> None:
            standin.record(method, path, parameters)
            if path == "/v2/check" and standin.stop_after_checks is not None and len(standin.checks()) >= standin.stop_after_checks:
                standin.stop_listening()  # this answer is the last one
            if standin.fault is not None and self._misbehave(path):
                return
            if path == "/v2/languages":
                self._send(200, standin.languages)
            elif path == "/v2/healthcheck":
                self._send(200, "OK")
            elif path == "/v2/check":
                self._check(parameters)
            else:
                self._send(404, f"Error: Unknown URL: {path}")

        def _check(self, parameters: dict[str, str]) -> None:
            language = parameters.get("language", "")
            known = {entry["longCode"].lower(): entry for entry in standin.languages}
            if language == "auto":
                language = "en-US"
            if language.lower() not in known:
                self._send(400, f"Error: '{language}' is not a language code known to LanguageTool.")
            elif language.lower() in standin.broken:
                self._send(500, f"Error: Internal Error: java.lang.RuntimeException: Could not activate rules for {language}\n"
                                "\tat org.languagetool.JLanguageTool.activateDefaultRules(JLanguageTool.java:512)")
            else:
                entry = known[language.lower()]
                text = parameters.get("text", "")
                self._send(200, {
                    "software": {"name": "LanguageTool", "version": "6.4 (stand-in)", "apiVersion": 1, "status": ""},
                    "language": {"name": entry["name"], "code": entry["longCode"]},
                    "matches": check(text, entry["longCode"]),
                })

        def _misbehave(self, path: str) -> bool:
            """Answer as the stand-in's fault says, if it concerns ``path``; True when answered."""
            fault = standin.fault
            if path == "/v2/languages" and fault == "languages-numbers":
                self._send(200, [1, 2, 3])
            elif path != "/v2/check" or fault in ("languages-numbers", "drip"):
                return False
            elif fault == "check-empty":
                self._send(200, {})
            elif fault == "check-500-json":
                self._send(500, {"error": "boom"})
            elif fault == "check-bad-match":
                match = _match("x", 0, 1, [], "m", "RULE", "d", "grammar", ("MISC", "Miscellaneous"))
                self._send(200, {"matches": [{**match, "length": "one"}]})
            else:  # check-hang
                standin.stopped.wait()
            return True

        def _send(self, status: int, payload: object) -> None:
            is_text = isinstance(payload, str)
            body = (payload if is_text else json.dumps(payload, ensure_ascii=False)).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "text/plain; charset=utf-8" if is_text else "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if standin.fault != "drip":
                self.wfile.write(body)
                return
            for byte in body:
                if standin.stopped.wait(DRIP_PAUSE):
                    return
                self.wfile.write(bytes([byte]))
                self.wfile.flush()

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


def _form(encoded: str) -> dict[str, str]:
    return {key: values[-1] for key, values in parse_qs(encoded, keep_blank_values=True).items()}


def check(text: str, language: str) -> list[dict]:
    """The stand-in's matches on ``text``, in LanguageTool's JSON shape."""
    matches = []
    prefix = language.split("-")[0]
    if prefix in REPEAT_RULES:
        rule_id, message = REPEAT_RULES[prefix]
        for found in _REPEAT.finditer(text):
            matches.append(_match(text, found.start(), found.end(), [found.group(2)], message, rule_id,
                                  "Word repetition", "duplication", ("MISC", "Miscellaneous")))
    for found in _SPACES.finditer(text):
        matches.append(_match(text, found.start(), found.end(), [" "], "Possible typo: you repeated a whitespace", "WHITESPACE_RULE",
                              "Whitespace repetition (bad formatting)", "whitespace", ("TYPOGRAPHY", "Typography")))
    spelling = MISSPELLINGS.get(language) or MISSPELLINGS.get(prefix)
    if spelling:
        rule_id, words = spelling
        for found in _WORD.finditer(text):
            if found.group() in words:
                matches.append(_match(text, found.start(), found.end(), words[found.group()], "Possible spelling mistake found.",
                                      rule_id, "Possible spelling mistake", "misspelling", ("TYPOS", "Possible Typo")))
    return sorted(matches, key=lambda m: m["offset"])


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _match(text: str, start: int, end: int, replacements: list[str], message: str, rule_id: str,
           description: str, issue_type: str, category: tuple[str, str]) -> dict:
    before, after = max(0, start - 40), min(len(text), end + 40)
    context = ("..." if before else "") + text[before:after].replace("\n", " ") + ("..." if after < len(text) else "")
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return {
        "message": message,
        "shortMessage": "",
        "replacements": [{"value": value} for value in replacements],
        "offset": _utf16(text[:start]),
        "length": _utf16(text[start:end]),
        "context": {"text": context, "offset": (3 if before else 0) + _utf16(text[before:start]), "length": _utf16(text[start:end])},
        "sentence": text[line_start : len(text) if line_end < 0 else line_end],
        "type": {"typeName": "Other"},
        "rule": {"id": rule_id, "description": description, "issueType": issue_type,
                 "category": {"id": category[0], "name": category[1]}},
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def main(arguments: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-p", "--port", type=int, default=8081)
    parser.add_argument("--broken", action="append", default=[])
    parser.add_argument("--language", action="append", dest="languages", help="serve only these (repeatable)")
    parser.add_argument("--fault", choices=FAULTS, help="misbehave this way")
    options = parser.parse_args(arguments)
    with LanguageToolStandIn(broken=options.broken, port=options.port, languages=options.languages, fault=options.fault):
        threading.Event().wait()


if __name__ == "__main__":
    main()
