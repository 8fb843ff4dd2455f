(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var all = function (selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); };
  var data = JSON.parse($('review-data').textContent);
  var paragraphs = data.paragraphs || [];
  var findings = data.findings || [];
  var byId = {};
  findings.forEach(function (f) { byId[f.id] = f; });
  var decisions = {};  // id -> accepted | rejected | reviewed: what the editor decided
  var edits = {};      // paragraph -> the text the editor wrote for it
  var lost = [];       // what a loaded decisions file holds that this page cannot place
  var shown = {};      // paragraph -> the cleaned cell as the page came, and its text
  var baseline = {};   // ids of the changes the page's cleaned text was made without (rejected in Python)
  (data.rejected || []).forEach(function (id) { baseline[id] = true; });
  var stops = [], current = -1;

  function isChange(f) { return f.replacement !== null; }
  function rejected(f) { return decisions[f.id] === 'rejected'; }
  function differs(f) { return rejected(f) !== Boolean(baseline[f.id]); }  // decided otherwise than the page's text
  function changesIn(i) {
    return findings.filter(function (f) { return f.paragraph === i && isChange(f); })
      .sort(function (a, b) { return a.start - b.start; });
  }

  // --- the text the decisions give ---------------------------------------------------------

  /** Paragraph i with the accepted changes made, its flags where they land; null: deleted. */
  function decided(i) {
    var changes = changesIn(i);
    if (!changes.some(differs)) return {text: paragraphs[i].cleaned, marks: null};
    var p = paragraphs[i], text = '', at = 0, marks = [], moves = [];
    changes.forEach(function (c) {
      if (rejected(c) || c.start < at) return;
      text += p.text.slice(at, c.start);
      moves.push([c.start, c.end, text.length, c.replacement.length]);
      if (c.replacement) marks.push([text.length, text.length + c.replacement.length, 'inserted', '']);
      text += c.replacement;
      at = c.end;
    });
    text += p.text.slice(at);
    function moved(offset, atEnd) {
      var shift = 0;
      for (var k = 0; k < moves.length; k++) {
        var m = moves[k];
        if (m[1] <= offset) shift = m[2] + m[3] - m[1];
        else if (m[0] < offset) return m[2] + (atEnd ? m[3] : 0);
      }
      return offset + shift;
    }
    findings.forEach(function (f) {
      if (f.paragraph !== i || isChange(f)) return;
      var start = moved(f.start, false), end = moved(f.end, true);
      if (start < end) marks.push([start, end, 'flagged', f.rule + ': ' + f.message]);
    });
    return {text: text.trim() ? text : null, marks: marks};
  }

  /** The whole cleaned text as Python assembles it, then each edit made once. */
  function decidedText() {
    var text = data.cleaned;
    if (findings.some(function (f) { return isChange(f) && differs(f); })) {
      var kept = [];
      paragraphs.forEach(function (p, i) { var t = decided(i).text; if (t !== null) kept.push([i, t]); });
      text = kept.length ? data.prefix : '';
      kept.forEach(function (entry, position) {
        var p = paragraphs[entry[0]];
        text += entry[1] + (position + 1 < kept.length || entry[0] === paragraphs.length - 1 ? p.separator : p.lineBreak);
      });
    }
    editList().forEach(function (edit) {
      var at = text.indexOf(edit.before);
      if (at >= 0) text = text.slice(0, at) + edit.after + text.slice(at + edit.before.length);
    });
    return text;
  }

  function editList() {
    return Object.keys(edits).map(Number).sort(function (a, b) { return a - b; })
      .map(function (i) { return {before: decided(i).text, after: edits[i]}; });
  }

  function decisionsFile() {
    var chosen = {};
    Object.keys(decisions).sort().forEach(function (id) { chosen[id] = decisions[id]; });
    return {schema: 'translator-decisions/1', article: data.article, decisions: chosen, edits: editList().concat(lost)};
  }

  // --- showing the decisions -----------------------------------------------------------------

  function span(text, kind, note) {
    var element = document.createElement('span');
    element.className = 'mark ' + kind + ' change';
    element.textContent = text;
    if (note) { element.title = note; element.dataset.note = note; }
    return element;
  }

  function renderCleaned(i) {
    var cell = document.querySelector('.text[data-paragraph="' + i + '"]');
    if (!cell) return;
    var result = decided(i);
    cell.classList.toggle('edited', i in edits);
    if (i in edits) {
      cell.textContent = edits[i];
    } else if (result.marks === null) {
      if (shown[i].text === result.text) cell.innerHTML = shown[i].html; else cell.textContent = result.text || '';
    } else {
      cell.textContent = '';
      var text = result.text || '', cuts = [0, text.length];
      result.marks.forEach(function (m) { cuts.push(m[0], m[1]); });
      cuts = cuts.filter(function (c, k) { return cuts.indexOf(c) === k; }).sort(function (a, b) { return a - b; });
      for (var k = 0; k + 1 < cuts.length; k++) {
        var piece = text.slice(cuts[k], cuts[k + 1]);
        var covering = result.marks.filter(function (m) { return m[0] <= cuts[k] && cuts[k + 1] <= m[1]; });
        cell.appendChild(covering.length ? span(piece, covering[0][2], covering[0][3]) : document.createTextNode(piece));
      }
    }
    var editable = result.text !== null;
    if (editable) cell.setAttribute('contenteditable', 'plaintext-only'); else cell.removeAttribute('contenteditable');
    if (editable) cell.setAttribute('aria-label', 'cleaned paragraph ' + (i + 1) + ', editable'); else cell.removeAttribute('aria-label');
  }

  function renderFinding(f) {
    var state = decisions[f.id] || '';
    all('[data-finding="' + f.id + '"]').forEach(function (element) {
      element.classList.toggle('rejected', state === 'rejected');
      element.classList.toggle('accepted', state === 'accepted');
      element.classList.toggle('reviewed', state === 'reviewed');
    });
    all('.finding[data-finding="' + f.id + '"] button').forEach(function (button) {
      var pressed = button.classList.contains('accept') ? state === 'accepted'
        : button.classList.contains('reject') ? state === 'rejected' : state === 'reviewed';
      button.setAttribute('aria-pressed', String(pressed));
    });
  }

  function decide(id, state) {
    var f = byId[id];
    if (!f) return;
    if (!isChange(f)) state = state === 'accepted' ? 'reviewed' : state === 'rejected' ? null : (decisions[id] === 'reviewed' ? null : 'reviewed');
    if (state) decisions[id] = state; else delete decisions[id];
    renderFinding(f);
    if (f.paragraph !== null) renderCleaned(f.paragraph);
    say(f.rule + ': ' + (decisions[id] || (isChange(f) ? 'accepted' : 'not reviewed')));
  }

  function say(message) { $('status').textContent = message; }

  // --- finding stops, filters ------------------------------------------------------------------

  function matches(row) {
    var rule = $('filter-rule').value, level = $('filter-level').value;
    if ($('changes-only').checked && row.classList.contains('same')) return false;
    if (rule && row.dataset.rules.split(' ').indexOf(rule) < 0) return false;
    return !level || row.dataset.levels.split(' ').indexOf(level) >= 0;
  }

  function stopMatches(element) {
    var rule = $('filter-rule').value, level = $('filter-level').value, f = byId[element.dataset.stop];
    var kind = element.classList.contains('violation') ? 'violation' : element.classList.contains('qa') ? 'qa' : '';
    if (rule && (f ? f.rule : kind) !== rule) return false;
    return !level || (f && f.level === level);
  }

  function filter() {
    all('table.review tbody tr').forEach(function (row) { row.hidden = !matches(row); });
    stops = all('[data-stop]').filter(function (element) { return !element.closest('tr').hidden && stopMatches(element); });
    current = -1;
    position();
  }

  function position() {
    $('position').textContent = (current < 0 ? '–' : current + 1) + ' / ' + stops.length + (stops.length === 1 ? ' finding' : ' findings');
  }

  function go(step) {
    if (!stops.length) return;
    current = current < 0 && step < 0 ? stops.length - 1 : (current + step + stops.length) % stops.length;
    if (current < 0) current = 0;
    stops[current].focus();
    stops[current].scrollIntoView({block: 'center'});
    position();
  }

  /** The finding the keys act on: the one focused, or the last stop n/p reached. */
  function target() {
    var element = document.activeElement && document.activeElement.closest('[data-finding]');
    if (element) return element.dataset.finding;
    return current >= 0 ? stops[current].dataset.stop : null;
  }

  function edit() {
    var id = target(), f = id && byId[id];
    var row = f ? document.getElementById('p' + f.paragraph) : document.activeElement.closest('tr');
    var cell = row && row.querySelector('.text[contenteditable]');
    if (cell) cell.focus();
  }

  function endEdit(cell) {
    var i = Number(cell.dataset.paragraph), text = cell.textContent;
    if (text === decided(i).text) delete edits[i]; else edits[i] = text;
    renderCleaned(i);
    say(i in edits ? 'paragraph ' + (i + 1) + ' edited' : '');
  }

  // --- copying, downloading ----------------------------------------------------------------------

  function copy(text, what) {
    function fallback() {
      var area = document.createElement('textarea');
      area.value = text;
      document.body.appendChild(area);
      area.select();
      var done = document.execCommand('copy');
      area.remove();
      say(done ? what + ' copied' : 'could not copy ' + what);
    }
    if (navigator.clipboard) navigator.clipboard.writeText(text).then(function () { say(what + ' copied'); }, fallback);
    else fallback();
  }

  function download() {
    var blob = new Blob([JSON.stringify(decisionsFile(), null, 2) + '\n'], {type: 'application/json'});
    var link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = data.decisionsFile;
    document.body.appendChild(link);
    link.click();
    link.remove();
    say('decisions downloaded: ' + data.decisionsFile);
  }

  // --- a decisions file embedded in the page ----------------------------------------------------

  function load(saved) {
    Object.keys(saved.decisions || {}).forEach(function (id) { decisions[id] = saved.decisions[id]; });  // unknown ones too: kept
    var unknown = Object.keys(saved.decisions || {}).filter(function (id) { return !byId[id]; });
    (saved.edits || []).forEach(function (e) {
      for (var i = 0; i < paragraphs.length; i++) {
        var text = decided(i).text;
        if (text !== null && !(i in edits) && text.indexOf(e.before) >= 0) {
          edits[i] = text.replace(e.before, function () { return e.after; });
          return;
        }
      }
      lost.push(e);
    });
    var notes = [];
    if (unknown.length) notes.push(unknown.length + ' decision(s) for findings no longer in this article: ' + unknown.join(', '));
    if (lost.length) notes.push(lost.length + ' edit(s) whose text is no longer in this article');
    if (notes.length) { var box = $('document-findings'); box.className = 'lost'; box.textContent = notes.join('; '); }
  }

  // --- wiring --------------------------------------------------------------------------------------

  all('.text[data-paragraph]').forEach(function (cell) { shown[cell.dataset.paragraph] = {html: cell.innerHTML, text: cell.textContent}; });
  var saved = $('decisions-data');
  if (saved) load(JSON.parse(saved.textContent));
  var touched = {};  // the page comes with every change accepted: redraw only what decisions or edits alter
  Object.keys(edits).forEach(function (i) { touched[i] = true; });
  Object.keys(decisions).forEach(function (id) {
    if (!byId[id]) return;
    renderFinding(byId[id]);
    if (byId[id].paragraph !== null) touched[byId[id].paragraph] = true;
  });
  Object.keys(touched).forEach(function (i) { renderCleaned(Number(i)); });

  document.addEventListener('click', function (event) {
    var button = event.target.closest('.finding button');
    if (!button) return;
    var id = button.closest('[data-finding]').dataset.finding;
    decide(id, button.classList.contains('accept') ? 'accepted' : button.classList.contains('reject') ? 'rejected'
      : (decisions[id] === 'reviewed' ? 'rejected' : 'accepted'));
  });
  document.addEventListener('focusin', function (event) {
    var index = stops.indexOf(event.target);
    if (index >= 0) { current = index; position(); }
  });
  document.addEventListener('focusout', function (event) {
    if (event.target.matches && event.target.matches('.text[contenteditable]')) endEdit(event.target);
  });
  document.addEventListener('keydown', function (event) {
    var editing = event.target.isContentEditable;
    if (editing) {
      if (event.key === 'Escape' || (event.key === 'Enter' && !event.shiftKey)) {
        event.preventDefault();
        var stop = current >= 0 ? stops[current] : null;
        if (stop) stop.focus(); else event.target.blur();
      }
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey || /^(INPUT|SELECT|TEXTAREA)$/.test(event.target.tagName)) return;
    var actions = {n: function () { go(1); }, j: function () { go(1); }, p: function () { go(-1); }, k: function () { go(-1); },
                   a: function () { decide(target(), 'accepted'); }, r: function () { decide(target(), 'rejected'); }, e: edit};
    if (actions[event.key]) { actions[event.key](); event.preventDefault(); }
  });
  $('next').addEventListener('click', function () { go(1); });
  $('previous').addEventListener('click', function () { go(-1); });
  ['filter-rule', 'filter-level', 'changes-only'].forEach(function (id) { $(id).addEventListener('change', filter); });
  if ($('download')) $('download').addEventListener('click', download);
  if ($('copy-cleaned')) $('copy-cleaned').addEventListener('click', function () { copy(decidedText(), 'cleaned text'); });
  if ($('copy-english')) $('copy-english').addEventListener('click', function () { copy(data.english, 'English'); });
  window.translatorReview = {decidedText: decidedText, decisionsFile: decisionsFile};
  filter();
})();
