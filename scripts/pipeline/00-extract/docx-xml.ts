/**
 * A small element tree of an Office XML part (htmlparser2 in xmlMode): just
 * names, attributes, children and text, enough for WordprocessingML.
 */
import { Parser } from 'htmlparser2';

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Character data directly inside: for w:t and w:instrText, or a '#text' node (mixed content, `textNodes`). */
  text: string;
}

const TEXT_ELEMENTS = new Set(['w:t', 'w:instrText']);

/**
 * `textNodes`: keep every run of character data as a '#text' child, in order
 * (mixed content such as DocBook's `<para>text <emphasis>…</emphasis></para>`);
 * otherwise text is kept only inside Word's text elements.
 */
export function parseXml(xml: string, options: { textNodes?: boolean } = {}): XmlNode {
  const root: XmlNode = { name: '#root', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const node: XmlNode = { name, attrs, children: [], text: '' };
        (stack[stack.length - 1] as XmlNode).children.push(node);
        stack.push(node);
      },
      ontext(data) {
        const top = stack[stack.length - 1] as XmlNode;
        if (options.textNodes) top.children.push({ name: '#text', attrs: {}, children: [], text: data });
        else if (TEXT_ELEMENTS.has(top.name)) top.text += data;
      },
      onclosetag() {
        if (stack.length > 1) stack.pop();
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return root;
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

/** Depth-first, first match. */
export function find(node: XmlNode | undefined, name: string): XmlNode | undefined {
  if (!node) return undefined;
  for (const c of node.children) {
    if (c.name === name) return c;
    const hit = find(c, name);
    if (hit) return hit;
  }
  return undefined;
}

export function attr(node: XmlNode | undefined, name: string): string | undefined {
  return node?.attrs[name];
}

/**
 * An on/off property (w:b, w:caps): present without w:val, or w:val true/1/on,
 * is on; w:val false/0/off is off; absent is undefined (inherit).
 */
export function toggle(props: XmlNode | undefined, name: string): boolean | undefined {
  const el = child(props, name);
  if (!el) return undefined;
  const v = el.attrs['w:val'];
  return v === undefined || !/^(false|0|off|none)$/i.test(v);
}
