/**
 * What a DOCX paragraph inherits: bold and alignment from its style chain
 * (styles.xml: docDefaults, w:basedOn), and its list number from
 * numbering.xml. Only literal number formats are rendered (ADR 1503).
 */
import { attr, child, children, toggle, type XmlNode } from './docx-xml.ts';

interface StyleDef {
  basedOn: string | undefined;
  bold: boolean | undefined;
  caps: boolean | undefined;
  jc: string | undefined;
  numId: string | undefined;
  ilvl: number | undefined;
}

export interface Styles {
  /** Bold of a paragraph style (chain and defaults). */
  paragraphBold(styleId: string | undefined): boolean;
  /** Bold of a character style, or undefined when it says nothing. */
  runBold(styleId: string | undefined): boolean | undefined;
  runCaps(styleId: string | undefined): boolean | undefined;
  paragraphCaps(styleId: string | undefined): boolean;
  paragraphJc(styleId: string | undefined): string | undefined;
  paragraphNum(styleId: string | undefined): { numId: string | undefined; ilvl: number | undefined };
}

export function readStyles(root: XmlNode | undefined): Styles {
  const defs = new Map<string, StyleDef>();
  const stylesEl = child(root, 'w:styles');
  const defaults = child(child(child(stylesEl, 'w:docDefaults'), 'w:rPrDefault'), 'w:rPr');
  const defaultBold = toggle(defaults, 'w:b') ?? false;
  const defaultCaps = toggle(defaults, 'w:caps') ?? false;
  let defaultParagraph: string | undefined;
  for (const s of children(stylesEl, 'w:style')) {
    const id = attr(s, 'w:styleId');
    if (id === undefined) continue;
    if (attr(s, 'w:type') === 'paragraph' && /^(1|true|on)$/.test(attr(s, 'w:default') ?? '')) defaultParagraph = id;
    const pPr = child(s, 'w:pPr');
    const rPr = child(s, 'w:rPr');
    const numPr = child(pPr, 'w:numPr');
    const ilvl = attr(child(numPr, 'w:ilvl'), 'w:val');
    defs.set(id, {
      basedOn: attr(child(s, 'w:basedOn'), 'w:val'),
      bold: toggle(rPr, 'w:b'),
      caps: toggle(rPr, 'w:caps'),
      jc: attr(child(pPr, 'w:jc'), 'w:val'),
      numId: attr(child(numPr, 'w:numId'), 'w:val'),
      ilvl: ilvl === undefined ? undefined : Number(ilvl),
    });
  }
  // The first definer up the basedOn chain wins; a loop in the chain stops the walk.
  const lookup = <K extends keyof StyleDef>(id: string | undefined, key: K): StyleDef[K] | undefined => {
    const seen = new Set<string>();
    for (let cur = id; cur !== undefined && !seen.has(cur); ) {
      seen.add(cur);
      const d = defs.get(cur);
      if (!d) return undefined;
      if (d[key] !== undefined) return d[key];
      cur = d.basedOn;
    }
    return undefined;
  };
  const para = (id: string | undefined): string | undefined => id ?? defaultParagraph;
  return {
    paragraphBold: (id) => lookup(para(id), 'bold') ?? defaultBold,
    runBold: (id) => lookup(id, 'bold'),
    runCaps: (id) => lookup(id, 'caps'),
    paragraphCaps: (id) => lookup(para(id), 'caps') ?? defaultCaps,
    paragraphJc: (id) => lookup(para(id), 'jc'),
    paragraphNum: (id) => ({ numId: lookup(para(id), 'numId'), ilvl: lookup(para(id), 'ilvl') }),
  };
}

interface Level {
  format: string;
  text: string;
  start: number;
}

/**
 * List numbers as Word displays them: counters per list (w:num) and level,
 * deeper levels restarting when a shallower one advances. `next` returns the
 * label for a numbered paragraph: the rendered number, "-" for a bullet, or
 * null when the level's format is not a literal one this reader renders.
 */
export class Numbering {
  private readonly levels = new Map<string, Map<number, Level>>();
  private readonly counters = new Map<string, number[]>();

  constructor(root: XmlNode | undefined) {
    const numbering = child(root, 'w:numbering');
    const abstract = new Map<string, Map<number, Level>>();
    for (const a of children(numbering, 'w:abstractNum')) {
      const lv = new Map<number, Level>();
      for (const l of children(a, 'w:lvl')) lv.set(Number(attr(l, 'w:ilvl') ?? 0), levelOf(l));
      abstract.set(attr(a, 'w:abstractNumId') ?? '', lv);
    }
    for (const n of children(numbering, 'w:num')) {
      const base = abstract.get(attr(child(n, 'w:abstractNumId'), 'w:val') ?? '');
      if (!base) continue;
      const lv = new Map(base);
      for (const o of children(n, 'w:lvlOverride')) {
        const i = Number(attr(o, 'w:ilvl') ?? 0);
        const l = child(o, 'w:lvl');
        const start = attr(child(o, 'w:startOverride'), 'w:val');
        const cur = l ? levelOf(l) : lv.get(i);
        if (cur) lv.set(i, start === undefined ? cur : { ...cur, start: Number(start) });
      }
      this.levels.set(attr(n, 'w:numId') ?? '', lv);
    }
  }

  next(numId: string | undefined, ilvl: number | undefined): string | null {
    // numId 0 means "no numbering" (a style's list switched off for this paragraph).
    if (numId === undefined || numId === '0') return null;
    const lv = this.levels.get(numId);
    if (!lv) return null;
    const level = Math.max(0, Math.min(8, ilvl ?? 0));
    const def = lv.get(level);
    if (!def) return null;
    const counts = this.counters.get(numId) ?? [];
    counts[level] = counts[level] === undefined ? def.start : counts[level] + 1;
    counts.length = level + 1;
    this.counters.set(numId, counts);
    if (def.format === 'bullet') return '-';
    if (def.format === 'none') return null;
    let unrenderable = false;
    const label = def.text.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      const f = lv.get(k);
      const n = counts[k] ?? f?.start ?? 1;
      const s = f ? formatNumber(n, f.format) : null;
      if (s === null) unrenderable = true;
      return s ?? '';
    });
    return unrenderable || label.trim() === '' ? null : label.trim();
  }
}

function levelOf(l: XmlNode): Level {
  return {
    format: attr(child(l, 'w:numFmt'), 'w:val') ?? 'decimal',
    text: attr(child(l, 'w:lvlText'), 'w:val') ?? '',
    start: Number(attr(child(l, 'w:start'), 'w:val') ?? 1),
  };
}

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

function roman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) while (n >= v) (out += s), (n -= v);
  return out;
}

/** Word's letter lists: a..z, then aa..zz (the letter repeated). */
function letter(n: number): string {
  const i = (n - 1) % 26;
  return String.fromCharCode(97 + i).repeat(Math.floor((n - 1) / 26) + 1);
}

/** The literal formats; anything else (ordinals, Chinese counting, …) is not rendered. */
export function formatNumber(n: number, format: string): string | null {
  if (n < 1 && format !== 'decimal' && format !== 'decimalZero') return null;
  switch (format) {
    case 'decimal':
      return String(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letter(n).toUpperCase();
    case 'lowerLetter':
      return letter(n);
    default:
      return null;
  }
}
