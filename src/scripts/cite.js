/*
 * "Trích dẫn" buttons on a document page, loaded once for the whole site as a
 * module (the USB edition turns it into a classic script, ADR 0701). The
 * wording is scripts/lib/citation-text.ts's: the page carries the document
 * part (data-cite-base) and its address (data-cite-url); each provision's part
 * is `provisionPart(id)`, the same function the build uses, or, when the part
 * needs the outline, read from the page's data block #trang:muc-trich-dan
 * (src/lib/provision-tools.ts). This script attaches each provision's toolbar
 * (a "#" permalink where there is no numbering label, and the cite button) and
 * joins the parts with joinCitation() (scripts/lib/citation-text.ts): non-empty
 * parts, comma-separated. A provision's box also offers "In mục này": print.css
 * prints only the element whose id is in html[data-print-only]. Escape closes
 * the box wherever the focus is.
 * See docs/decisions/0501-citable-urls.md and 1404-accessibility.md.
 */
import { joinCitation, provisionPart } from '../../scripts/lib/citation-text.ts';
import { LABEL_TITLE, TOOL_SELECTOR } from '../lib/provision-tools';

(function () {
  var root = document.querySelector('[data-cite-base]');
  if (!root) return;
  var base = root.getAttribute('data-cite-base') || '';
  var url = root.getAttribute('data-cite-url') || '';
  // No public site configured: the page carries its path; over http(s) the reader's own address is the best full URL.
  if (url.charAt(0) === '/' && /^https?:$/.test(location.protocol)) url = location.origin + url;

  function citation(id, part) {
    return joinCitation(base, part, id ? url + '#' + id : url);
  }

  var shown = document.querySelectorAll('[data-cite-doc]');
  for (var s = 0; s < shown.length; s++) shown[s].textContent = citation('', '');

  attachTools();

  var buttons = document.querySelectorAll('button[data-cite]');
  for (var b = 0; b < buttons.length; b++) {
    var button = buttons[b];
    var id = button.getAttribute('data-cite');
    if (id) {
      var name = 'Trích dẫn ' + (button.getAttribute('data-part') || '#' + id);
      button.setAttribute('aria-label', name);
      button.title = name;
    }
    button.hidden = false;
  }

  // Each provision's toolbar, first child of the provision; numbering labels get their tooltip back.
  function attachTools() {
    var body = document.querySelector('.doc__body');
    if (!body) return;
    var fromOutline = {};
    var list = document.getElementById('trang:muc-trich-dan');
    if (list) {
      try {
        var pairs = JSON.parse(list.textContent || '[]');
        for (var p = 0; p < pairs.length; p++) fromOutline[pairs[p][0]] = pairs[p][1];
      } catch (e) {
        // A broken data block: parts from the ids alone.
      }
    }
    var labelled = {};
    var labels = body.querySelectorAll('a.provision__label');
    for (var l = 0; l < labels.length; l++) {
      var href = labels[l].getAttribute('href') || '';
      if (href.charAt(0) === '#') labelled[href.slice(1)] = true;
      if (!labels[l].title) labels[l].title = LABEL_TITLE;
    }
    var targets = body.querySelectorAll(TOOL_SELECTOR);
    for (var t = 0; t < targets.length; t++) {
      var target = targets[t];
      var id = target.id;
      var part = Object.prototype.hasOwnProperty.call(fromOutline, id) ? fromOutline[id] : provisionPart(id) || '';
      var bar = document.createElement('span');
      bar.className = 'prov-tools';
      if (!Object.prototype.hasOwnProperty.call(labelled, id)) {
        var link = document.createElement('a');
        link.className = 'permalink';
        link.setAttribute('href', '#' + id);
        link.setAttribute('aria-label', 'Liên kết đến ' + (part || '#' + id));
        bar.appendChild(link);
      }
      var cite = document.createElement('button');
      cite.type = 'button';
      cite.className = 'cite';
      cite.setAttribute('data-cite', id);
      cite.setAttribute('data-part', part);
      bar.appendChild(cite);
      target.insertBefore(bar, target.firstChild);
    }
  }

  var pop, message, box, opener, printItem;

  function closePop() {
    if (!pop || !pop.parentNode) return;
    pop.parentNode.removeChild(pop);
    if (opener) opener.focus();
  }

  function clearPrintOnly() {
    delete document.documentElement.dataset.printOnly;
  }

  function printProvision() {
    var id = opener && opener.getAttribute('data-cite');
    if (!id) return;
    document.documentElement.dataset.printOnly = id;
    window.addEventListener('afterprint', clearPrintOnly);
    window.print();
  }

  function place(button) {
    if (!pop) {
      pop = document.createElement('div');
      pop.className = 'cite-pop';
      pop.setAttribute('data-pagefind-ignore', 'all');
      message = document.createElement('p');
      message.className = 'cite-pop__msg';
      message.setAttribute('role', 'status');
      box = document.createElement('textarea');
      box.className = 'cite-pop__text';
      box.readOnly = true;
      box.rows = 4;
      box.setAttribute('aria-label', 'Nội dung trích dẫn');
      var close = document.createElement('button');
      close.type = 'button';
      close.className = 'cite-pop__close';
      close.textContent = 'Đóng';
      close.onclick = closePop;
      printItem = document.createElement('button');
      printItem.type = 'button';
      printItem.className = 'cite-pop__print';
      printItem.textContent = 'In mục này';
      printItem.onclick = printProvision;
      var actions = document.createElement('div');
      actions.className = 'cite-pop__actions';
      actions.appendChild(printItem);
      actions.appendChild(close);
      pop.appendChild(message);
      pop.appendChild(box);
      pop.appendChild(actions);
      // On the document, not the box: after a copy the focus stays on the button that opened it.
      document.addEventListener('keydown', function (event) {
        if ((event.key === 'Escape' || event.key === 'Esc') && pop.parentNode) closePop();
      });
    }
    opener = button;
    // Printing one provision needs a provision: the document's own button prints nothing alone.
    printItem.hidden = !button.getAttribute('data-cite');
    // Right after the provision's toolbar (or the document's button), so it shows where the reader is.
    var anchor = button.parentNode && button.parentNode.className === 'prov-tools' ? button.parentNode : button;
    anchor.parentNode.insertBefore(pop, anchor.nextSibling);
  }

  function report(ok) {
    pop.className = 'cite-pop ' + (ok ? 'cite-pop--ok' : 'cite-pop--fail');
    message.textContent = ok
      ? 'Đã sao chép trích dẫn:'
      : 'Không sao chép tự động được. Trích dẫn đã được chọn sẵn bên dưới: nhấn Ctrl+C để sao chép (trên điện thoại: chạm giữ rồi chọn Sao chép).';
    if (!ok) {
      box.focus();
      box.select();
    }
  }

  function legacyCopy() {
    box.focus();
    box.select();
    var ok = false;
    try {
      ok = document.execCommand('copy');
    } catch (e) {
      ok = false;
    }
    if (ok && opener) opener.focus();
    report(ok);
  }

  function copy(text, button) {
    place(button);
    box.value = text;
    message.textContent = '';
    if (navigator.clipboard && navigator.clipboard.writeText && window.isSecureContext !== false) {
      navigator.clipboard.writeText(text).then(function () {
        report(true);
      }, legacyCopy);
    } else {
      legacyCopy();
    }
  }

  document.addEventListener('click', function (event) {
    var el = event.target;
    while (el && el !== document && !(el.tagName === 'BUTTON' && el.hasAttribute('data-cite'))) el = el.parentNode;
    if (!el || el === document) return;
    copy(citation(el.getAttribute('data-cite'), el.getAttribute('data-part')), el);
  });
})();
