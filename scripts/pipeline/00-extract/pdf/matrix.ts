/**
 * PDF transformation matrices [a b c d e f], as pdf.js hands them over in its
 * operator lists: one implementation for the drawn text and the drawn rules.
 */
export type Matrix = [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m applied after n (pdf.js's Util.transform(m, n) order: n's coordinates into m's). */
export function mul(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

/** An operator argument as a matrix (a typed array or a plain one); missing means identity. */
export function asMatrix(value: unknown): Matrix {
  const v = value as Record<number, number> | null | undefined;
  if (v === null || v === undefined) return IDENTITY;
  return [v[0] ?? 1, v[1] ?? 0, v[2] ?? 0, v[3] ?? 1, v[4] ?? 0, v[5] ?? 0];
}
