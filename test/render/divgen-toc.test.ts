/**
 * divGen "indicates the location at which a textual division generated
 * automatically by a text-processing application is to appear"; type="toc"
 * is "a table of contents" (TEI Guidelines). The page renders one there: a
 * nav listing the headed divisions of its text, nested as they are, linked
 * to the ids the page gives their sections (section-N, or their xml:id),
 * under the divGen's head or "Contents"; then none at the top of the page
 * as well. The plain text has nothing for it.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';

const doc = (front: string, body: string): TeiSource => teiDoc({ file: 'toc.xml', title: 'Contents', front: front === '' ? undefined : front, body });

/** The navs of the page's article, each as [its heading's words, its list with the tags but ol, li and a taken out]. */
const navs = (page: string): [string, string][] => {
  const article = page.slice(page.indexOf('<article'), page.indexOf('</article>'));
  return [...article.matchAll(/<nav class="contents[^"]*"[^>]*><(h\d) id="([^"]+)">([\s\S]*?)<\/\1>([\s\S]*?)<\/nav>/g)]
    .map((m) => [m[3].replace(/<[^>]*>/g, ''), m[4].replace(/<(?!\/?(ol|li|a)\b)[^>]*>/g, '')]);
};

const body = '<div xml:id="one"><head>One</head><p>First.</p>'
  + '<div><head>One <hi rend="italic">a</hi><note>A note.</note></head><p>Inner.</p></div><div><p>No head.</p></div></div>'
  + '<div><head>Two</head><p>More.</p></div>';

describe('divGen type="toc": a table of contents where the encoding puts it', function () {

  it('lists the text’s headed divisions, nested, linked to their sections', async () => {
    const page = await toHtml(doc('<divGen type="toc"/>', body));
    assert.deepEqual(navs(page), [['Contents',
      '<ol><li><a href="#one">One</a><ol><li><a href="#section-2">One a</a></li></ol></li><li><a href="#section-3">Two</a></li></ol>']]);
    assert.match(page, /<div class="tei-front"><nav class="contents tei-divGen rend-toc" aria-labelledby="contents-heading"><h2 id="contents-heading">/, 'where it stands');
    for (const id of ['one', 'section-2', 'section-3']) assert.match(page, new RegExp(`<section id="${id}"`), id);
    assert.doesNotMatch(page, /<span class="tei-divGen/);
  });

  it('under its own head, in place of the contents at the top of the page', async () => {
    const many = body + '<div><head>Three</head><p>Last.</p></div>';
    const top = navs(await toHtml(doc('', many)));
    assert.equal(top.length, 1, 'without a divGen, the contents at the top, from three headed divisions');
    const page = await toHtml(doc('<divGen type="toc"><head>Table of <hi>contents</hi></head></divGen>', many));
    assert.deepEqual(navs(page), [['Table of contents', top[0][1]]], 'once, where the divGen stands');
    assert.equal(page.indexOf('<nav class="contents'), page.indexOf('<nav class="contents tei-divGen'));
  });

  it('gives nothing to the plain text', async () => {
    const plain = await toText(doc('<divGen type="toc"><head>Contents</head></divGen>', body));
    assert.equal(plain.split('\n\n')[0].trim(), 'One');
    assert.doesNotMatch(plain, /Contents/);
  });
});
