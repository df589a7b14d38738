/**
 * Segment: clean lines -> header, preamble, body, closing (closing lines,
 * recipients "Nơi nhận", signature block).
 *
 * Works from what every Vietnamese resolution shares (DESIGN.md, "Structure"),
 * not from any one file: a separator line or the first body-like line ends the
 * header; "Căn cứ"/"Xét" lines form the preamble up to "QUYẾT NGHỊ"; "Nơi nhận"
 * and the signature markers ("T/M", "BÍ THƯ", "CHỦ TỊCH", "(đã ký)") open the closing.
 */
import type { Line } from '../02-normalise/index.ts';

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
}

export interface Annex {
  /** The title lines: "PHỤ LỤC I", "QUY CHẾ", and the name under them. */
  heading: Line[];
  lines: Line[];
}

const SEPARATOR = /^[-_=*]{3,}$/;
export const PREAMBLE_START = /^(?:Căn cứ|Xét)(?!\p{L})/u;
const DECISION = /^QUYẾT\s+NGHỊ\s*:?$/;
const RECIPIENTS = /^N[ơo]i\s+nh[ậâa]n\s*:?/i;
/** "T/M BAN CHẤP HÀNH", "TM. ỦY BAN", "KT. CHỦ TỊCH", "T/M TỈNH ỦY". */
const CAPACITY = /(?:^|\s)((?:T\s*\/\s*M|TM\.|KT\.|Q\.|TUQ\.)\s+\S.*)$/;
const SIGNER_TITLE = /^(?:PHÓ\s+)?(?:BÍ\s+THƯ|CHỦ\s+TỊCH|THƯ|TRƯỞNG\s+BAN|GIÁM\s+ĐỐC)$/;
const SIGNED = /^\((?:đã|Đã)\s+ký\)$/;
const BODY_MARKER = /^(?:[IVXLC]+\s*[-.]\s|\d+(?:\.\d+)*\s*[-.]\s|Điều\s+\d+)/;
const CLOSING_LINE = /^(?:Nghị quyết|Chỉ thị|Quyết định|Kết luận|Chương trình|Kế hoạch|Quy định) này(?!\p{L})/u;

function isHeaderLike(line: Line, wrapWidth: number): boolean {
  const t = line.text;
  if (BODY_MARKER.test(t) || PREAMBLE_START.test(t) || DECISION.test(t)) return false;
  const limit = Number.isFinite(wrapWidth) ? wrapWidth * 0.75 : 160;
  return t.length < limit;
}

/** Index of the first body line: after a separator near the top, else after the header-like run. */
function headerEnd(lines: Line[], wrapWidth: number): { end: number; skip: number } {
  const window = Math.min(lines.length, 30);
  for (let i = 0; i < window; i++) {
    const l = lines[i];
    if (l && SEPARATOR.test(l.text)) return { end: i, skip: 1 };
    if (l && !isHeaderLike(l, wrapWidth)) break;
  }
  let i = 0;
  while (i < window && lines[i] && isHeaderLike(lines[i] as Line, wrapWidth)) i++;
  return { end: i, skip: 0 };
}

function isSignatureLine(text: string): boolean {
  return CAPACITY.test(text) && /^(?:T\s*\/\s*M|TM\.|KT\.|Q\.|TUQ\.)/.test(text) || SIGNER_TITLE.test(text) || SIGNED.test(text);
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
  const { end, skip } = headerEnd(lines, wrapWidth);
  const header = lines.slice(0, end);
  let rest = lines.slice(end + skip);

  // Preamble: "Căn cứ ..." / "Xét ..." up to "QUYẾT NGHỊ:".
  let preamble: Line[] = [];
  let decision: Line | null = null;
  const decisionAt = rest.findIndex((l) => DECISION.test(l.text));
  if (rest[0] && PREAMBLE_START.test(rest[0].text) && decisionAt > 0) {
    preamble = rest.slice(0, decisionAt);
    decision = rest[decisionAt] ?? null;
    rest = rest.slice(decisionAt + 1);
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
  } else {
    // No recipients list: a signature block within the last lines.
    const from = Math.max(0, rest.length - 8);
    for (let i = from; i < rest.length; i++) {
      if (isSignatureLine((rest[i] as Line).text)) {
        bodyEnd = i;
        signature = rest.slice(i);
        break;
      }
    }
  }
  let body = rest.slice(0, bodyEnd);

  // Closing lines ("Nghị quyết này ...") directly before the closing zone.
  // A wrapped closing sentence spans lines, so look a few lines back for its start.
  let closingStart = body.length;
  for (let i = body.length - 1; i >= Math.max(0, body.length - 4); i--) {
    if (CLOSING_LINE.test((body[i] as Line).text)) closingStart = i;
  }
  const closing = body.slice(closingStart);
  body = body.slice(0, closingStart);

  return { header, preamble, decision, body, closing, recipientsLabel, recipients, signature, annexes: [], splits };
}
