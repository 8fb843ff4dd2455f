"""The text the rules read: composed accents, no invisible characters, one kind of line break.

Articles copied from macOS sources come in decomposed Unicode (NFD), pages carry
zero-width and format characters (ZWSP, word joiner, soft hyphen…), and U+2028/2029
separate lines.  Each would hide an artefact from the rules (« J\u200b’ai observé
que ») or raise a false one.  The rules read a normalised view instead (NFC, format
characters left out, U+2028/2029 read as line breaks); an offset map leads every
position of the view back to the original, whose bytes the cleaned text keeps
wherever the cleaner changed nothing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher

_LINE_SEPARATORS = {"\u2028": "\n", "\u2029": "\n"}
# the format characters (Cf) met in text, and the line separators: a quick test
_SPECIAL = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]")


@dataclass(frozen=True)
class NormalisedView:
    original: str
    text: str
    starts: tuple[int, ...]  # for each character of ``text`` (and its end), where it starts in ``original``

    @classmethod
    def of(cls, original: str) -> NormalisedView:
        if original.isascii() or _is_normal(original):
            return cls(original, original, ())
        parts: list[str] = []
        starts: list[int] = []
        chunk_start = 0  # invisible characters belong to the character after them
        index = 0
        while index < len(original):
            end = index + 1
            while end < len(original) and unicodedata.combining(original[end]):
                end += 1
            chunk = original[index:end]
            if unicodedata.category(chunk[0]) == "Cf" and len(chunk) == 1:
                index = end
                continue
            view = _LINE_SEPARATORS.get(chunk) or unicodedata.normalize("NFC", chunk)
            parts.append(view)
            starts.extend([chunk_start] * len(view))
            index = chunk_start = end
        starts.append(len(original))
        return cls(original, "".join(parts), tuple(starts))

    @property
    def is_identity(self) -> bool:
        return not self.starts

    def original_offset(self, offset: int) -> int:
        """Where a position of the view (a start, or an end) lies in the original."""
        return offset if self.is_identity else self.starts[offset]

    def apply(self, edited: str) -> str:
        """The original with the edits that turned the view into ``edited``: lines first,
        then characters inside the lines that changed (linear in practice)."""
        if self.is_identity:
            return edited
        old_lines, new_lines = self.text.splitlines(keepends=True), edited.splitlines(keepends=True)
        old_at = _line_offsets(old_lines)
        out: list[str] = []
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_opcodes():
            start, end = old_at[i1], old_at[i2]
            if tag == "equal":
                out.append(self._original_slice(start, end))
            elif tag == "insert":
                out.append("".join(new_lines[j1:j2]))
            elif tag == "replace":
                out.append(self._apply_in(start, end, "".join(new_lines[j1:j2])))
        return "".join(out)

    def _apply_in(self, start: int, end: int, new: str) -> str:
        old = self.text[start:end]
        out: list[str] = []
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
            if tag == "equal":
                out.append(self._original_slice(start + i1, start + i2))
            elif tag in ("replace", "insert"):
                out.append(new[j1:j2])
        return "".join(out)

    def _original_slice(self, start: int, end: int) -> str:
        return self.original[self.starts[start] : self.starts[end]]


def _is_normal(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text) and not _SPECIAL.search(text)


def _line_offsets(lines: list[str]) -> list[int]:
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    return offsets
