/**
 * The words that decide what a citing provision does to a cited document,
 * as data (docs/decisions/1301-relations-and-status.md). Each rule says which
 * words, on which side of the citation, within one sentence of one provision.
 * Everything the rules do not clearly cover stays a plain mention: a wrong
 * relation is worse than none.
 */
import type { RelationType } from '../../../lib/model.ts';

/**
 * The verbs of change. They stand BEFORE the citation, in the same sentence,
 * and may be joined ("Thay thế, sửa đổi, bổ sung, bãi bỏ"); "bổ sung" and
 * "điều chỉnh" count only inside such a group with "sửa đổi" ("bổ sung kinh
 * phí" is no amendment, "phạm vi điều chỉnh" is the scope).
 */
export const CHANGE_VERBS: Array<{ words: string; type: 'amends' | 'replaces' | 'repeals' | 'helper' }> = [
  { words: 'bãi bỏ', type: 'repeals' },
  { words: 'thay thế', type: 'replaces' },
  { words: 'sửa đổi', type: 'amends' },
  { words: 'bổ sung', type: 'helper' },
  { words: 'điều chỉnh', type: 'helper' },
];

/** A group of change verbs: "sửa đổi, bổ sung", "Thay thế, sửa đổi, bổ sung, bãi bỏ", "sửa đổi và bãi bỏ". */
const VERB = `(?:${CHANGE_VERBS.map((v) => v.words.replace(' ', '\\s+')).join('|')})`;
export const VERB_GROUP = new RegExp(`(?<!\\p{L})${VERB}(?:\\s*(?:,|và|hoặc)\\s*${VERB})*(?!\\p{L})`, 'giu');

/**
 * Implementing verbs: live only when "<type> này" is their subject ("Thông tư
 * này hướng dẫn thi hành ...", "Nghị định này quy định chi tiết ...") or they
 * open the title; after a cited document they describe it ("Thông tư số ...
 * hướng dẫn Nghị định ...") and say nothing of this one.
 */
export const IMPLEMENT_VERB = /(?<!\p{L})(?:hướng\s+dẫn(?:\s+thi\s+hành|\s+thực\s+hiện)?|quy\s+định\s+chi\s+tiết(?:\s+thi\s+hành)?(?:\s+và\s+hướng\s+dẫn\s+thi\s+hành)?)(?!\p{L})/giu;
export const THIS_DOCUMENT = /(?:Thông tư|Nghị định|Quyết định|Nghị quyết|Quy định|Quy chế|Chỉ thị)\s+này(?!\p{L})/iu;

/** The basis verb: "Căn cứ" opening a line of the preamble (can-cu), nowhere else. */
export const BASIS_OPENING = /^\s*[-+•]?\s*Căn\s+cứ(?:\s+vào)?(?!\p{L})/iu;

/**
 * The enacting formula inside the preamble: "Bộ trưởng ... ban hành Thông tư
 * sửa đổi, bổ sung ...", "Hội đồng nhân dân ban hành Nghị quyết sửa đổi ...".
 * A line opening with these words is a proposal or a basis, never the formula.
 */
export const ENACTING_FORMULA = /ban\s+hành\s+(?:Thông tư|Nghị định|Quyết định|Nghị quyết)(?:\s+này)?\s*$/iu;
export const NOT_ENACTING = /^\s*[-+•]?\s*(?:Căn\s+cứ|Xét|Theo|Trên\s+cơ\s+sở|Sau\s+khi|Thực\s+hiện)(?!\p{L})|đề\s+nghị|dự\s+thảo|Tờ\s+trình/iu;

/**
 * Words right before a verb that make it someone else's act or no act at all:
 * passive ("đã được sửa đổi"), intention ("để sửa đổi", "đề nghị bãi bỏ"),
 * negation. The verb then decides nothing.
 */
export const NOT_LIVE_BEFORE_VERB = /(?:(?<!\p{L})(?:được|bị|đã|sẽ|chưa|không|để|cần|phải|nhằm|việc|kịp\s+thời|nghiên\s+cứu|đề\s+nghị|kiến\s+nghị|trình|xem\s+xét)\s*)$/iu;

/**
 * Words earlier in the sentence that make a later verb reported, proposed or
 * conditional: "Xét Tờ trình ... đề nghị bãi bỏ ...", "Giao Ủy ban ... trình
 * sửa đổi ...", "Trường hợp ... được thay thế ...".
 */
export const SENTENCE_SHIELDS = /(?<!\p{L})(?:Xét|Tờ\s+trình|đề\s+nghị|kiến\s+nghị|dự\s+thảo|giao|trường\s+hợp|nếu|khi|căn\s+cứ|theo|xây\s+dựng|tham\s+mưu|báo\s+cáo)(?!\p{L})/iu;

/**
 * Between the verb and the citation: the object of the change (provisions,
 * "một số điều", "nội dung quy định về ... tại", "Quy định ban hành kèm
 * theo"). These words there mean the citation is not the verb's object.
 */
export const OBJECT_BREAKERS = /(?<!\p{L})(?:về\s+việc|(?<!kèm\s)theo|đề\s+nghị|dự\s+thảo|Tờ\s+trình|được\s+sửa\s+đổi|đã\s+được|bằng|để|nhằm|căn\s+cứ|hướng\s+dẫn|quy\s+định\s+chi\s+tiết|thực\s+hiện)(?!\p{L})/iu;
/** An object longer than this is a description, not an object. */
export const OBJECT_MAX = 220;

/** Objects meaning the whole document: no provisions, not partial. */
export const WHOLE_OBJECT = /^(?:toàn\s+bộ|các|cả)?\s*(?:(?:Quyết\s+định|Nghị\s+quyết|Thông\s+tư|Nghị\s+định|văn\s+bản)(?:\s+sau(?:\s+đây)?)?(?:\s+của\s+[^:]{0,80})?)?\s*:?\s*$/iu;
/** "bãi bỏ một phần", "một số điều": said to be partial without naming. */
export const PARTIAL_WORDS = /(?<!\p{L})(?:một\s+phần|một\s+số|nội\s+dung|cụm\s+từ)(?!\p{L})/iu;
/** Replacing or striking out words ("Thay thế, bãi bỏ một số cụm từ") amends the text. */
export const PHRASE_OBJECT = /(?<!\p{L})cụm\s+từ(?!\p{L})/iu;
/** The provisions then belong to a regulation annexed to the cited document: their ids are not the document's. */
export const ANNEXED_OBJECT = /(?:Quy\s+định|Quy\s+chế|Phụ\s+lục|Biểu|Bảng)[^]*?(?:ban\s+hành\s+)?kèm\s+theo\s*$/iu;

/** A list announced before its items: "Bãi bỏ toàn bộ 14 văn bản ... sau đây:" (not "như sau:", which quotes new text). */
export const LIST_ANNOUNCED = /(?<!như\s)sau(?:\s+đây)?\s*:\s*$/iu;

/** Labels of the types shown as evidence for a basis. */
export const BASIS_EVIDENCE = 'Căn cứ';

/** The relation types a verb group may give. */
export type ChangeType = Extract<RelationType, 'amends' | 'replaces' | 'repeals'>;
