/**
 * Issuing bodies, from the data file content/issuers.yaml (an editor extends
 * it; no code change): a header's or enacting line's name in any spelling ->
 * one canonical Issuer (display name, URL slug, branch, province); a symbol's
 * issuer code -> a central body; a city or district -> its province.
 *
 * The header reader (05-metadata), the citation recogniser (06-annotate) and
 * the site's province grouping all read issuers through this module.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Issuer } from './model.ts';
import { slugify } from './slug.ts';

interface LocalKind {
  words: string[];
  name: string;
  branch: Issuer['branch'];
  level: 'province' | 'city' | 'district';
}

interface CentralBody {
  name: string;
  branch: Issuer['branch'];
  codes: string[];
  words?: string[];
  slug?: string;
}

/** A kind of body that belongs to another ("SỞ" under "UBND TỈNH ĐỒNG THÁP"). */
interface SubordinateKind {
  words: string[];
  name: string;
  /** The archive adds the province to the name (every province has one). */
  place: boolean;
}

interface Registry {
  local: LocalKind[];
  central: CentralBody[];
  subordinate?: SubordinateKind[];
  abbreviations?: Record<string, string>;
  spellings?: string[];
  provinces: Array<string | { name: string; city?: boolean }>;
  places: Record<string, string>;
}

export const ISSUERS_FILE = fileURLToPath(new URL('../../content/issuers.yaml', import.meta.url));

/** nameKey's answers: names and their words repeat from line to line and document to document (bounded memo). */
const nameKeys = new Map<string, string>();

/**
 * Comparison key: tones, vowel marks and đ folded, case, spaces and hyphens
 * dropped ("THỪA THIÊN - HUẾ" and "Thừa Thiên Huế" give the same key).
 * Kept local (not the site's search folding): it must also drop punctuation.
 */
export function nameKey(text: string): string {
  let key = nameKeys.get(text);
  if (key === undefined) {
    key = text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '');
    if (nameKeys.size > 50_000) nameKeys.clear();
    nameKeys.set(text, key);
  }
  return key;
}

interface Loaded {
  local: Array<LocalKind & { keys: string[] }>;
  central: Array<{ issuer: Issuer; keys: string[]; codes: string[] }>;
  provinces: Map<string, { name: string; city: boolean }>;
  places: Map<string, { name: string; province: string }>;
  subordinate: SubordinateKind[];
  abbreviations: Map<string, string>;
  /** Spellings the capitals rule does not give, longest first: listed ones, provinces, places. */
  spellings: string[];
}

function load(file: string): Loaded {
  const raw = parse(readFileSync(file, 'utf8')) as Registry;
  const provinces = new Map<string, { name: string; city: boolean }>();
  for (const p of raw.provinces) {
    const entry = typeof p === 'string' ? { name: p, city: false } : { name: p.name, city: p.city === true };
    provinces.set(nameKey(entry.name), entry);
  }
  const places = new Map<string, { name: string; province: string }>();
  for (const [name, province] of Object.entries(raw.places ?? {})) places.set(nameKey(name), { name, province });
  return {
    // Longest wording first, so "HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ" wins over a shorter prefix.
    local: raw.local
      .map((k) => ({ ...k, keys: k.words.map(nameKey) }))
      .sort((a, b) => Math.max(...b.keys.map((x) => x.length)) - Math.max(...a.keys.map((x) => x.length))),
    central: raw.central.map((c) => ({
      issuer: { name: c.name, slug: c.slug ?? slugify(c.name), branch: c.branch, province: null },
      keys: [c.name, ...(c.words ?? [])].map(nameKey),
      codes: c.codes,
    })),
    provinces,
    places,
    subordinate: raw.subordinate ?? [],
    abbreviations: new Map(Object.entries(raw.abbreviations ?? {}).map(([k, v]) => [nameKey(k), v])),
    spellings: [...(raw.spellings ?? []), ...[...provinces.values()].map((p) => p.name), ...[...places.values()].map((p) => p.name)].sort(
      (a, b) => b.split(' ').length - a.split(' ').length || b.length - a.length,
    ),
  };
}

let registry: Loaded | null = null;
function reg(): Loaded {
  registry ??= load(ISSUERS_FILE);
  return registry;
}

/** "QUẢNG NINH" -> "Quảng Ninh"; a listed province keeps the registry's spelling. */
function placeName(raw: string): string {
  const known = reg().provinces.get(nameKey(raw)) ?? reg().places.get(nameKey(raw));
  if (known) return known.name;
  return raw
    .toLocaleLowerCase('vi')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1))
    .join(' ')
    .replace(/\s*-\s*/g, ' - ');
}

/** The province of a place: itself when it is a province or centrally governed city, else the places table. */
export function provinceOf(place: string): string | null {
  const key = nameKey(place);
  return reg().provinces.get(key)?.name ?? reg().places.get(key)?.province ?? null;
}

/** Is this text (any spelling) the name of a province or a centrally governed city? */
export function isProvince(place: string): boolean {
  return reg().provinces.has(nameKey(place));
}

/**
 * The canonical issuer a name denotes, or null when the body is not one the
 * registry knows. `raw` is the name as printed, in any case ("HỘI ĐỒNG NHÂN
 * DÂN TỈNH BẮC GIANG", "Tỉnh ủy Quảng Ninh"); the whole text must be the name.
 */
export function canonicalIssuer(raw: string): Issuer | null {
  const text = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  const key = nameKey(text);
  if (key === '') return null;
  for (const c of reg().central) if (c.keys.includes(key)) return c.issuer;
  const own = subordinateIssuer(null, text);
  if (own) return own;
  for (const kind of reg().local) {
    for (const word of kind.words) {
      const wordKey = nameKey(word);
      if (!key.startsWith(wordKey) || key.length === wordKey.length) continue;
      // Cut the place off the original text: as many words as the kind's wording has.
      const words = text.split(' ');
      const kindWords = word.split(' ').length;
      if (nameKey(words.slice(0, kindWords).join(' ')) !== wordKey) continue;
      const placeRaw = words.slice(kindWords).join(' ').replace(/^[-–,.:\s]+|[-–,.:\s]+$/g, '');
      if (!plausiblePlace(placeRaw, kind.level)) continue;
      const place = placeName(placeRaw);
      const name = `${kind.name} ${place}`;
      const province = kind.level === 'district' ? (reg().places.get(nameKey(placeRaw))?.province ?? null) : provinceOf(placeRaw);
      return { name, slug: slugify(name), branch: kind.branch, province };
    }
  }
  return null;
}

/**
 * A province-level body must name a province the registry lists (so a
 * name cut by a line break, "BÀ RỊA-VŨNG", or one running into the next
 * line's words is not taken for a place); a city or district name is short.
 */
function plausiblePlace(place: string, level: LocalKind['level']): boolean {
  if (place === '' || /\d/.test(place)) return false;
  if (level === 'province') return reg().provinces.has(nameKey(place));
  if (reg().provinces.has(nameKey(place)) || reg().places.has(nameKey(place))) return true;
  return place.split(/\s+/).length <= 3;
}

/** Does the text start with a kind of local body or name a central body (used to recognise issuer lines)? */
export function looksLikeBodyName(raw: string): boolean {
  const key = nameKey(raw);
  if (key === '') return false;
  if (reg().central.some((c) => c.keys.includes(key))) return true;
  return reg().local.some((k) => k.keys.some((w) => key.startsWith(w)));
}

/** A kind of local body without its place ("ỦY BAN NHÂN DÂN"), i.e. a name wrapped over two header lines. */
export function isIncompleteBodyName(raw: string): boolean {
  const key = nameKey(raw);
  return reg().local.some((k) => k.keys.some((w) => w.startsWith(key) && key.length >= 4));
}

/** Central body by the issuer code of a symbol ("TTg", "UBTVQH15" -> Ủy ban Thường vụ Quốc hội). */
export function issuerByCode(code: string): Issuer | null {
  const bare = code.replace(/\d+$/, '');
  for (const c of reg().central) if (c.codes.includes(bare)) return c.issuer;
  return null;
}

/** Central bodies, for code that needs the list (citation issuer phrases). */
export function centralIssuers(): Issuer[] {
  return reg().central.map((c) => c.issuer);
}

/** A Vietnamese syllable has a vowel; a word without one is an abbreviation ("THPT", "KHCN", "GD&ĐT"). */
const VOWEL = /[aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/iu;
/** Words that open a part of a name without being its field ("Ban Chỉ đạo về phát triển ..."). */
const LINKING_WORDS = new Set(['về', 'của', 'cho', 'trong', 'với', 'tại', 'thuộc']);

/**
 * A body's name from capitals, by the rule of NĐ30 Phụ lục II (viết hoa tên
 * cơ quan, tổ chức): the first word of each field it works in is capitalised,
 * fields being parted by "và", commas and dashes ("GIÁO DỤC VÀ ĐÀO TẠO" ->
 * "Giáo dục và Đào tạo"); abbreviations stay as printed; place names and the
 * registry's `spellings` are written as listed.
 */
function officialCase(text: string): string {
  let partStarts = true;
  const words = text.split(/\s+/).filter(Boolean).map((w) => {
    if (/^[-–,]$/u.test(w)) {
      partStarts = true;
      return w;
    }
    const m = /^(.*?)([,;.]*)$/u.exec(w) as RegExpExecArray;
    const core = m[1] as string;
    const tail = m[2] as string;
    let out: string;
    if (!VOWEL.test(core)) out = core;
    else {
      const lower = core.toLocaleLowerCase('vi');
      if (lower === 'và') {
        partStarts = true;
        return lower + tail;
      }
      out = partStarts && !LINKING_WORDS.has(lower) ? lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1) : lower;
    }
    partStarts = tail.includes(',');
    return out + tail;
  });
  // Listed spellings and place names, matched with tones and case folded.
  for (const spelling of reg().spellings) {
    const n = spelling.split(' ').length;
    const key = nameKey(spelling);
    for (let i = 0; i + n <= words.length; i++) {
      const window = words.slice(i, i + n).join(' ');
      const bare = window.replace(/[,;.]+$/u, '');
      if (nameKey(bare) === key) words.splice(i, n, spelling + window.slice(bare.length));
    }
  }
  return words.join(' ');
}

/** "... TỈNH ĐỒNG THÁP" at the end of a name: the province it states, and the name before it. */
function ownProvince(words: string[]): { before: string[]; province: { name: string; city: boolean } } | null {
  for (let i = words.length - 2; i >= 1; i--) {
    const w = nameKey(words.slice(i, i + (nameKey(words[i] as string) === 'thanh' ? 2 : 1)).join(' '));
    const span = w === 'tinh' ? 1 : w === 'thanhpho' ? 2 : 0;
    if (span === 0) continue;
    const province = reg().provinces.get(nameKey(words.slice(i + span).join(' ')));
    if (province) return { before: words.slice(0, i), province };
  }
  return null;
}

/**
 * A body printed under the body it belongs to ("UBND TỈNH ĐỒNG THÁP" /
 * "SỞ GIÁO DỤC VÀ ĐÀO TẠO" -> "Sở Giáo dục và Đào tạo tỉnh Đồng Tháp"), or
 * stating its own province ("SỞ GDĐT TỈNH ĐỒNG THÁP"; then `parent` may be
 * null). Null when the name is not of a kind in the registry's `subordinate`
 * list, or when nothing tells which province a department is of.
 */
export function subordinateIssuer(parent: Issuer | null, raw: string): Issuer | null {
  const words = raw.normalize('NFC').replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  for (const kind of reg().subordinate) {
    for (const word of kind.words) {
      const n = word.split(' ').length;
      // The kind's word exactly (tones kept): "SỐ" is not "SỞ".
      if (words.length <= n || words.slice(0, n).join(' ').toLocaleUpperCase('vi') !== word) continue;
      let rest = words.slice(n);
      const own = ownProvince(rest);
      // A department's place is the archive's suffix; in a name of its own it stays ("... Thành phố Hồ Chí Minh").
      if (own && kind.place) rest = own.before;
      if (rest.length === 0 || /^\d/u.test(rest[0] as string)) continue;
      const provinceName = own?.province.name ?? parent?.province ?? null;
      // Alone (no parent line above it), a name must state its province: "SỞ TƯ PHÁP" or "TRƯỜNG THPT X" alone says too little.
      if (parent === null && !own) continue;
      const expanded = rest.join(' ').split(' ').map((w) => reg().abbreviations.get(nameKey(w)) ?? w).join(' ');
      let name = `${kind.name} ${officialCase(expanded)}`;
      if (kind.place && provinceName !== null) {
        const city = own?.province.city ?? reg().provinces.get(nameKey(provinceName))?.city ?? false;
        name += ` ${city ? 'thành phố' : 'tỉnh'} ${provinceName}`;
      }
      return { name, slug: slugify(name), branch: parent?.branch ?? 'state', province: provinceName };
    }
  }
  return null;
}
