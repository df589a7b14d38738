/*
 * Printing a document (src/styles/print.css, ADR 1402). Inlined as a classic
 * script (works from file://).
 * - Before printing, a print-only line after the text says where the text
 *   comes from and when it was printed ("In từ <address> ngày dd/mm/yyyy").
 *   The date is today's, written at print time: the built page holds none.
 * - `html[data-print-only="<id>"]` (the "In mục này" item of the cite menu)
 *   prints that provision alone: the element with that id is marked
 *   `data-print-target` and its ancestors up to the text `data-print-path`,
 *   so the stylesheet can hide everything else. Marked again whenever the
 *   attribute changes, so print media and the print dialog both see it.
 */
(function () {
  var root = document.documentElement;
  function two(n) {
    return (n < 10 ? '0' : '') + n;
  }
  // The page's canonical address, else the citation address when it is absolute, else this copy's own.
  function address() {
    var canonical = document.querySelector('link[rel="canonical"]');
    if (canonical && canonical.href) return canonical.href;
    var cited = document.querySelector('[data-cite-url]');
    var url = cited ? cited.getAttribute('data-cite-url') : '';
    if (url && /^https?:\/\//.test(url)) return url;
    return location.href.replace(/#.*$/, '');
  }
  function printLine() {
    var body = document.querySelector('.doc__body');
    if (!body || !body.parentNode) return;
    var line = document.getElementById('trang:dong-in');
    if (!line) {
      line = document.createElement('p');
      line.id = 'trang:dong-in';
      line.className = 'print-meta';
      line.setAttribute('data-pagefind-ignore', 'all');
      body.parentNode.insertBefore(line, body.nextSibling);
    }
    var d = new Date();
    line.textContent = 'In từ ' + address() + ' ngày ' + two(d.getDate()) + '/' + two(d.getMonth() + 1) + '/' + d.getFullYear() + '.';
  }
  function unmark() {
    var marked = document.querySelectorAll('[data-print-path], [data-print-target]');
    for (var i = 0; i < marked.length; i++) {
      marked[i].removeAttribute('data-print-path');
      marked[i].removeAttribute('data-print-target');
    }
  }
  function mark() {
    unmark();
    var id = root.getAttribute('data-print-only');
    var body = document.querySelector('.doc__body');
    var target = id ? document.getElementById(id) : null;
    if (!body || !target || !body.contains(target) || target === body) return;
    target.setAttribute('data-print-target', '');
    for (var el = target.parentElement; el && el !== body.parentElement; el = el.parentElement) el.setAttribute('data-print-path', '');
  }
  window.addEventListener('beforeprint', function () {
    printLine();
    mark();
  });
  if (window.MutationObserver) new MutationObserver(mark).observe(root, { attributes: true, attributeFilter: ['data-print-only'] });
  mark();
})();
