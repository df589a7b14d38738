/** Roman numerals as used for parts (I-, II., XIV). */
const VALUES: Array<[string, number]> = [
  ['M', 1000], ['CM', 900], ['D', 500], ['CD', 400], ['C', 100], ['XC', 90],
  ['L', 50], ['XL', 40], ['X', 10], ['IX', 9], ['V', 5], ['IV', 4], ['I', 1],
];

export function romanToInt(roman: string): number | null {
  const s = roman.toUpperCase();
  if (!/^[MDCLXVI]+$/.test(s)) return null;
  let i = 0;
  let total = 0;
  for (const [sym, val] of VALUES) {
    while (s.startsWith(sym, i)) {
      total += val;
      i += sym.length;
    }
  }
  return i === s.length && intToRoman(total) === s ? total : null;
}

export function intToRoman(n: number): string {
  let out = '';
  let rest = n;
  for (const [sym, val] of VALUES) {
    while (rest >= val) {
      out += sym;
      rest -= val;
    }
  }
  return out;
}
