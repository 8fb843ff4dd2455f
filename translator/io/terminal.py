"""Text on its way to a terminal: an article's control characters must not drive it."""

from __future__ import annotations

# control characters an article may hold (ESC sequences clear screens, move the cursor,
# hide text) are shown as their pictures (␛, ␇…), one character for one, never sent
_VISIBLE = {code: 0x2400 + code for code in range(0x20) if chr(code) not in "\t\n"} | {0x7F: 0x2421} | {
    code: 0xFFFD for code in range(0x80, 0xA0)}


def visible(text: str) -> str:
    """``text`` with its control characters as pictures, safe to print on a terminal (a
    CRLF line end stays one: only a carriage return inside a line could hide text)."""
    return text.translate(_VISIBLE).replace("\u240d\n", "\r\n")
