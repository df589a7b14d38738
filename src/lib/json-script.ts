/**
 * JSON to put inside a <script> element (JSON-LD, data blocks): "<", ">" and
 * "&" are written as \u escapes, so no text can close the element
 * ("</script>") or open a comment ("<!--"); U+2028/2029 are escaped for old
 * JavaScript parsers. The result is still valid JSON with the same value.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * A classic script's source, lighter for inlining: without its leading block
 * comment, whole-line `//` comments and indentation (the comments are for the
 * repository, not the reader's download). Only for our own scripts, whose
 * strings hold no line breaks.
 */
export function inlineScript(source: string): string {
  const code = source
    .replace(/^\s*\/\*[\s\S]*?\*\/\s*/, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('//'))
    .join('\n');
  if (/<\/script/i.test(code) || /<!--/.test(code)) throw new Error('an inline script must not contain "</script" or "<!--"');
  return code;
}
