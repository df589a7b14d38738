/**
 * Reading aids on the document page (ADR 1401), all optional: without this
 * script the page still has its table of contents (a link from the reading
 * bar), the back-to-top link and every provision's own address.
 *
 * - The reading bar's "Mục lục" opens the page's own table of contents as a
 *   sheet above the bar on phones (no second copy of the outline).
 * - The section being read is marked in the table of contents
 *   (aria-current="location") and named in the bar.
 * - At a #fragment, the provision shows where it is ("Điều 1 › khoản 2") and
 *   links to the previous and next provision of the outline.
 * Names come from the page's own markup: each provision's kind (its class)
 * and its numbering label as written, so every numbering scheme is covered.
 */

const NARROW = '(max-width: 59.99rem)';

/** The word a bare label ("2.", "a)", "II.") is read with, by provision kind. */
const KIND_WORDS: Record<string, string> = {
  volume: 'Quyển',
  part: 'Phần',
  chapter: 'Chương',
  section: 'Mục',
  subsection: 'mục',
  division: 'Tiểu mục',
  subdivision: 'tiểu mục',
  annex: 'Phụ lục',
  article: 'Điều',
  clause: 'khoản',
  point: 'điểm',
};

function kindOf(element: Element): string | null {
  const m = /(?:^|\s)provision--([a-z]+)/.exec(element.className);
  return m ? m[1]! : null;
}

function short(text: string, max = 48): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
}

/** One level of a path: "Điều 1", "khoản 2", "điểm a", "Chương II", "chỉ tiêu (15)" or the heading's words. */
export function levelName(element: Element): string | null {
  const id = element.id;
  const target = /\.ct-(\d+)$/.exec(id);
  if (target) return `chỉ tiêu (${target[1]})`;
  const own = Array.from(element.querySelectorAll('a.provision__label')).find((a) => a.getAttribute('href') === `#${id}`);
  const label = own?.textContent?.replace(/\s+/g, ' ').trim().replace(/^\(/, '').replace(/[\s.:;,)\-–—]+$/u, '') ?? '';
  if (label) {
    // A label that carries its own word ("Điều 1", "Chương II", "Phụ lục 01") is read as written.
    if (/^\p{L}{2,}\s/u.test(label)) return label;
    const word = KIND_WORDS[kindOf(element) ?? ''];
    return word ? `${word} ${label}` : label;
  }
  const title = element.getAttribute('data-pagefind-title');
  return title ? short(title) : null;
}

/** The provisions that hold `element` (itself included), outermost first. */
function chain(element: Element, body: Element): Element[] {
  const out: Element[] = [];
  for (let at: Element | null = element; at && at !== body; at = at.parentElement) {
    if (at.id && (at.classList.contains('provision') || at.classList.contains('target'))) out.unshift(at);
  }
  return out;
}

export function pathOf(element: Element, body: Element): string[] {
  return chain(element, body)
    .map(levelName)
    .filter((name): name is string => typeof name === 'string' && name !== '');
}

function byId(id: string): HTMLElement | null {
  try {
    return document.getElementById(decodeURIComponent(id));
  } catch {
    return document.getElementById(id);
  }
}

export function startReading(): void {
  const found = document.querySelector('.doc__body');
  const bar = document.querySelector<HTMLElement>('.reading-bar');
  if (!found || !bar) return;
  const body: Element = found;
  const toc = document.querySelector<HTMLElement>('.toc');
  const tocDetails = toc?.querySelector('details') ?? null;
  const tocButton = bar.querySelector<HTMLAnchorElement>('.reading-bar__toc');
  const where = bar.querySelector<HTMLElement>('.reading-bar__where');
  const narrow = matchMedia(NARROW);

  // The outline, in order: fragment id -> its link in the table of contents.
  const links = new Map<string, HTMLAnchorElement>();
  for (const a of toc ? Array.from(toc.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) : []) {
    links.set(decodeURIComponent(a.getAttribute('href')!.slice(1)), a);
  }
  const order = Array.from(links.keys());

  // ---- The table of contents as a sheet above the bar (phones) ----
  function setSheet(open: boolean, restoreFocus = false): void {
    if (!toc || !tocDetails || !tocButton) return;
    toc.classList.toggle('toc--sheet', open);
    tocButton.setAttribute('aria-expanded', String(open));
    if (open) {
      tocDetails.open = true;
      const current = toc.querySelector<HTMLAnchorElement>('a[aria-current]') ?? toc.querySelector<HTMLAnchorElement>('a[href^="#"]');
      current?.scrollIntoView({ block: 'center' });
      current?.focus({ preventScroll: true });
    } else {
      if (narrow.matches) tocDetails.open = false;
      if (restoreFocus) tocButton.focus();
    }
  }
  if (tocButton && toc) {
    tocButton.setAttribute('role', 'button');
    tocButton.setAttribute('aria-expanded', 'false');
    tocButton.setAttribute('aria-controls', toc.id || (toc.id = 'trang:muc-luc-khung'));
    tocButton.addEventListener('click', (event) => {
      if (!narrow.matches) return; // wide screens: the side table of contents, the link just goes there
      event.preventDefault();
      setSheet(!toc.classList.contains('toc--sheet'));
    });
    // Following an entry closes the sheet; the link itself navigates.
    toc.addEventListener('click', (event) => {
      if ((event.target as Element).closest('a[href^="#"]') && toc.classList.contains('toc--sheet')) setSheet(false);
    });
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && toc.classList.contains('toc--sheet')) setSheet(false, true);
    });
    document.addEventListener('click', (event) => {
      const at = event.target as Element;
      if (toc.classList.contains('toc--sheet') && !toc.contains(at) && !tocButton.contains(at)) setSheet(false);
    });
  }

  // ---- The section being read ----
  let currentId: string | null = null;
  function markCurrent(id: string | null): void {
    if (id === currentId) return;
    if (currentId) links.get(currentId)?.removeAttribute('aria-current');
    currentId = id;
    const link = id ? links.get(id) : undefined;
    link?.setAttribute('aria-current', 'location');
    const element = id ? byId(id) : null;
    if (where) where.textContent = element ? pathOf(element, body).join(' › ') : '';
  }
  const watched = order.map((id) => byId(id)).filter((e): e is HTMLElement => e !== null && body.contains(e));
  const inBand = new Set<Element>();
  if ('IntersectionObserver' in window && watched.length > 0) {
    // A section counts while it crosses the top third of the screen; the last such in document order is the innermost.
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (entry.isIntersecting) inBand.add(entry.target);
          else inBand.delete(entry.target);
        }
        let last: Element | null = null;
        for (const element of watched) if (inBand.has(element)) last = element;
        if (last) markCurrent(last.id);
        else if (watched[0] && watched[0].getBoundingClientRect().top > 0) markCurrent(null);
      },
      { rootMargin: '0px 0px -66% 0px' },
    );
    for (const element of watched) observer.observe(element);
  }

  // ---- At a #fragment: the path and the previous/next provision ----
  function showHere(): void {
    document.querySelector('.reading-here')?.remove();
    const element = location.hash.length > 1 ? byId(location.hash.slice(1)) : null;
    if (!element || !body.contains(element)) return;
    const provision = element.closest('.provision');
    if (!provision) return;
    const path = pathOf(element, body);
    // The nearest provision of the outline, for previous/next.
    let index = -1;
    for (let at: Element | null = element; at && at !== body && index < 0; at = at.parentElement) {
      if (at.id) index = order.indexOf(at.id);
    }
    const box = document.createElement('div');
    box.className = 'reading-here';
    box.setAttribute('data-pagefind-ignore', 'all');
    if (path.length > 0) {
      const line = document.createElement('p');
      line.className = 'reading-here__path';
      line.textContent = path.join(' › ');
      box.append(line);
    }
    const step = (to: string | undefined, text: string, rel: string): void => {
      if (to === undefined) return;
      const a = document.createElement('a');
      a.href = `#${to}`;
      a.rel = rel;
      a.className = `reading-here__${rel}`;
      a.textContent = text;
      const target = byId(to);
      if (target) a.title = pathOf(target, body).join(' › ');
      box.append(a);
    };
    if (index >= 0) {
      step(order[index - 1], '← Mục trước', 'prev');
      step(order[index + 1], 'Mục sau →', 'next');
    }
    if (box.childElementCount === 0) return;
    provision.prepend(box);
    // Scroll anchoring would keep the heading in place and push the new line above the screen: bring the target back, as the fragment did.
    element.scrollIntoView({ block: 'start' });
  }
  showHere();
  addEventListener('hashchange', showHere);
}
