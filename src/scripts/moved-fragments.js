/*
 * Old fragments of this document (content/aliases.yaml, "fragments:"): when the
 * address names a provision id that was renumbered, move to the new id and say
 * so. Inlined as a classic script (works from file://). The mapping and the
 * notice texts are built at build time (scripts/lib/citation-text.ts).
 * See docs/decisions/0501-citable-urls.md.
 */
(function () {
  var data = document.getElementById('trang:muc-da-doi');
  if (!data) return;
  var map = JSON.parse(data.textContent || '{}');
  function follow() {
    var old;
    try {
      old = decodeURIComponent(location.hash.slice(1));
    } catch (e) {
      return;
    }
    var entry = Object.prototype.hasOwnProperty.call(map, old) ? map[old] : null;
    if (!entry || document.getElementById(old)) return;
    var target = document.getElementById(entry[0]);
    if (!target) return;
    var note = document.getElementById('trang:muc-da-doi-thong-bao');
    if (!note) {
      note = document.createElement('p');
      note.id = 'trang:muc-da-doi-thong-bao';
      note.className = 'notice moved-notice';
      note.setAttribute('role', 'status');
      note.setAttribute('data-pagefind-ignore', 'all');
    }
    note.textContent = entry[1];
    var host = target;
    while (host && host.tagName !== 'SECTION' && host.tagName !== 'ARTICLE') host = host.parentNode;
    host = host || target;
    host.insertBefore(note, host.firstChild);
    location.replace('#' + entry[0]);
  }
  follow();
  window.addEventListener('hashchange', follow);
})();
