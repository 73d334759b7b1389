/**
 * Classes made from @rend. A value with an argument, pre(«) post(») (what to
 * print before and after an element, the TEI stylesheets' convention), made
 * the classes rend-pre___ and rend-post___: classes that say nothing, while
 * the marks it asks for were not printed on a hi at all. Such a value is
 * content: the marks before and after the words, on the page, in the plain
 * text and the search records; a word of @rend is still a class.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';
import { passageWords } from '../support/records.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'rend.xml', title: 'Rend', body });
const BODY = '<p>He said <hi rend="pre(«) post(»)">quoted</hi> and <hi rend="italic pre(« ) post( »)">spaced</hi> and <hi rend="smallcaps ¶">plain</hi>.</p>';

/** Every class token on the page's text. */
const classes = (page: string): string[] => [...page.slice(page.indexOf('<main')).matchAll(/class="([^"]*)"/g)].flatMap((m) => m[1].split(/\s+/));

describe('@rend: classes from its words, content from pre() and post()', function () {
  this.timeout(300_000);

  it('makes no class of a value with an argument, and a valid class of each word', async () => {
    const page = await toHtml(doc(BODY));
    const rend = classes(page).filter((c) => c.startsWith('rend-'));
    assert.deepEqual([...new Set(rend)].sort(), ['rend-italic', 'rend-smallcaps']);
    for (const c of classes(page)) assert.match(c, /^-?[A-Za-z_][A-Za-z0-9_-]*$/, c);
  });

  it('prints what pre() and post() ask for around the words, on the page and in the plain text', async () => {
    const page = await toHtml(doc(BODY));
    assert.match(page, /<span class="tei-hi">«quoted»<\/span>/);
    assert.match(page, /<span class="tei-hi rend-italic typo-italic">« spaced »<\/span>/);
    assert.equal((await toText(doc(BODY))).trim(), 'He said «quoted» and « spaced » and plain.');
    assert.deepEqual(await passageWords(doc(BODY)), ['He said «quoted» and « spaced » and plain.']);
  });
});
