/**
 * Reading attributes out of an opening tag's attribute text, at build time:
 * only for the markup the converter and our components write (ADR 0004);
 * never to parse source text (it is escaped: no tag can come from it). Used
 * on every tag of every document page, so each pattern is compiled once.
 */

function decodeAttr(value: string): string {
  if (!value.includes('&')) return value;
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const VALUE_PATTERNS = new Map<string, RegExp>();
const PRESENCE_PATTERNS = new Map<string, RegExp>();

/** The value of attribute `name` in `attrs` (the text between the tag name and `>`), decoded; null when absent. */
export function attribute(attrs: string, name: string): string | null {
  let re = VALUE_PATTERNS.get(name);
  if (!re) VALUE_PATTERNS.set(name, (re = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'=<>\`]+))`)));
  const m = re.exec(attrs);
  if (!m) return null;
  return decodeAttr(m[1] ?? m[2] ?? m[3] ?? '');
}

/** Whether `attrs` has attribute `name`, with or without a value. */
export function hasAttribute(attrs: string, name: string): boolean {
  let re = PRESENCE_PATTERNS.get(name);
  if (!re) PRESENCE_PATTERNS.set(name, (re = new RegExp(`\\s${name}(?=[\\s=]|$)`)));
  return re.test(attrs);
}
