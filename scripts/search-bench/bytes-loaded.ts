/**
 * What a search page had loaded when its answer appeared, in bytes: over http
 * the body sizes the page's resource timing reports (the static server sends
 * files as they are, so these are the files' sizes; a host that compresses
 * would show less), from file:// the sizes of the files read, from disk
 * (Chromium reports no sizes for file:// loads). Pagefind's bundle is counted
 * apart from the page itself (HTML, CSS, the search script, favicon).
 */
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sitePathOf, type Edition, type LoadedResource } from './search-page.ts';

export interface BytesLoaded {
  files: number;
  bytes: number;
  /** Of which Pagefind's files (/pagefind/…: its script, wasm, metadata, index chunks, fragments, filters). */
  pagefindFiles: number;
  pagefindBytes: number;
}

function fileSize(url: string): number {
  try {
    return statSync(fileURLToPath(url.replace(/[?#].*$/s, ''))).size;
  } catch {
    return 0; // not a file of the copy (a data: URL, a file that failed to load)
  }
}

/** Bytes of one loaded resource, as the edition gives them. */
export function resourceBytes(resource: LoadedResource): number {
  return resource.url.startsWith('file:') ? fileSize(resource.url) : resource.encodedBodySize;
}

export function bytesLoaded(loaded: readonly LoadedResource[], edition: Edition): BytesLoaded {
  const out: BytesLoaded = { files: 0, bytes: 0, pagefindFiles: 0, pagefindBytes: 0 };
  for (const resource of loaded) {
    if (!/^(https?|file):/.test(resource.url)) continue;
    const bytes = resourceBytes(resource);
    out.files += 1;
    out.bytes += bytes;
    if (sitePathOf(resource.url, edition).startsWith('/pagefind/')) {
      out.pagefindFiles += 1;
      out.pagefindBytes += bytes;
    }
  }
  return out;
}
