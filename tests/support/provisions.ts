/** Walking a document's provision tree in tests. */
import type { Provision } from '../../scripts/lib/model.ts';

/** Every provision id, depth first, in document order. */
export const ids = (ps: Provision[]): string[] => ps.flatMap((p) => [p.id, ...ids(p.children)]);

/** The provision with this id, at any depth. */
export const find = (ps: Provision[], id: string): Provision | undefined => {
  for (const p of ps) {
    if (p.id === id) return p;
    const c = find(p.children, id);
    if (c) return c;
  }
  return undefined;
};
