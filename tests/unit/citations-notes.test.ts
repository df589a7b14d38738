/** Placing "cited by" notes into a rendered document body (src/lib/citations-notes.ts). */
import { describe, expect, it } from 'vitest';
import { insertNotes } from '../../src/lib/citations-notes.ts';

const N = '<div class="note">N</div>';

describe('insertNotes', () => {
  it('puts the note under the provision heading, not inside it nor at the end of the provision', () => {
    const html = '<section id="II"><h2>II- A</h2><section id="II.3"><h3><a href="#II.3">3-</a> B</h3><p>x</p></section></section>';
    const { html: out, missing } = insertNotes(html, new Map([['II.3', N]]));
    expect(out).toBe('<section id="II"><h2>II- A</h2><section id="II.3"><h3><a href="#II.3">3-</a> B</h3>' + N + '<p>x</p></section></section>');
    expect(missing).toEqual([]);
  });

  it('skips inline chrome at the start of a section (a toolbar) and handles a section that starts with a nested one', () => {
    const tools = '<span class="prov-tools"><button>c</button></span>';
    const a = insertNotes(`<section id="dieu-1">${tools}<p>Điều 1. x</p></section>`, new Map([['dieu-1', N]]));
    expect(a.html).toBe(`<section id="dieu-1">${tools}<p>Điều 1. x</p>${N}</section>`);
    const b = insertNotes('<section id="I"><section id="I.1"><p>y</p></section></section>', new Map([['I', N]]));
    expect(b.html).toBe(`<section id="I">${N}<section id="I.1"><p>y</p></section></section>`);
    const c = insertNotes('<section id="I"></section>', new Map([['I', N]]));
    expect(c.html).toBe(`<section id="I">${N}</section>`);
  });

  it('puts the note of an inline target after the paragraph that holds it', () => {
    const html = '<section id="I.2"><p>a <span id="I.2.ct-3" class="target">(3)</span> b</p><p>c</p></section>';
    const { html: out } = insertNotes(html, new Map([['I.2.ct-3', N]]));
    expect(out).toBe(`<section id="I.2"><p>a <span id="I.2.ct-3" class="target">(3)</span> b</p>${N}<p>c</p></section>`);
  });

  it('copies everything else byte for byte and reports ids it did not find', () => {
    const html = '<p title="a &amp; b">x &lt; y &#x65;xport</p><section id="A"><h2>h</h2></section>';
    const { html: out, missing } = insertNotes(html, new Map([['A', N], ['Z', N]]));
    expect(out).toBe(`<p title="a &amp; b">x &lt; y &#x65;xport</p><section id="A"><h2>h</h2>${N}</section>`);
    expect(missing).toEqual(['Z']);
    expect(insertNotes(html, new Map()).html).toBe(html);
  });
});
