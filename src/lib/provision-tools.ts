/**
 * A build-time transform of a document's rendered body (the converter's MDX,
 * rendered by Astro): each provision gets a small toolbar as its first child:
 *
 *   <span class="prov-tools">
 *     <a class="permalink" href="#can-cu" aria-label="Liên kết đến phần căn cứ ban hành"></a>   (only when the provision has no numbering label)
 *     <button type="button" class="cite" data-cite="can-cu" data-part="phần căn cứ ban hành" hidden></button>
 *   </span>
 *
 * The numbering label ("3-", "Điều 1.") is already the permalink of a numbered
 * provision; unnumbered ones (can-cu, quyet-nghi, noi-nhan...) get the `#` link.
 * The visible glyphs come from CSS, so the toolbar adds no text to the document
 * (selection, copy and search see the source text only; there is nothing for
 * Pagefind to index in it). The cite button is
 * hidden until the page's script can copy (docs/decisions/0501-citable-urls.md).
 *
 * Only our own markup is read (section/div opening tags of the converter's
 * emitter, docs/decisions/0004); the source text is never parsed here.
 */

/** An opening tag of a section or div, attribute-aware (a ">" inside a quoted value does not end it). */
const OPEN_TAG = /<(section|div)((?:\s+[A-Za-z_:][-A-Za-z0-9_:.]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*>/g;
const LINK_TAG = /<a((?:\s+[A-Za-z_:][-A-Za-z0-9_:.]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*>/g;

/** Blocks without data-provision that are still citable (docs/decisions/0002). */
const FIXED_BLOCKS = new Set(['dau-van-ban', 'chu-thich']);

function decodeAttr(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attribute(attrs: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'=<>\`]+))`).exec(attrs);
  if (!m) return null;
  return decodeAttr(m[1] ?? m[2] ?? m[3] ?? '');
}

function hasAttribute(attrs: string, name: string): boolean {
  return new RegExp(`\\s${name}(?=[\\s=]|$)`).test(attrs);
}

/** Fragment ids that already have a numbering-label permalink (`<a class="provision__label" href="#id">`). */
export function labelledIds(html: string): Set<string> {
  const ids = new Set<string>();
  for (const m of html.matchAll(LINK_TAG)) {
    const attrs = m[1] ?? '';
    const cls = attribute(attrs, 'class') ?? '';
    const target = attribute(attrs, 'href') ?? '';
    if (cls.split(/\s+/).includes('provision__label') && target.startsWith('#')) ids.add(target.slice(1));
  }
  return ids;
}

export interface ToolsOptions {
  /** The provision part of a citation ("mục II.3"), or null (see scripts/lib/citation-text.ts). */
  part(id: string): string | null;
}

/** The ids that get a toolbar, in document order (for tests and the register's cross-check). */
export function toolIds(html: string): string[] {
  const ids: string[] = [];
  for (const m of html.matchAll(OPEN_TAG)) {
    const id = toolId(m[1]!, m[2] ?? '');
    if (id) ids.push(id);
  }
  return ids;
}

function toolId(tag: string, attrs: string): string | null {
  const id = attribute(attrs, 'id');
  if (!id) return null;
  if (tag === 'section' && hasAttribute(attrs, 'data-provision')) return id;
  return FIXED_BLOCKS.has(id) ? id : null;
}

export function addProvisionTools(html: string, options: ToolsOptions): string {
  const labelled = labelledIds(html);
  return html.replace(OPEN_TAG, (tag: string, name: string, attrs: string) => {
    const id = toolId(name, attrs ?? '');
    if (!id) return tag;
    const part = options.part(id);
    const label = part ?? `#${id}`;
    const link = labelled.has(id) ? '' : `<a class="permalink" href="#${escapeAttr(id)}" aria-label="${escapeAttr(`Liên kết đến ${label}`)}"></a>`;
    const cite = `<button type="button" class="cite" data-cite="${escapeAttr(id)}" data-part="${escapeAttr(part ?? '')}" hidden></button>`;
    return `${tag}<span class="prov-tools">${link}${cite}</span>`;
  });
}
