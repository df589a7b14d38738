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

export function rewriteScriptStrings(code: string, fromFile: string, tree: SiteTree): ScriptStringsResult {
  // Cheap test first: most inline scripts hold no quote followed by a slash.
  if (!/["'`]\//.test(code)) return { code, urls: [] };
  const source = ts.createSourceFile('inline.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const urls: RewrittenUrl[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const value = node.text;
      if (isRootAbsolute(value) && PATH_LIKE.test(value)) {
        const rewritten = rewriteUrl(value, fromFile, tree);
        if (rewritten.target !== null) {
          urls.push(rewritten);
          const quote = code[node.getStart(source)] ?? '"';
          const text = quote === '`' ? `\`${rewritten.url.replace(/[`\\$]/g, '\\$&')}\`` : JSON.stringify(rewritten.url);
          edits.push({ start: node.getStart(source), end: node.getEnd(), text });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { code: applyEdits(code, edits.map((e) => ({ from: e.start, to: e.end, text: e.text }))), urls };
}

/** Root-absolute path literals still left in a script (for the audit). */
export function rootAbsoluteStrings(code: string, tree: SiteTree): string[] {
  if (!/["'`]\//.test(code)) return [];
  const source = ts.createSourceFile('inline.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && PATH_LIKE.test(node.text)) {
      if (rewriteUrl(node.text, 'index.html', tree).target !== null) found.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
