/** Text edits for the USB transform (pages, inline scripts). */

/**
 * Splice edits (ranges of the original text, none overlapping; an insertion
 * has from === to and goes before a replacement at the same place) in one
 * pass: a page of the quality report can be megabytes with tens of thousands
 * of links.
 */
export function applyEdits(text: string, edits: ReadonlyArray<{ from: number; to: number; text: string }>): string {
  const sorted = [...edits].sort((a, b) => a.from - b.from || a.to - b.to);
  const parts: string[] = [];
  let at = 0;
  for (const edit of sorted) {
    if (edit.from < at) throw new Error(`overlapping edits at ${edit.from}`);
    parts.push(text.slice(at, edit.from), edit.text);
    at = edit.to;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
