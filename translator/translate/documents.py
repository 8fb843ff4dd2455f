"""The translate stage: documents in, sentence-aligned translations out.

For every document: segment (same paragraphs and sentences as the clean stage) →
protect glossary terms → look sentences up in the translation memory → translate
the rest in one engine call for all documents → restore and verify the terms →
rebuild each document with its paragraphs, blank lines and line endings intact.

Glossary enforcement is verified, not assumed.  Each matched term is first given
to the model in its target form (« Putin a parlé… »).  A sentence whose output
lacks a required target (or one of its accepted alternatives) is retried with
placeholders (``ZXQ1``) restored after; if that fails too, once more unmasked.  After
every attempt, any glossary source form left in the output — of any entry, in any
inflection the glossary lists (« biélorusse comrades », « Biélorussie's ») — is
replaced by its target.  What is still wrong is reported as a violation: a
:class:`~translator.diagnostics.Diagnostic` from the glossary (rule ``glossary.term``,
level error, category the term's type), located on the sentence's translation in the
result text.

A sentence the engine renders as nothing keeps its source text in the translation,
and its segment says so (``untranslated``): a paragraph never vanishes.

Each segment keeps where its translation lies in the result text
(``result.text[segment.target_start:segment.target_end] == segment.target``), and the
result where each paragraph lies in it (``result.paragraphs``).  The
translation memory stores each engine call's final translations right after that
call, so an interrupted run keeps what was translated.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from ..diagnostics import Diagnostic, Level, Located, Source
from ..document import Document, Span, split_sentences
from .glossary import Glossary, TermMatch, is_translated
from .memory import TranslationMemory

_HAS_LETTER = re.compile(r"[^\W\d_]")
# a run of white space holding a line break, matched from its first character only (linear)
_INNER_LINE_BREAK = re.compile(r"(?<!\s)[^\S\r\n]*+[\r\n]\s*+")
_NEW_LINE_OF_TEXT = re.compile(r"(?<![,;:\s])[ \t]*(?:\r\n|\n|\r)[ \t]*(?=[A-ZÀ-ÖØ-Þ0-9«“\"—–-])")
_PLACEHOLDER = "ZXQ{}"
_PLACEHOLDER_FOUND = re.compile(r"Z\s?X\s?Q\s?(\d+)", re.IGNORECASE)
GLOSSARY_RULE = "glossary.term"
EMPTY_RULE = "translate.empty"  # the engine gave nothing for a sentence

TranslateBatch = Callable[[Sequence[str]], list[str]]


@dataclass(frozen=True, slots=True)
class AppliedTerm:
    source: str
    target: str


@dataclass(frozen=True, slots=True)
class Segment:
    """One source sentence and its translation, found at ``target_start:target_end``
    in the result text; ``untranslated``: the engine gave nothing, the source stands in."""

    paragraph: int
    sentence: int
    source: str
    target: str
    target_start: int
    target_end: int
    terms: tuple[AppliedTerm, ...] = ()
    violations: tuple[Diagnostic, ...] = ()  # what is wrong with it: glossary terms missing, no translation
    from_memory: bool = False
    untranslated: bool = False


@dataclass(frozen=True)
class TranslationResult:
    """A translated document; ``glossary`` is the glossary's fingerprint,
    ``glossary_name`` its files for people ("built-in fr-en/names.yaml + newsroom.tsv");
    ``paragraphs[i]``: where the source's paragraph ``i`` lies in ``text``."""

    source: str
    text: str
    segments: tuple[Segment, ...]
    model: str
    glossary: str
    glossary_name: str = ""
    paragraphs: tuple[Span, ...] = ()

    @property
    def untranslated(self) -> list[Segment]:
        return [segment for segment in self.segments if segment.untranslated]

    @property
    def violations(self) -> list[Diagnostic]:
        return [v for segment in self.segments for v in segment.violations]


@dataclass(frozen=True)
class TranslationContext:
    """What a run translates with: the engine, the model's identity, the glossary and
    the translation memory (closed with the context)."""

    target: str
    translate_batch: TranslateBatch
    model_id: str
    glossary: Glossary
    memory: TranslationMemory | None = None
    memory_key: str | None = None

    def translate(self, texts: Sequence[str]) -> list[TranslationResult]:
        return translate_documents(texts, self.translate_batch, self.glossary, model_id=self.model_id,
                                   memory=self.memory, memory_key=self.memory_key)

    def __enter__(self) -> TranslationContext:
        return self

    def __exit__(self, *_: object) -> None:
        if self.memory is not None:
            self.memory.close()


@dataclass
class _Slot:
    """A sentence to translate, where it sits, and the glossary terms in it."""

    paragraph: int
    sentence: int
    start: int
    end: int
    source: str
    terms: list[TermMatch]


def translate_documents(
    texts: Sequence[str],
    translate: TranslateBatch,
    glossary: Glossary,
    *,
    model_id: str,
    memory: TranslationMemory | None = None,
    memory_key: str | None = None,
) -> list[TranslationResult]:
    """Translate whole documents with one batched call of ``translate`` for all of them.

    ``memory_key`` identifies the model in the translation memory (a checksum);
    without ``memory`` nothing is remembered.
    """
    documents = [Document.parse(text) for text in texts]
    slots = [_slots(document, glossary) for document in documents]
    unique = list(dict.fromkeys(slot.source for document_slots in slots for slot in document_slots))
    key = (memory_key or model_id, glossary.fingerprint)
    known = memory.lookup(*key, unique) if memory is not None else {}
    by_source = {s.source: s for document_slots in slots for s in document_slots}
    remember = partial(memory.store, *key) if memory is not None else None
    fresh = _translate_with_terms([by_source[s] for s in unique if s not in known], translate, glossary, remember)
    known = {source: _replace_source_forms(target, glossary) for source, target in known.items()}
    results = []
    for document, document_slots in zip(documents, slots):
        outputs = [known[slot.source] if slot.source in known else fresh[slot.source][0] for slot in document_slots]
        targets = [output if output.strip() else slot.source for slot, output in zip(document_slots, outputs)]
        text, spans, paragraphs = _rebuild(document, document_slots, targets)
        segments = tuple(
            _segment(slot, span, text, _missing(output, slot.terms) if slot.source in known else fresh[slot.source][1],
                     from_memory=slot.source in known, untranslated=not output.strip())
            for slot, span, output in zip(document_slots, spans, outputs)
        )
        results.append(TranslationResult(document.text, text, segments, model_id, glossary.fingerprint, glossary.description, paragraphs))
    return results


def _slots(document: Document, glossary: Glossary) -> list[_Slot]:
    slots = []
    for paragraph in document.paragraphs:
        for number, span in enumerate(_units(paragraph.text)):
            raw = paragraph.text[span.start : span.end]
            source = _INNER_LINE_BREAK.sub(" ", raw.strip())
            if _HAS_LETTER.search(source):
                slots.append(_Slot(paragraph.index, number, paragraph.start + span.start, paragraph.start + span.end, source, glossary.find(source)))
    return slots


def _units(text: str) -> list[Span]:
    """The sentences of a paragraph, also cut where a line ends without final
    punctuation and the next starts a new line of text (« Par Jean Dupont⏎Le 24 mai »);
    a sentence merely wrapped over lines stays one."""
    units = []
    for sentence in split_sentences(text):
        start = sentence.start
        for line_break in _NEW_LINE_OF_TEXT.finditer(text, sentence.start, sentence.end):
            units.append(Span(start, line_break.start()))
            start = line_break.end()
        units.append(Span(start, sentence.end))
    return units


def _translate_with_terms(
    slots: list[_Slot], translate: TranslateBatch, glossary: Glossary, remember: Callable[[dict[str, str]], None] | None = None
) -> dict[str, tuple[str, list[TermMatch]]]:
    """Translate sentences, enforcing their glossary terms; result: source → (target, missing terms).

    After each call of ``translate``, the translations no later attempt will revisit
    go to ``remember`` (source → target).
    """
    outcome: dict[str, tuple[str, list[TermMatch]]] = {}
    pending = slots
    for number, attempt in enumerate(_ATTEMPTS):
        if not pending:
            break
        outputs = translate([attempt.protect(slot) for slot in pending])
        retry = []
        for slot, output in zip(pending, outputs):
            target = _replace_source_forms(attempt.restore(slot, output), glossary)
            missing = _missing(target, slot.terms)
            previous = outcome.get(slot.source)
            if previous is None or len(missing) < len(previous[1]):
                outcome[slot.source] = (target, missing)
            if missing:
                retry.append(slot)
        revisited = set() if number == len(_ATTEMPTS) - 1 else {slot.source for slot in retry}
        final = {slot.source: outcome[slot.source][0] for slot in pending if slot.source not in revisited}
        if remember is not None and final:
            remember(final)
        pending = retry
    return outcome


@dataclass(frozen=True)
class _Attempt:
    """One way of handing a sentence's terms to the model, and of reading them back."""

    protect: Callable[[_Slot], str]
    restore: Callable[[_Slot, str], str]


def _with_placeholders(slot: _Slot) -> str:
    if _PLACEHOLDER_FOUND.search(slot.source):  # the text itself holds one: they would mix
        return slot.source
    return _replace_terms(slot, lambda number, match: _PLACEHOLDER.format(number))


def _restore_placeholders(slot: _Slot, output: str) -> str:
    if _PLACEHOLDER_FOUND.search(slot.source):
        return output

    def put_back(found: re.Match[str]) -> str:
        number = int(found.group(1))
        return slot.terms[number].term.target if number < len(slot.terms) else found.group()

    return _PLACEHOLDER_FOUND.sub(put_back, output)


def _replace_source_forms(output: str, glossary: Glossary) -> str:
    """The output with every glossary source form left in it replaced by its target,
    capitalised where the form was."""

    def target_of(_: int, match: TermMatch) -> str:
        target = match.term.target
        return target[:1].upper() + target[1:] if match.form[:1].isupper() else target

    return _replace(output, glossary.find_in_translation(output), target_of)


_ATTEMPTS = (
    # the target forms in the source: « Putin a parlé… »
    _Attempt(lambda slot: _replace_terms(slot, lambda number, match: match.term.target), lambda slot, output: output),
    # opaque placeholders (ZXQ1…), targets put back after
    _Attempt(_with_placeholders, _restore_placeholders),
    # the plain source
    _Attempt(lambda slot: slot.source, lambda slot, output: output),
)


def _replace_terms(slot: _Slot, replacement: Callable[[int, TermMatch], str]) -> str:
    return _replace(slot.source, slot.terms, replacement)


def _replace(text: str, matches: Sequence[TermMatch], replacement: Callable[[int, TermMatch], str]) -> str:
    parts, position = [], 0
    for number, match in enumerate(matches):
        parts += [text[position : match.start], replacement(number, match)]
        position = match.end
    return "".join(parts) + text[position:]


def _missing(target: str, terms: Sequence[TermMatch]) -> list[TermMatch]:
    """Terms whose target and alternatives are all absent from the translation (case of
    the first letter aside)."""
    return [match for match in terms if not is_translated(match.term, target)]


def _segment(slot: _Slot, span: Span, text: str, missing: list[TermMatch], *, from_memory: bool, untranslated: bool) -> Segment:
    """The segment of a translated slot whose translation lies at ``span`` in ``text``."""
    target = text[span.start : span.end]
    applied = tuple(AppliedTerm(m.form, m.term.target) for m in slot.terms)
    violations = tuple(
        Diagnostic(GLOSSARY_RULE, Level.ERROR, None,
                   f"'{m.form}' must become {_quoted(m.term.accepted)} ({m.term.origin}); not found in the translation",
                   slot.paragraph, slot.sentence, span.start, span.end, target, None,
                   source=Source.GLOSSARY, located_in=Located.TRANSLATION, category=str(m.term.type),
                   suggestions=m.term.accepted, subject=m.form)
        for m in missing
    )
    if untranslated:
        violations += (Diagnostic(EMPTY_RULE, Level.WARNING, None, "the model gave no translation; the source sentence is kept",
                                  slot.paragraph, slot.sentence, span.start, span.end, target, None,
                                  source=Source.TRANSLATE, located_in=Located.TRANSLATION),)
    return Segment(slot.paragraph, slot.sentence, slot.source, target, span.start, span.end, applied, violations, from_memory, untranslated)


def _quoted(texts: Sequence[str]) -> str:
    return " or ".join(f"'{text}'" for text in texts)


def _rebuild(document: Document, slots: list[_Slot], targets: list[str]) -> tuple[str, list[Span], tuple[Span, ...]]:
    """The document with each translated sentence in place of its source, all else kept;
    where each translation lies in it, and where each paragraph does."""
    parts, spans, length, position = [], [], 0, 0
    for slot, target in zip(slots, targets):
        between, placed = document.text[position : slot.start], target.strip()
        parts += [between, placed]
        spans.append(Span(length + len(between), length + len(between) + len(placed)))
        length = spans[-1].end
        position = slot.end
    return "".join(parts) + document.text[position:], spans, _moved(document, slots, spans)


def _moved(document: Document, slots: list[_Slot], spans: list[Span]) -> tuple[Span, ...]:
    """Where each paragraph lies once every slot's text is replaced by the text at its span
    (a paragraph's ends lie between slots, shifted by the length the slots before gained)."""
    shifts = [0]  # shifts[k]: length gained by the first k slots
    for slot, span in zip(slots, spans):
        shifts.append(shifts[-1] + (span.end - span.start) - (slot.end - slot.start))
    ends = [slot.end for slot in slots]
    return tuple(
        Span(p.start + shifts[bisect_right(ends, p.start)], p.end + shifts[bisect_right(ends, p.end)])
        for p in document.paragraphs
    )
