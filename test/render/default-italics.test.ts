/**
 * Highlighting with no rendition given. `hi` "marks a word or phrase as
 * graphically distinct from the surrounding text, for reasons concerning
 * which no claim is made" (TEI Guidelines): where the encoder says nothing
 * of how (no @rend, @rendition or @style, no rendition in the header for
 * every hi), the page sets it in italics, the most common highlighting in
 * print and the one the ELTeC novels' hi stand for ("this bottle was *not*
 * marked"), by the class no-rend that samizdat.css styles, as for a word
 * mentioned; roman again within italics. The plain text has no italics and
 * stays as it was: the words, no marks.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toHtml, toText } from '../../src/transform/index.js';
import { repoRoot } from '../support/paths.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';

const doc = (body: string, encodingDesc = ''): TeiSource => teiDoc({ file: 'italics.xml', title: 'Italics', body, header: encodingDesc });

/** The words of the page's paragraph N, tags and its number taken out. */
const paragraphWords = (page: string, n = 1): string => {
  const paragraph = new RegExp(`<p id="para-${n}"[^>]*>([\\s\\S]*?)</p>`).exec(page)?.[1] ?? '';
  return paragraph.replace(/<a class="para-number"[^>]*>[^<]*<\/a>\s*/, '').replace(/<[^>]*>/g, '');
};

/** Split at the commas outside parentheses. */
const splitTop = (list: string): string[] => {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  [...list].forEach((c, i) => {
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) { parts.push(list.slice(start, i)); start = i + 1; }
  });
  return [...parts, list.slice(start)].map((s) => s.replace(/\s+/g, ' ').trim());
};

/** A selector with its :is(…) spelled out: `:is(a, b) c` → `a c`, `b c`. */
const expand = (selector: string): string[] => {
  const at = selector.indexOf(':is(');
  if (at < 0) return [selector];
  let depth = 0;
  let end = at + 3;
  for (; end < selector.length; end++) {
    if (selector[end] === '(') depth++;
    else if (selector[end] === ')' && --depth === 0) break;
  }
  return splitTop(selector.slice(at + 4, end)).flatMap((arg) => expand(selector.slice(0, at) + arg + selector.slice(end + 1)));
};

/** The selectors to which samizdat.css gives font-style `value`, each spelled out. */
const fontStyle = (value: 'italic' | 'normal'): string[] => {
  const css = readFileSync(join(repoRoot, 'xslt', 'html', 'samizdat.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  return [...css.matchAll(/([^{}]+)\{([^}]*)\}/g)]
    .filter((m) => new RegExp(`font-style:\\s*${value}`).test(m[2]))
    .flatMap((m) => splitTop(m[1]).flatMap(expand));
};

describe('hi with no rendition given: italics on the page, the words in the plain text', function () {

  const carroll = '<p>However, this bottle was <hi>not</hi> marked ‘poison,’ so Alice ventured to taste it.</p>';

  it('marks a hi with no rendition for the italics samizdat.css gives it', async () => {
    const page = await toHtml(doc(carroll));
    assert.match(page, /<span class="tei-hi no-rend">not<\/span>/);
    assert.ok(fontStyle('italic').includes('.tei-hi.no-rend'), 'samizdat.css sets .tei-hi.no-rend in italics');
    assert.equal(paragraphWords(page), 'However, this bottle was not marked ‘poison,’ so Alice ventured to taste it.');
  });

  it('leaves the plain text as it was: the words, no marks', async () => {
    assert.equal((await toText(doc(carroll))).trim(), 'However, this bottle was not marked ‘poison,’ so Alice ventured to taste it.');
  });

  it('sets it roman again within italics: a hi, a title, an emphasis, a stage direction, italics by @rend', async () => {
    const body = '<p><hi>a <hi>b</hi></hi> <title>c <hi>d</hi></title> <emph>e <hi>f</hi></emph> <hi rend="italic">g <hi>h</hi></hi></p>';
    const page = await toHtml(doc(body));
    assert.match(page, /<span class="tei-hi no-rend">a <span class="tei-hi no-rend">b<\/span><\/span>/);
    assert.match(page, /<span class="tei-hi rend-italic typo-italic">g <span class="tei-hi no-rend">h<\/span><\/span>/);
    // A rule setting an unrendered hi roman within each of them (and within a stage direction, always italic).
    const roman = fontStyle('normal');
    for (const context of ['.tei-hi.no-rend', 'cite', 'em', '.typo-italic', '.tei-stage']) {
      assert.ok(roman.includes(`${context} .tei-hi.no-rend`), `roman within ${context}`);
    }
  });

  it('follows a rendition the encoding gives instead', async () => {
    const header = '<encodingDesc><tagsDecl><rendition xml:id="sc">font-variant: small-caps</rendition></tagsDecl></encodingDesc>';
    const body = '<p><hi rend="bold">a</hi> <hi rendition="#sc">b</hi> <hi style="text-decoration: underline">c</hi> <hi type="x">d</hi></p>';
    const page = await toHtml(doc(body, header));
    assert.match(page, /<span class="tei-hi rend-bold typo-bold">a<\/span>/);
    assert.match(page, /<span class="tei-hi rendition-sc">b<\/span>/);
    assert.match(page, /<span class="tei-hi" style="text-decoration: ?underline;?">c<\/span>/);
    assert.match(page, /<span class="tei-hi rend-x no-rend">d<\/span>/, 'a @type is no rendition');
  });

  it('follows the header’s rendition for every hi, which the page applies, rather than its own', async () => {
    const every = '<encodingDesc><tagsDecl><rendition selector="hi">font-weight: bold</rendition></tagsDecl></encodingDesc>';
    const page = await toHtml(doc(carroll, every));
    assert.match(page, /\.tei-hi \{ font-weight: bold; \}/, 'the header’s rendition is on the page');
    assert.match(page, /<span class="tei-hi">not<\/span>/);
    // One for some hi only, for another element, or one the page cannot apply, leaves samizdat's.
    for (const rendition of ['<rendition selector="head hi">font-weight: bold</rendition>', '<rendition selector="emph">font-weight: bold</rendition>',
      '<rendition selector="hi" scheme="free">bold</rendition>', '<rendition selector="hi">position: fixed</rendition>']) {
      const other = `<encodingDesc><tagsDecl>${rendition}</tagsDecl></encodingDesc>`;
      assert.match(await toHtml(doc(carroll, other)), /<span class="tei-hi no-rend">not<\/span>/, rendition);
    }
  });
});

/**
 * foreign "identifies a word or phrase as belonging to some language other
 * than that of the surrounding text" (TEI Guidelines): print sets it in
 * italics, and so does the page where no rendition is given, keeping its
 * language (lang) for screen readers and hyphenation.
 */
describe('foreign with no rendition given: italics and its language on the page', function () {

  const body = '<p>He said <foreign xml:lang="la">carpe diem</foreign>, <foreign xml:lang="fr" rend="roman">à la mode</foreign>'
    + ' and <hi rend="italic">read <foreign xml:lang="de">Wanderjahre</foreign></hi>.</p>';

  it('marks it for the italics samizdat.css gives it, its language kept', async () => {
    const page = await toHtml(doc(body));
    assert.match(page, /<span class="tei-foreign no-rend" lang="la">carpe diem<\/span>/);
    assert.ok(fontStyle('italic').includes('.tei-foreign.no-rend'), 'samizdat.css sets .tei-foreign.no-rend in italics');
    assert.equal(paragraphWords(page), 'He said carpe diem, à la mode and read Wanderjahre.');
    assert.equal((await toText(doc(body))).trim(), 'He said carpe diem, à la mode and read Wanderjahre.', 'plain text: the words');
  });

  it('follows a rendition the encoding gives instead, and sets it roman within italics', async () => {
    const page = await toHtml(doc(body));
    assert.match(page, /<span class="tei-foreign rend-roman typo-roman" lang="fr">à la mode<\/span>/);
    assert.match(page, /<span class="tei-foreign no-rend" lang="de">Wanderjahre<\/span>/);
    const roman = fontStyle('normal');
    for (const context of ['.typo-italic', 'cite', 'em', '.tei-hi.no-rend', '.tei-foreign.no-rend']) {
      assert.ok(roman.includes(`${context} .tei-foreign.no-rend`), `roman within ${context}`);
    }
  });
});
