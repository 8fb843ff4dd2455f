"""Web pages: the article is extracted from the page with trafilatura.

The rules read the extracted article: its title, a blank line, then its paragraphs
(navigation, share bars, related-article blocks, comments and cookie notices left
out), so that the page's title is the headline the duplicate-headline rule compares
against.  The page's metadata (title, canonical URL, publication date, author, site
name) goes to ``SourceText.metadata``.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from itertools import pairwise

from ...errors import TranslatorError
from ..files import SourceText, decode_text
from . import InputFormat, register

_DECLARED_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_BYTE_ORDER_MARKS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# blocks news sites put inside an article that are not of it (by their class or id):
# links to other articles, newsletter and subscription boxes, paywall notices, share bars
_NOT_ARTICLE = re.compile(r"lire-?aussi|read-?also|related|inread|newsletter|paywall|subscribe|abonnement|outbrain|taboola"
                          r"|share|social|cookie|consent")
# the same, told by their words when their markup does not say: « Lire aussi : … »,
# « Il vous reste 60 % de cet article à lire. »
_NOT_ARTICLE_TEXT = re.compile(
    r"(?:À lire aussi|A lire aussi|Lire aussi|Lire également|À lire également|Voir aussi|Sur le même sujet)\b\s*:?.{0,200}"
    r"|Il vous reste \d+\s*% de cet article à lire\..*|La suite est réservée aux abonnés\.?",
    re.IGNORECASE | re.DOTALL,
)
_METADATA = {"title": "title", "url": "url", "published_at": "date", "author": "author", "site": "sitename"}


@register
class WebPage(InputFormat):
    name = "html"
    suffixes = (".html", ".htm")
    text_label = "extracted text"
    rewritable = False  # the cleaned text is no web page

    def articles(self, name: str, data: bytes, encoding: str) -> Iterator[SourceText]:
        yield extract_article(name, decode_page(name, data, encoding).text)


def decode_page(name: str, data: bytes, encoding: str) -> SourceText:
    """The page as text, in the charset it declares (its byte-order mark, else its
    ``<meta charset>``) as a browser reads it; ``encoding`` when it declares none, or
    when the bytes do not decode as declared."""
    declared = next((codec for mark, codec in _BYTE_ORDER_MARKS if data.startswith(mark)), None)
    if declared is None and (meta := _DECLARED_CHARSET.search(data[:4096])):
        declared = _known_codec(meta.group(1).decode("ascii"))
    if declared is not None and declared != encoding:
        try:
            return decode_text(name, data, declared)
        except TranslatorError:
            pass
    return decode_text(name, data, encoding)


def _known_codec(label: str) -> str | None:
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def extract_article(name: str, page: str) -> SourceText:
    """The article of a page, with its metadata; a page without one is an error naming it.
    Its text is written in UTF-8, whatever the page's charset: a text file says none."""
    import trafilatura
    from trafilatura.metadata import extract_metadata

    tree = _parsed(page)
    if tree is None:
        raise _no_article(name)
    spaces = _NoBreakSpaces(page)
    spaces.hide(tree)
    page_metadata = extract_metadata(tree, date_config={"original_date": True})
    title = spaces.shown(_HTML_SPACES.sub(" ", page_metadata.title or "").strip())
    _drop_title_heading(tree, page_metadata.title)
    document = trafilatura.bare_extraction(tree, include_comments=False, include_tables=False, favor_precision=True)
    blocks = [(tag, spaces.shown(text)) for tag, text in _blocks(document.body)] if document else []
    blocks = [block for block in blocks if not _NOT_ARTICLE_TEXT.fullmatch(block[1])]
    if blocks and blocks[0] == ("head", title):
        blocks = blocks[1:]  # the title, once more
    if not any(tag in ("p", "quote") for tag, _ in blocks):  # headings or links alone are no article
        raise _no_article(name)
    paragraphs = [text for _, text in blocks]
    text = "\n\n".join([title, *paragraphs] if title else paragraphs) + "\n"  # as a text file ends
    metadata = {key: spaces.shown(value) for key, field in _METADATA.items() if (value := getattr(page_metadata, field, None))}
    return SourceText(name, text, format=WebPage.name, metadata=metadata)


def _no_article(name: str) -> TranslatorError:
    return TranslatorError(f"{name}: no article found in this page (only navigation or boilerplate); "
                           "save the article's own page, or give its text as a .txt file")


def _drop_title_heading(tree, title: str | None) -> None:
    """Take the page's heading that is its title out of the page: the title leads the
    article text already, and a copy of it right below (a bot's repeated headline) must
    stay in the text, where trafilatura would take it for the heading's echo."""
    wanted = _HTML_SPACES.sub(" ", title or "").strip()
    for heading in tree.iter("h1", "h2"):
        if wanted and _HTML_SPACES.sub(" ", heading.text_content()).strip() == wanted:
            heading.drop_tree()
            return


class _NoBreakSpaces:
    """French typography's no-break spaces (« Le », 10 %), which trafilatura turns into
    plain spaces, stand in for printable characters the page does not use while it reads."""

    def __init__(self, page: str) -> None:
        unused = (c for c in "\u2422\u2423\u237d\u2420\u2306\u2307" if c not in page)
        self.stand_ins = {space: next(unused, space) for space in ("\u00a0", "\u202f")}

    def hide(self, tree) -> None:
        for element in tree.iter():
            element.text, element.tail = self._swap(element.text), self._swap(element.tail)

    def _swap(self, text: str | None) -> str | None:
        for space, stand_in in self.stand_ins.items():
            text = text.replace(space, stand_in) if text else text
        return text

    def shown(self, text: str) -> str:
        for space, stand_in in self.stand_ins.items():
            text = text.replace(stand_in, space)
        return text


def _parsed(page: str):
    """The page as an lxml tree (None: nothing to parse), without the blocks whose class
    or id tells they are no part of the article, and with text broken by runs of ``<br>``
    made paragraphs, as a browser shows them (old sites write articles so)."""
    from lxml import etree, html

    try:
        root = html.document_fromstring(_XML_DECLARATION.sub("", page, count=1))
    except (etree.ParserError, ValueError):
        return None
    for element in [e for e in root.iter() if e.tag not in _FRAME and _NOT_ARTICLE.search(_class_and_id(e))]:
        element.drop_tree()
    for parent in [element for element in root.iter() if _breaks_paragraphs(element)]:
        _split_at_line_breaks(parent)
    return root


_FRAME = frozenset({"html", "head", "body", "main", "article"})  # never dropped: a body's classes describe the page


def _class_and_id(element) -> str:
    return f"{element.get('class', '')} {element.get('id', '')}".replace("_", "-").lower()


_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*>")


def _breaks_paragraphs(element) -> bool:
    return any(_line_break_run(a, b) for a, b in pairwise(element))


def _line_break_run(child, following) -> bool:
    return child.tag == "br" and following.tag == "br" and not (child.tail or "").strip()


def _split_at_line_breaks(parent) -> None:
    """Put ``parent``'s content in paragraphs, one per stretch between runs of ``<br>``."""
    from lxml.html import Element

    children = list(parent)
    paragraphs, current = [], Element("p")
    current.text, parent.text = parent.text, None
    for index, child in enumerate(children):
        following = children[index + 1] if index + 1 < len(children) else None
        if child.tag == "br" and (following is not None and _line_break_run(child, following)):
            parent.remove(child)  # a run goes on
        elif child.tag == "br" and index > 0 and _line_break_run(children[index - 1], child):
            paragraphs.append(current)  # a run ends: a new paragraph starts with the text after it
            current = Element("p")
            current.text = child.tail
            parent.remove(child)
        else:
            current.append(child)
    paragraphs.append(current)
    parent.extend(p for p in paragraphs if len(p) or (p.text or "").strip())


def _blocks(body) -> Iterator[tuple[str, str]]:
    """Each block of trafilatura's article tree: its tag and text (a list's items one per line)."""
    for block in body:
        parts = block.iterchildren("item") if block.tag == "list" else [block]
        if text := "\n".join(line for part in parts if (line := _inline_text(part))):
            yield block.tag, text


def _inline_text(element) -> str:
    """An element's words, white space collapsed as a browser shows it (no-break spaces
    kept); a ``<br>`` is a line break."""
    lines = "".join(_pieces(element)).replace("\n", " ").replace(_LINE_BREAK, "\n").split("\n")
    return "\n".join(joined for line in lines if (joined := _HTML_SPACES.sub(" ", line).strip(_HTML_SPACE_CHARACTERS)))


_LINE_BREAK = "\u2029"  # stands for a <br> while spaces are collapsed
_HTML_SPACE_CHARACTERS = " \t\n\r\f"
_HTML_SPACES = re.compile(f"[{_HTML_SPACE_CHARACTERS}]+")


def _pieces(element) -> Iterator[str]:
    yield _LINE_BREAK if element.tag == "lb" else element.text or ""
    for child in element:
        yield from _pieces(child)
        yield child.tail or ""
