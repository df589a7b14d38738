/** Query planning for Vietnamese search (src/scripts/search-query.ts, docs/decisions/0601). */
import { describe, expect, it } from 'vitest';
import { foldForSearch as fold, hasMarks } from '../../scripts/lib/fold.ts';
import { canonicalWord, combinations, placeTone, planQuery, tokenize } from '../../src/scripts/search-query.ts';
import { readState, stateToSearch } from '../../src/scripts/search-state.ts';

describe('fold and canonical spellings', () => {
  it('folds marks, đ and punctuation', () => {
    expect(fold('Đảng,')).toBe('dang');
    expect(fold('205/NQ-HĐND')).toBe('205nqhdnd');
    expect(fold('Tỉnh ủy')).toBe('tinhuy');
    // NFD input folds the same as NFC.
    expect(fold('Đảng'.normalize('NFD'))).toBe('dang');
  });

  it('places a final oa/oe/uy tone either way, and leaves other words alone', () => {
    expect(placeTone('hòa', 'new')).toBe('hoà');
    expect(placeTone('hoà', 'old')).toBe('hòa');
    expect(placeTone('ủy', 'new')).toBe('uỷ');
    expect(placeTone('Uỷ', 'old')).toBe('Ủy');
    expect(placeTone('khỏe', 'new')).toBe('khoẻ');
    // Closed syllables, qu + y, ua, uê: one spelling only.
    for (const w of ['hoàn', 'quý', 'của', 'thuế', 'mới', 'dang']) {
      expect(placeTone(w, 'new')).toBe(w);
      expect(placeTone(w, 'old')).toBe(w);
    }
    expect(canonicalWord('Ủy,')).toBe(canonicalWord('uỷ'));
    expect(canonicalWord('hòa')).toBe(canonicalWord('hoà'));
    expect(canonicalWord('hoà')).not.toBe(canonicalWord('hóa'));
  });

  it('knows when marks were typed', () => {
    expect(hasMarks('dang bo')).toBe(false);
    expect(hasMarks('đang bo')).toBe(true);
    expect(hasMarks('nông')).toBe(true);
  });
});

describe('query plan', () => {
  it('adds the đ-spelling of words that start with d', () => {
    const [dang, bo] = tokenize('dang bo');
    expect(dang!.variants).toEqual(['dang', 'đang']);
    expect(bo!.variants).toEqual(['bo']);
    expect(tokenize('Dang')[0]!.variants).toEqual(['Dang', 'Đang']);
    // Telex "dd" for đ.
    expect(tokenize('ddang')[0]!.variants).toEqual(['ddang', 'đang']);
    // A word typed with đ is not expanded; a d inside a syllable is not an initial.
    expect(tokenize('đảng')[0]!.variants).toEqual(['đảng']);
    expect(tokenize('nhiệm')[0]!.variants).toEqual(['nhiệm']);
  });

  it('searches every spelling, the typed one first, at most eight', () => {
    expect(planQuery('chuyen doi so').all).toEqual(['chuyen doi so', 'chuyen đoi so']);
    expect(planQuery('dang bo').phrases).toEqual(['"dang bo"', '"đang bo"']);
    const many = planQuery('dau dong dia dan');
    expect(many.all).toHaveLength(8);
    expect(many.all[0]).toBe('dau dong dia dan');
    expect(combinations(tokenize('da de di do du'))).toHaveLength(8);
  });

  it('runs exact searches in both tone placements only when marks were typed', () => {
    expect(planQuery('tinh uy').exact).toEqual([]);
    expect(planQuery('Tỉnh uỷ').exact).toEqual(['"Tỉnh uỷ"', '"Tỉnh ủy"']);
    expect(planQuery('nông thôn mới').exact).toEqual(['"nông thôn mới"']);
  });

  it('treats number-symbols and numbers as one token, with đ-spellings of their codes', () => {
    const [s] = tokenize('205/NQ-HĐND');
    expect(s!.kind).toBe('symbol');
    expect(s!.parts).toEqual(['205', 'nq', 'hdnd']);
    expect(tokenize('09-NQ/TU')[0]!.parts).toEqual(['09', 'nq', 'tu']);
    expect(tokenize('205/NQ-HDND')[0]!.variants).toContain('205/NQ-HĐND');
    expect(tokenize('120/2020/ND-CP')[0]!.variants).toContain('120/2020/NĐ-CP');
    expect(tokenize('176')[0]!.kind).toBe('number');
    expect(planQuery('09-NQ/TU').symbol).toBe(true);
    expect(planQuery('176').symbol).toBe(true);
    expect(planQuery('nghị quyết 176').symbol).toBe(false);
  });

  it('ignores quotes and stray punctuation around words', () => {
    expect(tokenize('"nông thôn mới"').map((t) => t.raw)).toEqual(['nông', 'thôn', 'mới']);
    expect(planQuery('  ... ').tokens).toEqual([]);
  });
});

describe('URL state', () => {
  it('round-trips the query, filters and sort in a fixed order', () => {
    const state = readState('?sap-xep=moi-nhat&q=n%C3%B4ng+th%C3%B4n&nam=2024&loai=Ngh%E1%BB%8B+quy%E1%BA%BFt');
    expect(state).toEqual({ q: 'nông thôn', filters: { nam: '2024', loai: 'Nghị quyết' }, sort: 'moi-nhat' });
    expect(stateToSearch(state)).toBe('?q=n%C3%B4ng+th%C3%B4n&nam=2024&loai=Ngh%E1%BB%8B+quy%E1%BA%BFt&sap-xep=moi-nhat');
    expect(readState(stateToSearch(state))).toEqual(state);
    expect(readState('?sap-xep=bogus').sort).toBe('');
    expect(stateToSearch(readState(''))).toBe('');
  });
});
