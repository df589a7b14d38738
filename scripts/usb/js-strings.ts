/**
 * URL constants in inline classic scripts: a string literal that is a
 * root-absolute path of a file or folder of the site (`"/tim-kiem/"`) is
 * written relative to the page, folders as their index.html, so the script
 * works from file://. Found with TypeScript's parser (a real JavaScript
 * parser: regular expressions and comments cannot be mistaken for strings).
 * Only literals that name something in the site change: `"/"` alone (a
 * separator, as in `url.charAt(0) === '/'`) and paths to nothing stay.
 */
import ts from 'typescript';
import { applyEdits } from './edits.ts';
import { isRootAbsolute, rewriteUrl, type RewrittenUrl, type SiteTree } from './site-tree.ts';

export interface ScriptStringsResult {
  code: string;
  urls: RewrittenUrl[];
}

/** A root-absolute path with at least one name after the slash. */
const PATH_LIKE = /^\/[^/\s]/;

interface PathLiteral {
  start: number;
  end: number;
  value: string;
  quote: string;
}

/**
 * The string literals of `code` that look like a root-absolute path, in order. Parsed once per
 * distinct script text: the same inline scripts recur on thousands of pages.
 */
const literalCache = new Map<string, readonly PathLiteral[]>();
function pathLiterals(code: string): readonly PathLiteral[] {
  const cached = literalCache.get(code);
  if (cached) return cached;
  const source = ts.createSourceFile('inline.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const found: PathLiteral[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const value = node.text;
      if (isRootAbsolute(value) && PATH_LIKE.test(value)) {
        const start = node.getStart(source);
        found.push({ start, end: node.getEnd(), value, quote: code[start] ?? '"' });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (literalCache.size > 256) literalCache.clear();
  literalCache.set(code, found);
  return found;
}

export function rewriteScriptStrings(code: string, fromFile: string, tree: SiteTree): ScriptStringsResult {
  // Cheap test first: most inline scripts hold no quote followed by a slash.
  if (!/["'`]\//.test(code)) return { code, urls: [] };
  const edits: Array<{ from: number; to: number; text: string }> = [];
  const urls: RewrittenUrl[] = [];
  for (const literal of pathLiterals(code)) {
    const rewritten = rewriteUrl(literal.value, fromFile, tree);
    if (rewritten.target === null) continue;
    urls.push(rewritten);
    const text = literal.quote === '`' ? `\`${rewritten.url.replace(/[`\\$]/g, '\\$&')}\`` : JSON.stringify(rewritten.url);
    edits.push({ from: literal.start, to: literal.end, text });
  }
  return { code: applyEdits(code, edits), urls };
}

/** Root-absolute path literals still left in a script (for the audit). */
export function rootAbsoluteStrings(code: string, tree: SiteTree): string[] {
  if (!/["'`]\//.test(code)) return [];
  return pathLiterals(code)
    .filter((literal) => rewriteUrl(literal.value, 'index.html', tree).target !== null)
    .map((literal) => literal.value);
}
