/**
 * Link: the cross-document step. Each citation is resolved against the
 * archive only when the identity fits (issuer, type, number-symbol, and the
 * date when the citation gives one); a citation without a date resolves only
 * when exactly one archive document fits. Everything else links to the
 * cited document's page in the index of cited documents (/tham-chieu/...).
 * Produces the citation graph and the reports for the quality page.
 */
import type { Citation, DocumentModel, Issuer, Provision, QualityIssue, StatusChange } from '../../lib/model.ts';
import { TYPE_NAMES } from '../../lib/symbol.ts';
import { citedPath, provisionHref } from '../../lib/paths.ts';
import { deriveStatus } from './status.ts';

/** A document cited by the archive: one page under /tham-chieu/. */
export interface CitedDocument {
  key: string;
  url: string;
  kind: Citation['identity']['kind'];
  type: string | null;
  typeName: string | null;
  numberSymbol: string | null;
  number: string | null;
  name: string | null;
  issuer: Issuer | null;
  year: number | null;
  /** Every distinct date the citations give, sorted. */
  datesSeen: string[];
  /** More than one date for one number-symbol and issuer in a year. */
  conflict: boolean;
  /** Archive document it is, when every citation resolved to one. */
  targetId: string | null;
  citedBy: Array<{ document: string; documentUrl: string; provision: string; text: string; sentence: string; href: string }>;
  /** What the archive's documents did to it ("bị bãi bỏ bởi ..."), oldest first; absent when nothing (status.ts, ADR 1301). */
  changedBy?: StatusChange[];
}

export interface CitationGraph {
  citations: Array<Citation & { from: string; fromUrl: string }>;
  cited: CitedDocument[];
}

function ids(ps: Provision[], out = new Set<string>()): Set<string> {
  for (const p of ps) {
    out.add(p.id);
    ids(p.children, out);
  }
  return out;
}

function fits(c: Citation, d: DocumentModel): boolean {
  const id = c.identity;
  if (id.kind !== 'numbered' || !id.numberSymbol || !id.issuer) return false;
  if (d.meta.issuer.value?.slug !== id.issuer.slug) return false;
  if (d.meta.numberSymbol.value !== id.numberSymbol) return false;
  if (id.type && d.meta.type.value && id.type !== d.meta.type.value) return false;
  if (id.date) {
    if (d.meta.date.value) return d.meta.date.value === id.date;
    return d.meta.year.value === Number(id.date.slice(0, 4));
  }
  if (id.year && d.meta.year.value) return id.year === d.meta.year.value;
  return true;
}

const byKey = <T extends { key: string }>(a: T, b: T) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export function linkArchive(docs: DocumentModel[]): { documents: DocumentModel[]; graph: CitationGraph } {
  const provisionIds = new Map(docs.map((d) => [d.id, ids(d.provisions)]));
  const cited = new Map<string, CitedDocument>();
  // Only documents with the cited number-symbol can fit: look them up, not scan the archive per citation.
  const bySymbol = new Map<string, DocumentModel[]>();
  for (const d of docs) {
    const sym = d.meta.numberSymbol.value;
    if (!sym) continue;
    const same = bySymbol.get(sym);
    if (same) same.push(d);
    else bySymbol.set(sym, [d]);
  }
  const extraQuality = new Map<string, QualityIssue[]>(docs.map((d) => [d.id, []]));

  const linked = docs.map((doc) => {
    const citations = doc.citations.map((c): Citation => {
      const candidates = (bySymbol.get(c.identity.numberSymbol ?? '') ?? []).filter((d) => d.id !== doc.id && fits(c, d));
      const key = c.citedKey;
      const citedUrl = citedPath(key);
      let out: Citation;
      if (candidates.length === 1) {
        const t = candidates[0] as DocumentModel;
        const hasProvision = c.identity.provision !== null && provisionIds.get(t.id)?.has(c.identity.provision);
        if (c.identity.provision && !hasProvision) {
          extraQuality.get(doc.id)?.push({ kind: 'note', message: `"${c.text}" nêu ${c.identity.provision} nhưng ${t.url} không có mục này; chỉ liên kết đến văn bản`, provision: c.provision });
        }
        out = {
          ...c,
          status: 'resolved',
          targetId: t.id,
          targetInferred: t.meta.numberSymbol.inferred === true || t.meta.date.inferred === true,
          candidates: [],
          href: provisionHref(t.url, hasProvision ? c.identity.provision : null),
        };
      } else {
        out = { ...c, status: candidates.length > 1 ? 'ambiguous' : 'unresolved', targetId: null, candidates: candidates.map((d) => d.id), href: citedUrl };
        extraQuality.get(doc.id)?.push(
          candidates.length > 1
            ? { kind: 'citation-ambiguous', message: `"${c.text}" khớp với ${candidates.length} văn bản trong kho (${candidates.map((d) => d.url).join(', ')}); không liên kết đến văn bản nào`, provision: c.provision, text: c.text }
            : { kind: 'citation-unresolved', message: `"${c.text}" chưa có trong kho (${c.identity.issuer?.name ?? 'chưa rõ cơ quan ban hành'}); xem ${citedUrl}`, provision: c.provision, text: c.text },
        );
      }
      const id = out.identity;
      const entry = cited.get(key) ?? {
        key,
        url: citedUrl,
        kind: id.kind,
        type: id.type,
        typeName: id.type ? TYPE_NAMES[id.type] : null,
        numberSymbol: id.numberSymbol,
        number: id.numberSymbol ? null : id.number,
        name: id.name,
        issuer: id.issuer,
        year: id.year,
        datesSeen: [],
        conflict: false,
        targetId: null,
        citedBy: [],
      };
      if (id.date && !entry.datesSeen.includes(id.date)) entry.datesSeen.push(id.date);
      entry.citedBy.push({ document: doc.id, documentUrl: doc.url, provision: out.provision, text: out.text, sentence: out.sentence, href: `${doc.url}#${out.provision}` });
      cited.set(key, entry);
      return out;
    });
    return { ...doc, citations };
  });

  // Targets and conflicts per cited document (the targets of every key gathered in one pass over the citations).
  const targetsByKey = new Map<string, Set<string | null>>();
  for (const d of linked) {
    for (const c of d.citations) {
      let targets = targetsByKey.get(c.citedKey);
      if (!targets) targetsByKey.set(c.citedKey, (targets = new Set()));
      targets.add(c.targetId);
    }
  }
  for (const entry of cited.values()) {
    entry.datesSeen.sort();
    const targets = targetsByKey.get(entry.key) ?? new Set();
    entry.targetId = targets.size === 1 ? ([...targets][0] ?? null) : null;
    if (entry.datesSeen.length > 1) {
      entry.conflict = true;
      for (const by of entry.citedBy) {
        extraQuality.get(by.document)?.push({
          kind: 'citation-conflict',
          message: `${entry.typeName ?? ''} ${entry.numberSymbol ?? entry.number ?? ''} của ${entry.issuer?.name ?? '?'} được dẫn với các ngày khác nhau: ${entry.datesSeen.join(', ')}`.trim(),
          provision: by.provision,
          text: by.text,
        });
      }
    }
  }

  // Status from the resolved citations' relations, in the same pass's output (ADR 1301).
  const { documents, changesByKey } = deriveStatus(linked.map((d) => ({ ...d, quality: [...d.quality, ...(extraQuality.get(d.id) ?? [])] })));
  for (const entry of cited.values()) {
    const changes = changesByKey.get(entry.key);
    if (changes && changes.length > 0) entry.changedBy = changes;
  }
  const graph: CitationGraph = {
    citations: documents.flatMap((d) => d.citations.map((c) => ({ from: d.id, fromUrl: d.url, ...c }))),
    cited: [...cited.values()].sort(byKey),
  };
  return { documents, graph };
}
