/**
 * Each provision's small toolbar (a "#" permalink where the provision has no
 * numbering label, and the "Trích dẫn" cite button) is attached in the browser
 * by src/scripts/cite.js, not repeated in the HTML per provision (issue 12:
 * pages no heavier than their text). Which elements get one is this module's
 * rule (`TOOL_SELECTOR`, the same as `toolIds` at build time): provision
 * sections (`section[data-provision]`) and the fixed blocks `dau-van-ban`,
 * `chu-thich`. The provision part of each citation comes from
 * scripts/lib/citation-text.ts `provisionPart`, the one place citations are
 * worded, which the browser script imports too; the page carries only the
 * parts that need the outline (a provision without a number is named by its
 * heading, "phần “QUYẾT NGHỊ”"), in one data block:
 *
 *   <script type="application/json" id="trang:muc-trich-dan">[["quyet-nghi","phần “QUYẾT NGHỊ”"]]</script>
 *
 * The script builds, as the first child of each such element:
 *
 *   <span class="prov-tools">
 *     <a class="permalink" href="#can-cu" aria-label="Liên kết đến phần căn cứ ban hành"></a>   (only when the provision has no numbering label)
 *     <button type="button" class="cite" data-cite="can-cu" data-part="phần căn cứ ban hành" aria-label="Trích dẫn phần căn cứ ban hành"></button>
 *   </span>
 *
 * The visible glyphs come from CSS, so the toolbar adds no text to the
 * document. Without JavaScript a reader keeps the ids, the outline and the
 * numbering labels, which are links (docs/decisions/0501-citable-urls.md).
 *
 * Only our own markup is read (section/div opening tags of the converter's
 * emitter, docs/decisions/0004); the source text is never parsed here.
 */
import { attribute, hasAttribute } from './html-attributes';

/** An opening tag of a section or div, attribute-aware (a ">" inside a quoted value does not end it). */
const OPEN_TAG = /<(section|div)((?:\s+[A-Za-z_:][-A-Za-z0-9_:.]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*>/g;
const LINK_TAG = /<a((?:\s+[A-Za-z_:][-A-Za-z0-9_:.]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*>/g;

/** Blocks without data-provision that are still citable (docs/decisions/0002). */
export const FIXED_BLOCK_IDS = ['dau-van-ban', 'chu-thich'] as const;
const FIXED_BLOCKS = new Set<string>(FIXED_BLOCK_IDS);

/** The elements of a rendered body that get a toolbar, as a CSS selector (the browser's form of `toolIds`). */
export const TOOL_SELECTOR = ['section[data-provision][id]', ...FIXED_BLOCK_IDS.map((id) => `[id="${id}"]`)].join(', ');

/** The tooltip the converter puts on every numbering label (scripts/pipeline/08-emit); src/scripts/cite.js sets it again. */
export const LABEL_TITLE = 'Liên kết đến mục này';

/**
 * Drops `title="Liên kết đến mục này"` from the numbering labels
 * (`<a class="provision__label" href="#id" title="...">`): the same words on
 * every provision weigh on the page; the page's script puts the tooltip back.
 * Other attributes, other links and the text are untouched.
 */
export function dropLabelTitles(html: string): string {
  return html.replace(LINK_TAG, (tag: string, attrs: string) => {
    const cls = attribute(attrs ?? '', 'class') ?? '';
    if (!cls.split(/\s+/).includes('provision__label') || attribute(attrs ?? '', 'title') !== LABEL_TITLE) return tag;
    return tag.replace(/\stitle\s*=\s*(?:"Liên kết đến mục này"|'Liên kết đến mục này')/, '');
  });
}

export interface ToolsOptions {
  /** The provision part of a citation with the document's outline ("phần “QUYẾT NGHỊ”"), or null. */
  part(id: string): string | null;
  /** The same without the outline: what the browser computes itself (scripts/lib/citation-text.ts `provisionPart`). */
  partFromId(id: string): string | null;
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

/**
 * The page's data block: [id, part] for the provisions whose citation part
 * needs the outline (the browser derives the others from the id with the same
 * function), in document order; "" when a provision has no part at all
 * although the id alone would give one (never, with today's wording rule).
 */
export function outlineParts(html: string, options: ToolsOptions): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const id of toolIds(html)) {
    const part = options.part(id) ?? '';
    if (part !== (options.partFromId(id) ?? '')) out.push([id, part]);
  }
  return out;
}
