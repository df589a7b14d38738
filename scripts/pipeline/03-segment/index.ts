/**
 * Segment: clean lines -> header, preamble, body, closing (closing lines,
 * recipients "Nơi nhận", signature block).
 *
 * Works from what every Vietnamese official document shares (docs/domain.md,
 * section 4; the zones as data: scripts/lib/format-rules/header-zones.ts), not
 * from any one file: the front ends at the preamble, the enacting word or the
 * body (front.ts; a rule line is decoration); "Căn cứ"/"Xét" lines form the
 * preamble up to "QUYẾT NGHỊ" (or the first article); annexes after the
 * signature are cut off first (annexes.ts); "Nơi nhận" and the signature
 * markers ("T/M", "BÍ THƯ", "CHỦ TỊCH", "(đã ký)") open the closing.
 */
import type { Line } from '../02-normalise/index.ts';
import { isZone } from '../../lib/format-rules/header-zones.ts';
import { findDisplacedHeader, findFront, hasHeaderZones, BODY_MARKER } from './front.ts';
import { firstAnnex, splitAnnexes, type Annex } from './annexes.ts';

export type { Annex } from './annexes.ts';

export interface Segmented {
  header: Line[];
  preamble: Line[];
  /** The "QUYẾT NGHỊ:" line of a state resolution, if any. */
  decision: Line | null;
  body: Line[];
  /** "Nghị quyết này được phổ biến ..." / entry-into-force lines. */
  closing: Line[];
  /** The "Nơi nhận:" line itself, then the recipients. */
  recipientsLabel: Line | null;
  recipients: Line[];
  signature: Line[];
  /**
   * Parts after the signature (Phụ lục, a regulation "ban hành kèm theo"):
   * each with its title lines and its own lines, structured on their own.
   */
  annexes: Annex[];
  /** Pieces cut off merged two-column lines, for the quality report. */
  splits: Array<{ sourceLine: number; text: string; moved: string; dropped: string }>;
  /** A first-page header found inside the body and moved to the header (source lines). */
  displacedHeader: number[];
}

export const PREAMBLE_START = /^(?:Căn cứ|Xét)(?!\p{L})/u;
const RECIPIENTS = /^N[ơo]i\s+nh[ậâa]n\s*:?/i;
/** "T/M BAN CHẤP HÀNH", "TM. ỦY BAN", "KT. CHỦ TỊCH", "T/M TỈNH ỦY". */
const CAPACITY = /(?:^|\s)((?:T\s*\/\s*M\s|TM\.|KT\.|Q\.|TUQ\.|TL\.)\s*\S.*)$/;
const SIGNER_TITLE = /^(?:PHÓ\s+)?(?:BÍ\s+THƯ|CHỦ\s+TỊCH|THƯ|TRƯỞNG\s+BAN|GIÁM\s+ĐỐC|THỦ\s+TƯỚNG|BỘ\s+TRƯỞNG|HIỆU\s+TRƯỞNG|CỤC\s+TRƯỞNG|VIỆN\s+TRƯỞNG|CHÁNH\s+VĂN\s+PHÒNG)$/;
const SIGNED = /^\((?:đã|Đã)\s+ký\)$/;
const CLOSING_LINE = /^(?:Nghị quyết|Chỉ thị|Quyết định|Kết luận|Chương trình|Kế hoạch|Quy định|Thông tư|Nghị định) này(?!\p{L})/u;

function isSignatureLine(raw: string): boolean {
  // A markdown copy may set the signature block as a quotation ("> **TM. ỦY BAN NHÂN DÂN").
  const text = raw.replace(/^>\s*/, '').replace(/^\*+/, '');
  return CAPACITY.test(text) && /^(?:T\s*\/\s*M|TM\.|KT\.|Q\.|TUQ\.|TL\.)/.test(text) || SIGNER_TITLE.test(text) || SIGNED.test(text);
}

/** A plausible personal name: 2-5 capitalised words, no digits or punctuation. */
export function looksLikeName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return (
    words.length >= 2 &&
    words.length <= 5 &&
    words.every((w) => /^\p{Lu}[\p{Ll}\p{M}]*$/u.test(w))
  );
}

/**
 * Split signature pieces merged into recipients lines by two-column OCR:
 * "Nơi nhân: ' ' T/M TÌNH ỦY", "- Ban Bí thư ..., THƯ", "... tỉnh, ^ Nguyên Xuân Ký".
 * Only where a signature marker makes the evidence clear.
 */
function splitMerged(
  lines: Line[],
  splits: Segmented['splits'],
): { recipients: Line[]; signature: Line[] } {
  const recipients: Line[] = [];
  const signature: Line[] = [];
  for (const line of lines) {
    let text = line.text;
    let moved: string | null = null;
    const cap = CAPACITY.exec(text);
    if (cap && cap.index > 0 && cap[1]) {
      moved = cap[1];
    } else {
      const title = /[,)]\s+((?:PHÓ\s+)?(?:BÍ\s+)?THƯ|CHỦ\s+TỊCH)$/.exec(text);
      const name = /\s\^\s+(.+)$/.exec(text);
      if (title && title[1]) moved = title[1];
      else if (name && name[1] && looksLikeName(name[1])) moved = name[1];
    }
    if (moved !== null) {
      const cut = text.lastIndexOf(moved);
      const kept = text.slice(0, cut).replace(/[\s'’‘^]+$/, '').trim();
      // Stray OCR marks between the columns ("' '", "^") are dropped, and said so.
      const dropped = text.slice(kept.length, cut).replace(/\s+/g, ' ').trim();
      text = kept;
      splits.push({ sourceLine: line.sourceLine, text: line.text, moved, dropped });
      signature.push({ ...line, text: moved });
    }
    if (text !== '') recipients.push({ ...line, text });
  }
  return { recipients, signature };
}

export function segment(lines: Line[], wrapWidth: number): Segmented {
  const splits: Segmented['splits'] = [];
  const { end, skip } = findFront(lines, wrapWidth);
  const header = lines.slice(0, end);
  let rest = lines.slice(end + skip);

  // Annexes after the signature (or after the closing, when the signature table was lost).
  let annexes: Annex[] = [];
  const annexAt = firstAnnex(rest, firstClosingMark(rest));
  if (annexAt >= 0) {
    const split = splitAnnexes(rest, annexAt);
    rest = split.kept;
    annexes = split.annexes;
  }

  // Preamble: "Căn cứ ..." / "Xét ..." up to the enacting word ("QUYẾT NGHỊ:"), or,
  // when the text has none, up to the first article or part.
  let preamble: Line[] = [];
  let decision: Line | null = null;
  const preambleAt = rest.findIndex((l) => PREAMBLE_START.test(l.text));
  if (preambleAt >= 0 && preambleAt < 3) {
    const decisionAt = rest.findIndex((l, i) => i > preambleAt && isZone('decision', l.text));
    const bodyAt = rest.findIndex((l, i) => i > preambleAt && BODY_MARKER.test(l.text));
    if (decisionAt > 0 && (bodyAt < 0 || decisionAt < bodyAt)) {
      preamble = rest.slice(0, decisionAt);
      decision = rest[decisionAt] ?? null;
      rest = rest.slice(decisionAt + 1);
    } else if (bodyAt > 0) {
      preamble = rest.slice(0, bodyAt);
      rest = rest.slice(bodyAt);
    }
  }

  // Closing: from "Nơi nhận", else from a trailing signature block.
  let recipientsLabel: Line | null = null;
  let recipients: Line[] = [];
  let signature: Line[] = [];
  let bodyEnd = rest.length;
  const recAt = rest.findIndex((l) => RECIPIENTS.test(l.text));
  if (recAt >= 0) {
    bodyEnd = recAt;
    const label = rest[recAt] as Line;
    const labelText = (RECIPIENTS.exec(label.text) as RegExpExecArray)[0];
    const after = label.text.slice(labelText.length).trim();
    recipientsLabel = { ...label, text: labelText.trim() };
    const tail = rest.slice(recAt + 1);
    if (after !== '') tail.unshift({ ...label, text: after });
    // Signature lines after the list (one-column layout) start at the first
    // signature marker that is not a recipients item.
    const sigAt = tail.findIndex((l) => !l.text.startsWith('-') && isSignatureLine(l.text));
    const listPart = sigAt >= 0 ? tail.slice(0, sigAt) : tail;
    const split = splitMerged(listPart, splits);
    recipients = split.recipients;
    signature = [...split.signature, ...(sigAt >= 0 ? tail.slice(sigAt) : [])];
    // A signature block printed before "Nơi nhận" (two columns read right column first).
    const sigBefore = findTrailingSignature(rest.slice(0, recAt));
    if (sigBefore >= 0) {
      signature = [...rest.slice(sigBefore, recAt), ...signature];
      bodyEnd = sigBefore;
    }
  } else {
    const sigAt = findTrailingSignature(rest);
    if (sigAt >= 0) {
      bodyEnd = sigAt;
      signature = rest.slice(sigAt);
    }
  }
  let body = rest.slice(0, bodyEnd);

  // The lost signature table of a web copy: placeholders after the last text line.
  const trailingGaps: Line[] = [];
  while (body.length > 0 && (body[body.length - 1] as Line).gap) trailingGaps.unshift(body.pop() as Line);

  // Closing lines ("Nghị quyết này ...") directly before the closing zone.
  // A wrapped closing sentence spans lines, so look a few lines back for its start.
  let closingStart = body.length;
  for (let i = body.length - 1; i >= Math.max(0, body.length - 4); i--) {
    if (CLOSING_LINE.test((body[i] as Line).text)) closingStart = i;
  }
  const closing = [...body.slice(closingStart), ...trailingGaps];
  body = body.slice(0, closingStart);

  // A first-page header printed inside the body: moved to the header, and said so.
  const displacedHeader: number[] = [];
  let fullHeader = header;
  if (!hasHeaderZones(header)) {
    const block = findDisplacedHeader(body);
    if (block) {
      const moved = body.slice(block.from, block.to + 1);
      displacedHeader.push(...moved.map((l) => l.sourceLine));
      fullHeader = [...moved, ...header];
      body = [...body.slice(0, block.from), ...body.slice(block.to + 1)];
    }
  }

  return { header: fullHeader, preamble, decision, body, closing, recipientsLabel, recipients, signature, annexes, splits, displacedHeader };
}

/** Where a closing zone may begin: annexes are looked for after it (the signature, or the last closing sentence). */
function firstClosingMark(lines: Line[]): number {
  const rec = lines.findIndex((l) => RECIPIENTS.test(l.text));
  if (rec >= 0) return rec;
  for (let i = lines.length - 1; i >= 0; i--) if (CLOSING_LINE.test((lines[i] as Line).text) || isSignatureLine((lines[i] as Line).text)) return i;
  // No closing mark: only the strong evidence (title + "kèm theo") decides, after the first article.
  const firstArticle = lines.findIndex((l) => /^Điều\s+1\b/u.test(l.text));
  return firstArticle >= 0 ? firstArticle : 0;
}

/** A signature block within the last lines: the first signature marker among them. */
function findTrailingSignature(lines: Line[]): number {
  const from = Math.max(0, lines.length - 8);
  for (let i = from; i < lines.length; i++) if (isSignatureLine((lines[i] as Line).text)) return i;
  return -1;
}
