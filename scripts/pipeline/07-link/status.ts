/**
 * Status as far as the archive shows (ADR 1301): for each document, what the
 * archive's other documents did to it, read from their citations of it that
 * resolved (status 'resolved', targetId = it) and carry amends, replaces or
 * repeals; the same for cited documents outside the archive (by citedKey),
 * so their /tham-chieu/ page can say "bị bãi bỏ bởi ...". Derived, never
 * invented: no change found is 'unknown', never 'in-force', because the
 * archive is not the whole legal order and cannot know the present.
 */
import type { Citation, DocumentModel, DocumentStatus, StatusChange } from '../../lib/model.ts';
import { provisionHref } from '../../lib/paths.ts';

type ChangeType = StatusChange['type'];
const CHANGES = new Set<string>(['amends', 'replaces', 'repeals']);

/** The change a citation makes, or null when it makes none. */
export function changeOf(c: Citation, by: DocumentModel): StatusChange | null {
  const r = c.relation;
  if (!r || !CHANGES.has(r.type)) return null;
  return {
    type: r.type as ChangeType,
    by: by.id,
    byUrl: by.url,
    byProvision: c.provision,
    href: provisionHref(by.url, c.provision),
    date: by.effect?.date.value ?? by.meta.date.value ?? null,
    provisions: r.provisions,
    partial: r.partial,
  };
}

/**
 * One change per changing document, provision and type; the enacting
 * formula of the preamble ("ban hành Thông tư sửa đổi ...") only when the
 * body says nothing of its own; provisions merged. Sorted by date, then id.
 */
export function mergeChanges(changes: StatusChange[]): StatusChange[] {
  const out = new Map<string, StatusChange>();
  const bodySays = new Set(changes.filter((c) => c.byProvision !== 'can-cu').map((c) => c.by));
  for (const c of changes) {
    if (c.byProvision === 'can-cu' && bodySays.has(c.by)) continue;
    const key = `${c.by}\u0000${c.byProvision}\u0000${c.type}`;
    const seen = out.get(key);
    if (!seen) {
      out.set(key, { ...c, provisions: [...c.provisions] });
      continue;
    }
    for (const p of c.provisions) if (!seen.provisions.some((q) => q.text === p.text && q.id === p.id)) seen.provisions.push(p);
    // Whole (not partial, nothing named) wins over a part of the same act.
    seen.partial = seen.partial && c.partial;
  }
  return [...out.values()].sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.by.localeCompare(b.by) || a.byProvision.localeCompare(b.byProvision, 'en'));
}

const whole = (c: StatusChange) => !c.partial && c.provisions.length === 0;

/**
 * repealed: a whole repeal; replaced: a whole replacement; partly-repealed:
 * named provisions or "một phần"; amended: an amendment or a partial
 * replacement (a part replaced is a changed text, still in force). The
 * strongest wins; no change is 'unknown'.
 */
export function stateOf(changes: StatusChange[]): DocumentStatus['state'] {
  if (changes.some((c) => c.type === 'repeals' && whole(c))) return 'repealed';
  if (changes.some((c) => c.type === 'replaces' && whole(c))) return 'replaced';
  if (changes.some((c) => c.type === 'repeals')) return 'partly-repealed';
  if (changes.length > 0) return 'amended';
  return 'unknown';
}

/** A changer must not be older than what it changes (a wrong resolution otherwise): both dates known and in order. */
function notOlder(by: DocumentModel, target: { date: string | null; year: number | null }): boolean {
  const d = by.meta.date.value;
  if (d && target.date) return d >= target.date;
  const y = by.meta.year.value;
  if (y && target.year) return y >= target.year;
  return true;
}

/**
 * Status of every archive document and the changes made to each cited key,
 * from the linked documents (citations resolved), in one pass over their citations.
 */
export function deriveStatus(docs: DocumentModel[]): { documents: DocumentModel[]; changesByKey: Map<string, StatusChange[]> } {
  const byTarget = new Map<string, StatusChange[]>();
  const byKey = new Map<string, StatusChange[]>();
  const byId = new Map(docs.map((d) => [d.id, d]));
  for (const d of docs) {
    for (const c of d.citations) {
      const change = changeOf(c, d);
      if (!change) continue;
      if (c.status === 'resolved' && c.targetId && c.targetId !== d.id) {
        const t = byId.get(c.targetId);
        if (!t || !notOlder(d, { date: t.meta.date.value, year: t.meta.year.value })) continue;
        byTarget.set(c.targetId, [...(byTarget.get(c.targetId) ?? []), change]);
      }
      if (!notOlder(d, { date: c.identity.date, year: c.identity.year })) continue;
      byKey.set(c.citedKey, [...(byKey.get(c.citedKey) ?? []), change]);
    }
  }
  const documents = docs.map((d) => {
    const changes = mergeChanges(byTarget.get(d.id) ?? []);
    return { ...d, status: { state: stateOf(changes), changes } };
  });
  const changesByKey = new Map([...byKey].map(([k, v]) => [k, mergeChanges(v)]));
  return { documents, changesByKey };
}
