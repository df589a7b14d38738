/**
 * Reading one sentence: which verb governs which citation (rules.ts holds the
 * words). The first citation of a sentence takes the verb before it when
 * nothing stands between them but the verb's object; a later citation takes
 * the earlier one's relation only when coordinated with it ("..., và Nghị
 * quyết số ..."); a verb that comes after a citation describes that cited
 * document ("Nghị quyết số ... về việc bãi bỏ ...") and decides nothing.
 */
import type { Relation } from '../../../lib/model.ts';
import {
  CHANGE_VERBS,
  IMPLEMENT_VERB,
  NOT_LIVE_BEFORE_VERB,
  OBJECT_BREAKERS,
  OBJECT_MAX,
  PARTIAL_WORDS,
  PHRASE_OBJECT,
  SENTENCE_SHIELDS,
  THIS_DOCUMENT,
  VERB_GROUP,
  WHOLE_OBJECT,
  ANNEXED_OBJECT,
  type ChangeType,
} from './rules.ts';
import { namedProvisions } from './provisions.ts';

/** A verb that governs what follows it: its type and where its object starts. */
export interface LiveVerb {
  type: ChangeType | 'implements';
  /** The verb as written ("Sửa đổi, bổ sung"). */
  words: string;
  /** Offset in the text read where the object begins (right after the verb). */
  objectStart: number;
}

function groupType(words: string): ChangeType | null {
  const found = new Set<string>();
  for (const v of CHANGE_VERBS) if (new RegExp(v.words.replace(' ', '\\s+'), 'iu').test(words)) found.add(v.type);
  found.delete('helper');
  if (found.size === 0) return null;
  // Several verbs at once ("Thay thế, sửa đổi, bổ sung, bãi bỏ một số điều") change parts: an amendment.
  if (found.size > 1) return 'amends';
  return [...found][0] as ChangeType;
}

/**
 * The last verb in `text` (the words before a citation, or a list's
 * announcement), when it is this document's act: not passive, proposed or
 * conditional (rules.ts: NOT_LIVE_BEFORE_VERB, SENTENCE_SHIELDS); an
 * implementing verb only with "<type> này" as subject or at the start of a title.
 */
export function liveVerb(text: string, opts: { titleStart?: boolean } = {}): LiveVerb | null {
  let last: LiveVerb | null = null;
  let lastAt = -1;
  for (const m of text.matchAll(VERB_GROUP)) {
    const type = groupType(m[0]);
    if (type) {
      last = { type, words: m[0], objectStart: m.index + m[0].length };
      lastAt = m.index;
    }
  }
  for (const m of text.matchAll(IMPLEMENT_VERB)) {
    if (m.index > lastAt) {
      const before = text.slice(0, m.index);
      const subject = THIS_DOCUMENT.test(before) || (opts.titleStart === true && /^\s*(?:về\s+việc\s+|về\s+)?$/iu.test(before));
      if (!subject) {
        // An implementing verb after the change verb starts a description: the change verb is no longer next to the object.
        last = null;
        lastAt = m.index;
        continue;
      }
      last = { type: 'implements', words: m[0], objectStart: m.index + m[0].length };
      lastAt = m.index;
    }
  }
  if (!last) return null;
  const before = text.slice(0, lastAt);
  if (NOT_LIVE_BEFORE_VERB.test(before) || SENTENCE_SHIELDS.test(before)) return null;
  if (opts.titleStart === true && !/^\s*(?:về\s+việc\s+|về\s+)?$/iu.test(before)) return null;
  return last;
}

const TRAILING_LINKS = /\s*(?:(?:được\s+)?(?:quy\s+định\s+)?(?:(?:ban\s+hành\s+)?kèm\s+theo|tại)|của|,)\s*$/iu;

/** The relation a verb gives a citation whose object (the words between them, and the span's own "Điều 1 của") is `object`. */
export function relationOf(verb: { type: Relation['type']; words: string }, object: string): Relation | null {
  if (object.length > OBJECT_MAX || OBJECT_BREAKERS.test(object)) return null;
  let type = verb.type;
  if ((type === 'replaces' || type === 'repeals') && PHRASE_OBJECT.test(object)) type = 'amends';
  let core = object.trim();
  for (let prev = ''; prev !== core; ) {
    prev = core;
    core = core.replace(TRAILING_LINKS, '').trim();
  }
  const provisions = type === 'basis' || type === 'implements' ? namedProvisions(object, ANNEXED_OBJECT.test(object)).filter((p) => p.id !== null) : namedProvisions(object, ANNEXED_OBJECT.test(object));
  const partial = type !== 'basis' && type !== 'implements' && core !== '' && (!WHOLE_OBJECT.test(core) || PARTIAL_WORDS.test(core));
  const evidence = `${verb.words}${core && (partial || provisions.length > 0) ? ` ${core}` : ''}`.replace(/\s+/gu, ' ').trim();
  return { type, provisions, partial, evidence: evidence.length > 140 ? `${evidence.slice(0, 140).replace(/\s+\S*$/u, '')} …` : evidence };
}

const REF_WORDS = '(?:điểm|khoản|điều|mục|tiết|phụ\\s+lục|chương|phần)\\s+(?:số\\s+)?[\\p{L}\\d.]{1,6}';
/** What may stand between a conjunction and a coordinated citation: provisions and the link to the document. */
const COORD_TAIL = new RegExp(
  `^\\s*(?:các\\s+)?(?:${REF_WORDS}(?:\\s*,?\\s*(?:và\\s+)?${REF_WORDS})*)?\\s*(?:(?:của\\s+)?(?:Quy\\s+định|Quy\\s+chế)(?:\\s+ban\\s+hành)?\\s+kèm\\s+theo|(?:ban\\s+hành\\s+)?kèm\\s+theo|tại|của)?\\s*$`,
  'iu',
);
const CONJUNCTION = /,|(?<!\p{L})(?:và|hoặc)(?!\p{L})/gu;

/**
 * A later citation of the sentence: coordinated with the one before when
 * the gap between them holds no verb and ends in "," or "và" (and maybe its
 * object: "và Mục IV Quy định ban hành kèm theo"). Returns the object, or null.
 */
export function coordinatedObject(gap: string): string | null {
  VERB_GROUP.lastIndex = 0;
  if ([...gap.matchAll(VERB_GROUP)].some((m) => groupType(m[0]) !== null)) return null;
  if ([...gap.matchAll(IMPLEMENT_VERB)].length > 0) return null;
  let best: string | null = null;
  for (const m of gap.matchAll(CONJUNCTION)) {
    const tail = gap.slice(m.index + m[0].length);
    if (COORD_TAIL.test(tail)) {
      best = tail;
      break; // the leftmost conjunction whose tail is only an object: the longest object
    }
  }
  return best;
}
