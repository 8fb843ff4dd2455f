(function () {
  var marks = Array.prototype.slice.call(document.querySelectorAll('td .change'));
  var current = -1;
  function go(step) {
    if (!marks.length) return;
    current = (current + step + marks.length) % marks.length;
    marks[current].focus();
    marks[current].scrollIntoView({block: 'center'});
    document.getElementById('position').textContent = (current + 1) + ' / ' + marks.length;
  }
  document.addEventListener('keydown', function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'n' || event.key === 'j') { go(1); event.preventDefault(); }
    if (event.key === 'p' || event.key === 'k') { go(-1); event.preventDefault(); }
  });
  document.getElementById('next').addEventListener('click', function () { go(1); });
  document.getElementById('previous').addEventListener('click', function () { go(-1); });
  marks.forEach(function (mark, index) { mark.addEventListener('focus', function () { current = index; }); });
})();
