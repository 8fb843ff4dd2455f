"""The clean stage: apply artefact rules to a document and report every change.

Order of work, each step on the text the previous one left:

1. the headline's duplicates right after it are deleted (``duplicate-headline``;
   once more after step 2, for a repeat that stood behind a deleted paragraph);
2. in every body paragraph: ``strip-prefix`` rules, sentence by sentence, until
   none applies (so cleaning is idempotent); then paragraph rules
   (``delete-paragraph``, ``flag``; ``position: leading`` ones on the paragraph
   opening the body only); then sentence rules (``delete-sentence``, ``flag``);
3. the trailing run of what is left, matched by ``position: trailing`` rules, is
   handled (e.g. a dangling timestamp extracted as metadata): whole paragraphs, then
   the last sentences of the last one;
4. ``headline`` and ``document`` flags.

Evidence: rules marked ``needs_evidence`` (a broad grammar of framings) run only on
an article that a change by an ``evidence`` rule (a persona, chatbot residue, a
repeated headline…) shows to be a bot's rewrite.  Such an article is cleaned again
from the start with every rule; the result names the evidence.

Offsets in findings always refer to the original text.

Every finding has a stable id (:func:`finding_id`).  An editor may reject changes by
id: the rules run exactly as without the rejection (the same findings, the same ids),
and only the text is assembled without those changes (each change's edits are logged
in original offsets), the rejected findings marked ``decision="rejected"``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import chain
from os.path import commonprefix

from ..diagnostics import Diagnostic, Level, Located
from ..document import (
    Document,
    Paragraph,
    Span,
    quoted_spans,
    split_sentences,
    without_quotations,
)
from ..lang import LanguageProfile, detect_language, profile
from ..regex_cache import cached_compile
from .deadline import bounded_matching, searched
from .matchers import Context, Match
from .rules import Action, Position, Rule, RuleSet, Scope, load_rules
from .textview import NormalisedView

_OPENING_PUNCTUATION = frozenset(" \u00a0\u202f«“\"(")


Finding = Diagnostic  # what the clean stage reports


@dataclass(frozen=True)
class CleanResult:
    """The cleaned text, what was found, and metadata pulled out of the text."""

    original: str
    text: str
    findings: tuple[Finding, ...]
    metadata: dict[str, str] = field(default_factory=dict)
    kept: tuple[int, ...] = ()  # for each paragraph of ``text``, its index in ``original``
    evidence: tuple[str, ...] = ()  # ids of the rules whose changes show a bot's rewrite
    guarded: bool = False  # written in the first person: rules reading « je » were held back
    hand_edited: bool = False  # ``text`` is the cleaned text as an editor left it by hand
    unedited: str | None = None  # the text before an editor's edits were made in it (None: no edits)

    @property
    def changed(self) -> bool:
        return self.text != self.original

    def findings_at_least(self, level: Level) -> list[Finding]:
        return [f for f in self.findings if f.level.rank >= level.rank]

    def changes(self) -> list[tuple[int, int, str]]:
        """The edits of ``original`` that make ``text``: ``(start, end, replacement)``, in
        order and apart.  A deleted paragraph goes with the separator after it (the last
        kept one's separator, when the paragraphs after it go); edits inside kept
        paragraphs are the findings' own."""
        if not self.changed:
            return []
        document = Document.parse(self.original)
        paragraphs = document.paragraphs
        kept = set(self.kept)
        changes = [(f.start, f.end, f.replacement) for f in self.findings
                   if f.replacement is not None and f.located_in is Located.ORIGINAL and f.paragraph in kept]
        last_kept = max(kept, default=None)
        for paragraph in paragraphs:
            if paragraph.index in kept:
                continue
            if last_kept is None or paragraph.index > last_kept:
                start = paragraphs[last_kept].end if last_kept is not None else 0
                ending = "" if last_kept is None else document.line_break_after(paragraphs[last_kept])
                changes.append((start, len(self.original), ending))
                break
            following = paragraphs[paragraph.index + 1].start
            changes.append((paragraph.start, following, ""))
        changes.sort()
        if _applied(self.original, changes) != self.text:  # a normalised view split paragraphs otherwise
            head = len(commonprefix([self.original, self.text]))
            tail = len(commonprefix([self.original[head:][::-1], self.text[head:][::-1]]))
            changes = [(head, len(self.original) - tail, self.text[head : len(self.text) - tail])]
        return changes


def _applied(text: str, changes: list[tuple[int, int, str]]) -> str:
    parts, position = [], 0
    for start, end, replacement in changes:
        parts += [text[position:start], replacement]
        position = end
    return "".join(parts) + text[position:]


def clean_text(
    text: str, rules: RuleSet | None = None, *, lang: str | None = None, headline: bool = True, bot_rewrite: bool = False,
    rejected: Collection[str] = frozenset(),
) -> CleanResult:
    """Clean one article in language ``lang`` (detected when None: French or English).

    ``rules`` defaults to the built-in rules of that language; rules for another
    language (see ``RuleSet.lang``) do not run: the article comes back unchanged.
    ``headline=False`` treats every paragraph as body text (no title line);
    ``bot_rewrite=True`` takes the article for a bot's rewrite without evidence;
    ``rejected``: ids of changes left out of the text (their findings say so).
    """
    code = lang or detect_language(text)
    language = profile(code)
    if rules is None:
        rules = _builtin_rules(code)
    elif rules.lang != code:
        rules = RuleSet((), lang=code)
    view = NormalisedView.of(text)
    with bounded_matching():
        result = _clean_view(view.text, rules, headline, bot_rewrite, language, frozenset(rejected))
    return result if view.is_identity else _back_to_original(result, view)


def _clean_view(text: str, rules: RuleSet, headline: bool, bot_rewrite: bool, lang: LanguageProfile,
                rejected: frozenset[str]) -> CleanResult:
    if bot_rewrite:
        return _Cleaner(text, rules, headline, lang, first_person_guard=False).run(rejected)
    first = _Cleaner(text, rules.without_evidence, headline, lang, first_person_guard=True).run(rejected)
    if not first.evidence:
        return first
    if not rules.needs_evidence and not first.guarded:
        return first
    return _Cleaner(text, rules, headline, lang, first_person_guard=False).run(rejected)


def finding_id(rule_id: str, paragraph: int | None, original: str, occurrence: int = 1) -> str:
    """``rule:hash``: 12 hex digits of sha256 over the rule, the paragraph and the text
    found; ``-2``, ``-3``… when the rule finds the same text again in that paragraph.
    The same input and rules give the same ids; an edit elsewhere leaves them alone."""
    digest = hashlib.sha256(f"{rule_id}\0{paragraph}\0{original}".encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"{rule_id}:{digest}" + (f"-{occurrence}" if occurrence > 1 else "")


def _identified(findings: Sequence[Finding]) -> list[Finding]:
    """The findings (sorted by position) with their ids."""
    seen: Counter[tuple[str, int | None, str]] = Counter()
    identified = []
    for finding in findings:
        key = (finding.rule_id, finding.paragraph, finding.original)
        seen[key] += 1
        identified.append(dataclasses.replace(finding, id=finding_id(*key, seen[key])))
    return identified


def _back_to_original(result: CleanResult, view: NormalisedView) -> CleanResult:
    """A result on the normalised view, in the original's offsets and bytes."""
    original = view.original
    findings = []
    for finding in result.findings:
        start, end = view.original_offset(finding.start), view.original_offset(finding.end)
        findings.append(dataclasses.replace(finding, start=start, end=end, original=original[start:end]))
    return dataclasses.replace(result, original=original, text=view.apply(result.text), findings=tuple(findings))


@cache
def _builtin_rules(lang: str) -> RuleSet:
    return load_rules(lang=lang)


class _TrackedText:
    """Text under edit that remembers the original offset of every character."""

    def __init__(self, text: str, offset: int) -> None:
        self.text = text
        self._end = offset + len(text)
        self._offset = offset
        self._origin: list[int] | None = None

    def original(self, position: int) -> int:
        if self._origin is None:
            return self._offset + position
        return self._origin[position] if position < len(self._origin) else self._end

    def original_span(self, start: int, end: int) -> Span:
        """The original span of ``text[start:end]`` (``end`` exclusive)."""
        return Span(self.original(start), self.original(end - 1) + 1 if end > start else self.original(start))

    def delete(self, start: int, end: int) -> tuple[int, ...]:
        """Delete ``text[start:end]``; return the original offsets of what went."""
        origin = self._origins()
        removed = tuple(origin[start:end])
        del origin[start:end]
        self.text = self.text[:start] + self.text[end:]
        return removed

    def set_char(self, position: int, char: str) -> tuple[int, str]:
        """Replace one character; return its original offset and the new character."""
        self._origins()
        self.text = self.text[:position] + char + self.text[position + 1 :]
        return self.original(position), char

    def part(self, start: int, end: int) -> _TrackedText:
        """``text[start:end]`` to edit on its own (edits there cost its length, not the
        paragraph's), then to put back with :meth:`put_back`."""
        piece = _TrackedText(self.text[start:end], 0)
        piece._origin = self._origins()[start:end]
        piece._end = self.original(end)
        return piece

    def put_back(self, pieces: list[tuple[int, int, _TrackedText]]) -> None:
        """Replace each ``text[start:end]`` by its edited piece (sorted, disjoint), in one pass."""
        origin = self._origins()
        texts: list[str] = []
        origins: list[list[int]] = []
        position = 0
        for start, end, piece in pieces:
            texts += [self.text[position:start], piece.text]
            origins += [origin[position:start], piece._origins()]
            position = end
        texts.append(self.text[position:])
        origins.append(origin[position:])
        self.text = "".join(texts)
        self._origin = list(chain.from_iterable(origins))

    def _origins(self) -> list[int]:
        if self._origin is None:
            self._origin = list(range(self._offset, self._end))
        return self._origin


@dataclass(frozen=True)
class _Edit:
    """What one change did, in original offsets: characters removed, characters replaced
    (a capital restored), or its whole paragraph dropped."""

    removed: tuple[int, ...] = ()
    replaced: tuple[tuple[int, str], ...] = ()
    drops_paragraph: bool = False


class _Cleaner:
    def __init__(self, text: str, rules: RuleSet, headline: bool, lang: LanguageProfile, *, first_person_guard: bool) -> None:
        self.document = Document.parse(text, lang)
        self.lang = lang
        # only the rules whose prefilter the article passes can fire anywhere in it (outside
        # quotations, for the rules that skip them)
        unquoted = "\n".join(without_quotations(p.text) for p in self.document.paragraphs)
        candidates = rules.passing_prefilters(text, unquoted)
        # an article written in the first person on purpose keeps its « je »
        self.guarded = (
            first_person_guard and any(r.first_person for r in candidates) and self.document.is_in_first_person
        )
        self.rules = RuleSet((r for r in candidates if not r.first_person), rules.words, lang=rules.lang) if self.guarded else candidates
        self.headline = self.document.headline if headline else None
        self.body = self.document.paragraphs[1:] if self.headline else self.document.paragraphs
        self.findings: list[Finding] = []
        self.metadata: dict[str, str] = {}
        self.deleted: set[int] = set()
        self.edited: dict[int, _TrackedText] = {}
        self.edits: dict[int, list[tuple[Finding, _Edit]]] = {}  # by paragraph: each change's edit

    def run(self, rejected: frozenset[str] = frozenset()) -> CleanResult:
        """Clean; the changes whose ids are in ``rejected`` are left out of the text."""
        self._delete_repeated_headline()
        for paragraph in self.body:
            # someone's own words (an interview answer…) are never rewritten nor flagged
            if paragraph.index not in self.deleted and paragraph.index not in self.document.speech:
                self._clean_paragraph(paragraph)
        self._delete_repeated_headline()  # a repeat may have been behind a deleted paragraph
        self._handle_trailing_paragraphs()
        self._flag_headline_and_document()
        found = sorted(self.findings, key=lambda f: (f.start, f.end))
        findings = _identified(found)
        # the edits of rejected changes, and of findings a deleted paragraph superseded, are left out
        left_out = {id(old) for old, new in zip(found, findings) if new.id in rejected and new.replacement is not None}
        left_out |= {id(f) for edits in self.edits.values() for f, _ in edits} - {id(f) for f in found}
        findings = [dataclasses.replace(new, decision="rejected") if id(old) in left_out else new for old, new in zip(found, findings)]
        texts = {p.index: self._decided(p, left_out) for p in self.document.paragraphs}
        kept = tuple(index for index, text in texts.items() if text is not None)
        # a rejected change still shows the article is a bot's rewrite
        evidence = tuple(dict.fromkeys(f.rule_id for f in findings if f.replacement is not None and self.rules.get(f.rule_id).evidence))
        return CleanResult(self.document.text, self._assemble(texts), tuple(findings), self.metadata, kept, evidence, self.guarded)

    # -- document-level steps ------------------------------------------------------

    def _delete_repeated_headline(self) -> None:
        if not self.headline:
            return
        for rule in (r for r in self.rules.select(Scope.PARAGRAPH) if r.kind.follows_headline):
            for paragraph in self.body:
                if paragraph.index in self.deleted:
                    continue
                # the text as written: a paragraph a strip made similar is no repeat
                if next(self._find(rule, paragraph.text, (), paragraph), None) is None:
                    self._delete_repeated_opening(rule, paragraph)
                    break
                self._delete_paragraph(rule, paragraph, None)

    def _delete_repeated_opening(self, rule: Rule, paragraph: Paragraph) -> None:
        """The headline repeated as the first sentence of the paragraph after it, the lede
        glued behind (« Titre. Le lede… »): that sentence goes."""
        tracked = self._tracked(paragraph)
        sentences = _segments(tracked.text, self.lang)[0]
        if len(sentences) < 2 or tracked.text[: sentences[0].start].strip():
            return
        match = next(self._find(rule, tracked.text[sentences[0].start : sentences[0].end], (), paragraph), None)
        if match is not None:
            self._delete_sentence(rule, paragraph, 0, tracked, sentences, match)
            self.edited[paragraph.index] = tracked

    def _handle_trailing_paragraphs(self) -> None:
        trailing = [r for r in self.rules.select(Scope.PARAGRAPH) if r.position is Position.TRAILING]
        if not trailing:
            return
        for paragraph in reversed(self.body):
            if paragraph.index in self.deleted:
                continue
            tracked = self._tracked(paragraph)
            hit = next(((r, m) for r in trailing for m in self._matches(r, tracked.text, paragraph)), None)
            if hit is None:
                self._handle_trailing_sentences(paragraph, tracked, trailing)
                return
            rule, match = hit
            self._keep_metadata(rule, match)
            if rule.action is Action.FLAG:
                self._flag(rule, paragraph, None, Span(paragraph.start, paragraph.end), match)
            else:
                self._delete_paragraph(rule, paragraph, match)

    def _handle_trailing_sentences(self, paragraph: Paragraph, tracked: _TrackedText, rules: list[Rule]) -> None:
        """The last sentences of the last paragraph, when trailing rules match them (a
        timestamp glued after the last sentence, or on the paragraph's last line)."""
        while True:
            sentences, quoted = _segments(tracked.text, self.lang)
            if len(sentences) < 2:
                return
            last = sentences[-1]
            text = tracked.text[last.start : last.end]
            context = Context(self.document, quoted.clip(last.start, last.end), paragraph)
            hit = next(((r, m) for r in rules if r.action is not Action.FLAG for m in r.kind.find(r, text, context)), None)
            if hit is None:
                return
            rule, match = hit
            self._keep_metadata(rule, match)
            self._delete_sentence(rule, paragraph, len(sentences) - 1, tracked, sentences, match)
            self.edited[paragraph.index] = tracked

    def _keep_metadata(self, rule: Rule, match: Match) -> None:
        if rule.action is Action.EXTRACT_METADATA:
            for name, value in match.group_texts.items():
                self.metadata.setdefault(name, value)

    def _flag_headline_and_document(self) -> None:
        if self.headline:
            for rule in self.rules.select(Scope.HEADLINE):
                for match in self._matches(rule, self.headline.text, self.headline):
                    self._flag(rule, self.headline, None, Span(self.headline.start, self.headline.end), match)
                    break
        document_rules = self.rules.select(Scope.DOCUMENT)
        if not document_rules:
            return
        quoted = [
            Span(p.start + q.start, p.start + q.end) for p in self.document.paragraphs for q in quoted_spans(p.text)
        ]
        for rule in document_rules:
            for match in self._find(rule, self.document.text, quoted):
                paragraph = next(p for p in reversed(self.document.paragraphs) if p.start <= match.start)
                self._flag(rule, paragraph, None, Span(match.start, match.end), match)

    # -- one body paragraph -----------------------------------------------------

    def _clean_paragraph(self, paragraph: Paragraph) -> None:
        tracked = _TrackedText(paragraph.text, paragraph.start)
        # the rules whose prefilter the paragraph passes (edits only shorten it); outside
        # quotations for the rules that skip them
        rules = self.rules.passing_prefilters(paragraph.text, without_quotations(paragraph.text))
        self._strip_prefixes(paragraph, tracked, rules)
        leading = not any(p.index < paragraph.index and p.index not in self.deleted for p in self.body)
        for rule in rules.select(Scope.PARAGRAPH):
            if rule.kind.follows_headline or rule.position is Position.TRAILING:
                continue
            if rule.position is Position.LEADING and not leading:
                continue
            match = next(self._matches(rule, tracked.text, paragraph, leading), None)
            if match is None:
                continue
            if rule.action in (Action.DELETE_PARAGRAPH, Action.EXTRACT_METADATA):
                self._keep_metadata(rule, match)
                if not self._delete_opening_sentences(rule, paragraph, tracked, match):
                    self._delete_paragraph(rule, paragraph, match)
                    return
                continue
            self._flag(rule, paragraph, None, tracked.original_span(0, len(tracked.text)), match)
        self._apply_sentence_rules(paragraph, tracked, rules)
        if not tracked.text.strip():
            self.deleted.add(paragraph.index)
        elif tracked.text != paragraph.text:
            self.edited[paragraph.index] = tracked

    def _delete_opening_sentences(self, rule: Rule, paragraph: Paragraph, tracked: _TrackedText, match: Match) -> bool:
        """With ``keep_from``: delete the sentences before the first one (after the
        first) that matches it, and say so; false when none does (the whole paragraph goes)."""
        if rule.keep_from is None:
            return False
        sentences = _segments(tracked.text, self.lang)[0]
        keep = next(
            (number for number in range(1, len(sentences))
             if _keeps(rule, tracked.text[sentences[number].start : sentences[number].end])),
            None,
        )
        if keep is None:
            return False
        start, end = sentences[0].start, sentences[keep].start
        finding = self._record(rule, paragraph, 0, tracked.original_span(start, end), "", match)
        self._log(finding, _Edit(removed=tracked.delete(start, end)))
        return True

    def _strip_prefixes(self, paragraph: Paragraph, tracked: _TrackedText, rule_set: RuleSet) -> None:
        rules = rule_set.select(Scope.SENTENCE, Action.STRIP_PREFIX)
        if not rules:
            return
        deleting = rule_set.select(Scope.SENTENCE, Action.DELETE_SENTENCE)
        # each sentence is edited on its own, and all are put back at once
        sentences, quotations = _segments(tracked.text, self.lang)
        edited: list[tuple[int, int, _TrackedText]] = []
        for number, bounds in enumerate(sentences):
            quoted = quotations.clip(bounds.start, bounds.end)
            piece: _TrackedText | None = None
            while True:  # until no framing is left: each strip shortens the sentence
                sentence = piece.text if piece is not None else tracked.text[bounds.start : bounds.end]
                context = Context(self.document, quoted, paragraph)
                hit = next(((r, m) for r in rules for m in r.kind.find(r, sentence, context)), None)
                if hit is None:
                    break
                if piece is None:
                    if any(next(r.kind.find(r, sentence, context), None) for r in deleting):
                        break  # the sentence goes whole (chatbot residue…): nothing to restore in it
                    piece = tracked.part(bounds.start, bounds.end)
                cut = self._strip(paragraph, number, piece, 0, *hit)
                # quotations after the cut move back with the text (a framing ends before any)
                quoted = [q if q.end <= cut.start else Span(q.start - (cut.end - cut.start), q.end - (cut.end - cut.start))
                          for q in quoted if q.end <= cut.start or q.start >= cut.end]
            if piece is not None:
                edited.append((bounds.start, bounds.end, piece))
        if edited:
            tracked.put_back(edited)

    def _strip(self, paragraph: Paragraph, number: int, tracked: _TrackedText, offset: int, rule: Rule, match: Match) -> Span:
        """Remove the match's ``prefix`` group (or all of it); return what went, in the sentence."""
        span = match.groups.get("prefix", Span(match.start, match.end))
        cut_start, cut_end = offset + span.start, offset + span.end
        capital = _first_letter(tracked.text, cut_end) if _starts_sentence(match.text[: span.start]) else None
        edit_end = capital + 1 if capital is not None else cut_end
        original = tracked.original_span(cut_start, edit_end)
        replacement = tracked.text[cut_end:edit_end]
        replaced = ()
        if capital is not None:
            replacement = replacement[:-1] + _upper(tracked.text[capital])
            replaced = (tracked.set_char(capital, _upper(tracked.text[capital])),)
        finding = self._record(rule, paragraph, number, original, replacement, match)
        self._log(finding, _Edit(tracked.delete(cut_start, cut_end), replaced))
        return span

    def _apply_sentence_rules(self, paragraph: Paragraph, tracked: _TrackedText, rule_set: RuleSet) -> None:
        for action in (Action.DELETE_SENTENCE, Action.FLAG):
            rules = rule_set.select(Scope.SENTENCE, action)
            if not rules:
                continue
            sentences, quoted = _segments(tracked.text, self.lang)
            for number in reversed(range(len(sentences))):
                sentence = sentences[number]
                context = Context(self.document, quoted.clip(sentence.start, sentence.end), paragraph)
                for rule in rules:
                    match = next(rule.kind.find(rule, tracked.text[sentence.start : sentence.end], context), None)
                    if match is None:
                        continue
                    if action is Action.FLAG:
                        self._flag(rule, paragraph, number, tracked.original_span(sentence.start, sentence.end), match)
                    else:
                        self._delete_sentence(rule, paragraph, number, tracked, sentences, match)
                        break

    def _delete_sentence(self, rule: Rule, paragraph: Paragraph, number: int, tracked: _TrackedText, sentences: list[Span], match: Match) -> None:
        sentence = sentences[number]
        news = self._news_glued_after(rule, tracked.text[sentence.start : sentence.end], match, paragraph)
        if news is not None:  # only the residue goes: the news glued after it stays, as after a framing
            self._strip(paragraph, number, tracked, sentence.start, rule, Match(0, news, match.text, {}, {}))
            return
        finding = self._record(rule, paragraph, number, tracked.original_span(sentence.start, sentence.end), "", match)
        # (a later sentence may be gone already: then this one ends the paragraph)
        if number + 1 < len(sentences) and tracked.text[sentence.end :].strip():
            removed = tracked.delete(sentence.start, sentences[number + 1].start)
        else:
            previous_end = sentences[number - 1].end if number else 0
            removed = tracked.delete(previous_end, sentence.end)
        self._log(finding, _Edit(removed))

    def _news_glued_after(self, rule: Rule, sentence: str, match: Match, paragraph: Paragraph) -> int | None:
        """Where a news sentence starts that a bot glued after the residue a rule found in
        ``sentence``, after a colon and a capital (« …voici le texte reformulé : Une vache
        a été… »); None when the sentence is all residue.  What follows must be a clause
        of its own (ending as a sentence ends) in the article's language, with no first
        person, and one the rule finds no residue in."""
        glued = next((colon for colon in _COLON.finditer(sentence, match.start) if sentence[colon.end():].lstrip("«“\" \u00a0\u202f")[:1].isupper()),
                     None)
        if glued is None:
            return None
        rest = sentence[glued.end() :]
        if not rest.rstrip().endswith(_SENTENCE_ENDS):
            return None  # a title or a list: no sentence of news
        words = _WORD.findall(rest.lower())
        if len(words) < _GLUED_NEWS_WORDS or sum(word in self.lang.stopwords for word in words) < 2 or self.lang.first_person.search(rest):
            return None
        if next(rule.kind.find(rule, rest, Context(self.document, quoted_spans(rest), paragraph)), None) is not None:
            return None
        return glued.end()

    # -- recording -------------------------------------------------------------------

    def _tracked(self, paragraph: Paragraph) -> _TrackedText:
        return self.edited.get(paragraph.index) or _TrackedText(paragraph.text, paragraph.start)

    def _matches(self, rule: Rule, text: str, paragraph: Paragraph, leading: bool = False) -> Iterator[Match]:
        """The rule's matches in a paragraph's (current) text, quotations read from it."""
        return self._find(rule, text, quoted_spans(text), paragraph, leading)

    def _find(self, rule: Rule, text: str, quoted: Sequence[Span], paragraph: Paragraph | None = None, leading: bool = False) -> Iterator[Match]:
        return rule.kind.find(rule, text, Context(self.document, quoted, paragraph, leading))

    def _delete_paragraph(self, rule: Rule, paragraph: Paragraph, match: Match | None) -> None:
        """Delete a paragraph; findings inside it until now are superseded by this one."""
        self.deleted.add(paragraph.index)
        self.edited.pop(paragraph.index, None)
        self.findings = [f for f in self.findings if f.paragraph != paragraph.index]
        finding = self._record(rule, paragraph, None, Span(paragraph.start, paragraph.end), "", match)
        self._log(finding, _Edit(drops_paragraph=True))

    def _flag(self, rule: Rule, paragraph: Paragraph, sentence: int | None, span: Span, match: Match) -> None:
        self._record(rule, paragraph, sentence, span, None, match)

    def _record(self, rule: Rule, paragraph: Paragraph, sentence: int | None, span: Span, replacement: str | None, match: Match | None) -> Finding:
        values = {name: value.strip() for name, value in match.group_texts.items()} if match else {}
        values["match"] = match.text.strip() if match else self.document.text[span.start : span.end]
        message = re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group()), rule.spec.message)
        finding = Finding(rule.id, rule.level, rule.action, message, paragraph.index, sentence, span.start, span.end,
                          self.document.text[span.start : span.end], replacement)
        self.findings.append(finding)
        return finding

    def _log(self, finding: Finding, edit: _Edit) -> None:
        """Remember what a change did to its paragraph (to assemble the text without it)."""
        assert finding.paragraph is not None
        self.edits.setdefault(finding.paragraph, []).append((finding, edit))

    # -- output ------------------------------------------------------------------------

    def _decided(self, paragraph: Paragraph, left_out: set[int]) -> str | None:
        """A paragraph's cleaned text without the changes in ``left_out`` (ids of their
        findings' objects); None when it is deleted."""
        edits = self.edits.get(paragraph.index, [])
        if not any(id(finding) in left_out for finding, _ in edits):
            if paragraph.index in self.deleted:
                return None
            edited = self.edited.get(paragraph.index)
            return edited.text if edited is not None else paragraph.text
        removed: set[int] = set()
        replaced: dict[int, str] = {}
        for finding, edit in edits:
            if id(finding) in left_out:
                continue
            if edit.drops_paragraph:
                return None
            removed.update(edit.removed)
            replaced.update(edit.replaced)
        text = self.document.text
        decided = "".join(replaced.get(i, text[i]) for i in range(paragraph.start, paragraph.end) if i not in removed)
        return decided if decided.strip() else None

    def _assemble(self, texts: dict[int, str | None]) -> str:
        """The cleaned text: kept paragraphs (``texts``: each one's, None when deleted) with
        their own separators."""
        document = self.document
        kept = [p for p in document.paragraphs if texts[p.index] is not None]
        if not kept:
            return "" if texts else document.text
        parts = [document.text[: document.paragraphs[0].start]]
        for position, paragraph in enumerate(kept):
            parts.append(texts[paragraph.index])
            if position + 1 < len(kept) or paragraph.index == len(document.paragraphs) - 1:
                parts.append(document.separator_after(paragraph))
            else:
                parts.append(document.line_break_after(paragraph))
        return "".join(parts)


class _Quotations:
    """A paragraph's quotations, sorted, with a quick look-up of those inside a range."""

    def __init__(self, spans: tuple[Span, ...]) -> None:
        self.spans = spans
        self._ends = [span.end for span in spans]

    def clip(self, start: int, end: int) -> list[Span]:
        """The quotations meeting ``[start, end)``, relative to ``start`` (a sentence's)."""
        clipped = []
        index = bisect_right(self._ends, start)
        while index < len(self.spans) and self.spans[index].start < end:
            span = self.spans[index]
            clipped.append(Span(max(span.start, start) - start, min(span.end, end) - start))
            index += 1
        return clipped


def _keeps(rule: Rule, sentence: str) -> bool:
    """Whether ``sentence`` matches the rule's ``keep_from`` (the sentences from it on stay)."""
    assert rule.keep_from is not None
    return next(searched(rule, rule.keep_from.finditer(sentence), sentence), None) is not None


@lru_cache(maxsize=64)
def _segments(text: str, lang: LanguageProfile) -> tuple[list[Span], _Quotations]:
    """Sentences and quotations of a paragraph's current text (cached: asked often)."""
    return split_sentences(text, lang), _Quotations(quoted_spans(text))


_SENTENCE_OPENING = cached_compile(r"\s*(?:[-–—]\s*)?")


_COLON = cached_compile(r"[ \t\u00a0\u202f]*:[ \t\u00a0\u202f]+")
_GLUED_NEWS_WORDS = 6  # the fewest words of a news sentence glued after residue
_WORD = cached_compile(r"\w+")
_SENTENCE_ENDS = (".", "!", "?", "…", "»", "”", '"', ")")


def _starts_sentence(before: str) -> bool:
    """Whether a cut after ``before`` leaves the start of a sentence (nothing, or a dash
    ending a dateline: « 12 mars 2012. - »)."""
    return _SENTENCE_OPENING.fullmatch(before) is not None or before.rstrip().endswith((" -", " –", " —"))


def _first_letter(text: str, position: int) -> int | None:
    """The first letter at or after ``position`` when only opening punctuation precedes it."""
    for index in range(position, len(text)):
        char = text[index]
        if char.isalpha():
            return index if char.islower() else None
        if char not in _OPENING_PUNCTUATION:
            return None
    return None


def _upper(char: str) -> str:
    upper = char.upper()
    return upper if len(upper) == 1 else char
