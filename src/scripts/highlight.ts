/**
 * Marks the words of the query a reader came with from a search result
 * (`?tu-khoa=`, src/scripts/highlight-param.ts) in the document's text
 * (ADR 1101). The same whole-word matching as the results' excerpts
 * (search-subresults.ts matchLevel: any spelling of đ, tones folded unless
 * typed): where the query occurs as a phrase, only the phrase is marked;
 * otherwise each of its words. The query is text from the address: it is
 * only ever compared and shown as text.
 */
import { planQuery, type QueryToken } from './search-query';
import { matchLevel } from './search-subresults';
import { highlightQuery, HIGHLIGHT_PARAM } from './highlight-param';

interface WordAt {
  node: Text;
  start: number;
  end: number;
  word: string;
}

/** Text outside the document's words: tools, scripts, the status notes added by the site. */
const SKIP = 'script, style, button, mark, .prov-tools, [data-pagefind-ignore], .visually-hidden';

function wordsOf(root: Element): WordAt[] {
  const out: WordAt[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    for (const m of n.data.matchAll(/\S+/g)) out.push({ node: n, start: m.index, end: m.index + m[0].length, word: m[0] });
  }
  return out;
}

/** Indexes of the words to mark: the phrase's occurrences, or failing any, every query word; and how many places that is. */
export function wordsToMark(words: string[], tokens: QueryToken[]): { indexes: number[]; places: number } {
  const hit = words.map((w) => tokens.map((t) => matchLevel(w, t) > 0));
  if (tokens.length > 1) {
    const marked: number[] = [];
    let places = 0;
    for (let i = 0; i + tokens.length <= words.length; i++) {
      if (!tokens.every((_, j) => hit[i + j]![j])) continue;
      places++;
      for (let j = 0; j < tokens.length; j++) marked.push(i + j);
      i += tokens.length - 1;
    }
    if (places > 0) return { indexes: marked, places };
  }
  const indexes = hit.flatMap((h, i) => (h.some(Boolean) ? [i] : []));
  return { indexes, places: indexes.length };
}

/** Wrap the chosen words in <mark>, node by node from the end so offsets stay right. */
function wrap(chosen: WordAt[]): HTMLElement[] {
  const marks: HTMLElement[] = [];
  const byNode = new Map<Text, WordAt[]>();
  for (const w of chosen) byNode.set(w.node, [...(byNode.get(w.node) ?? []), w]);
  for (const [node, list] of byNode) {
    for (const w of list.sort((a, b) => b.start - a.start)) {
      const tail = node.splitText(w.start);
      tail.splitText(w.end - w.start);
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      tail.replaceWith(mark);
      mark.append(tail);
      marks.unshift(mark);
    }
  }
  return marks;
}

export function startHighlight(): void {
  const query = highlightQuery(location.search);
  const article = document.querySelector('article.doc');
  if (!query || !article) return;
  const plan = planQuery(query);
  if (plan.tokens.length === 0) return;
  const words = wordsOf(article);
  const { indexes, places } = wordsToMark(words.map((w) => w.word), plan.tokens);
  const marks = wrap(indexes.map((i) => words[i]!)).sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));

  const notice = document.createElement('p');
  notice.className = 'search-hit-notice';
  notice.setAttribute('role', 'status');
  const clear = document.createElement('button');
  clear.type = 'button';
  clear.textContent = 'Bỏ đánh dấu';
  clear.addEventListener('click', () => {
    for (const m of document.querySelectorAll('mark.search-hit')) m.replaceWith(...m.childNodes);
    article.normalize();
    notice.remove();
    const url = new URL(location.href);
    url.searchParams.delete(HIGHLIGHT_PARAM);
    history.replaceState(history.state, '', url);
  });
  notice.append(
    places > 0 ? `Đã đánh dấu ${places} chỗ có «${query}» trong văn bản. ` : `Không thấy «${query}» trong lời văn của văn bản này. `,
    clear,
  );
  article.prepend(notice);
  // At a provision (#fragment) the browser scrolls there; otherwise bring the first mark into view.
  if (!location.hash && marks[0]) marks[0].scrollIntoView({ block: 'center' });
}
