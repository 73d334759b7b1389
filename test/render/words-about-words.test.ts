/**
 * Words about words (TEI Guidelines, "Terms, Glosses, Equivalents, and
 * Descriptions" and "Language Distinctions"): `mentioned` "marks words or
 * phrases mentioned, not used"; `term` "a technical term"; `gloss` "a phrase
 * or word used to provide a gloss or definition for some other word or
 * phrase"; `distinct` a word "regarded as linguistically distinct, for
 * example as archaic, technical, dialectal". Scholarly print sets a word
 * mentioned (and a term) in italics and its gloss in single quotation marks
 * ("the word cat, ‘a small feline’"), so that a word mentioned is not read as
 * used. The page does so (a distinct word in italics too), unless the
 * encoding gives another rendition (@rend, @rendition, @style); the plain
 * text, which has no italics, gives the gloss's quotation marks.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toHtml, toText } from '../../src/transform/index.js';
import { repoRoot } from '../support/paths.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';

const doc = (body: string, encodingDesc = ''): TeiSource => teiDoc({ file: 'words.xml', title: 'Words', body, header: encodingDesc });

/** The words of the page's paragraph N, tags and its number taken out. */
const paragraphWords = (page: string, n = 1): string => {
  const paragraph = new RegExp(`<p id="para-${n}"[^>]*>([\\s\\S]*?)</p>`).exec(page)?.[1] ?? '';
  return paragraph.replace(/<a class="para-number"[^>]*>[^<]*<\/a>\s*/, '').replace(/<[^>]*>/g, '');
};

describe('mentioned, term, gloss and distinct on the page and in the plain text', function () {

  const sentence = '<p>The word <mentioned>cat</mentioned> is a <term>noun</term>, <gloss>a small feline</gloss>;'
    + ' <distinct type="slang">innit</distinct> is slang.</p>';

  it('sets a gloss in the inner quotation marks, on the page and in the plain text', async () => {
    const expected = 'The word cat is a noun, ‘a small feline’; innit is slang.';
    assert.equal(paragraphWords(await toHtml(doc(sentence))), expected);
    assert.equal((await toText(doc(sentence))).trim(), expected);
  });

  it('marks a word mentioned, a term and a distinct word for italics, which the page’s CSS gives them', async () => {
    const page = await toHtml(doc(sentence));
    assert.match(page, /<span class="tei-mentioned no-rend">cat<\/span>/);
    assert.match(page, /<span class="tei-term no-rend">noun<\/span>/);
    assert.match(page, /<span class="tei-distinct rend-slang no-rend">innit<\/span>/);
    const css = readFileSync(join(repoRoot, 'xslt', 'html', 'samizdat.css'), 'utf8');
    for (const name of ['mentioned', 'term', 'distinct']) {
      assert.match(css, new RegExp(`(^|[,}]\\s*)\\.tei-${name}\\.no-rend[^{]*\\{[^}]*font-style:\\s*italic`, 'm'), name);
    }
  });

  it('follows a rendition the encoding gives instead', async () => {
    const body = '<p><mentioned rend="bold">cat</mentioned>, <term style="font-variant: small-caps">noun</term>,'
      + ' <gloss rend="italic">a feline</gloss>, <gloss rend="double">a pet</gloss>, <gloss style="color: red">a mouser</gloss>.</p>';
    const page = await toHtml(doc(body));
    assert.equal(paragraphWords(page), 'cat, noun, a feline, “a pet”, a mouser.');
    assert.equal((await toText(doc(body))).trim(), 'cat, noun, a feline, “a pet”, a mouser.');
    assert.match(page, /<span class="tei-mentioned rend-bold typo-bold">cat<\/span>/, 'bold, not also italic');
    assert.match(page, /<span class="tei-term" style="font-variant: ?small-caps;?">noun<\/span>/);
    assert.match(page, /<span class="tei-gloss rend-italic typo-italic">a feline<\/span>/);
  });

  it('takes the language’s inner marks, and none where the source’s marks are kept in the text', async () => {
    const french = '<p xml:lang="fr">Le mot <mentioned>chat</mentioned>, <gloss>petit félin</gloss>.</p>';
    assert.equal(paragraphWords(await toHtml(doc(french))), 'Le mot chat, “petit félin”.');
    assert.equal((await toText(doc(french))).trim(), 'Le mot chat, “petit félin”.');
    const kept = '<encodingDesc><editorialDecl><quotation marks="all"><p>Kept.</p></quotation></editorialDecl></encodingDesc>';
    const source = '<p>The word <mentioned>cat</mentioned>, <gloss>‘a feline’</gloss> and <gloss>a pet</gloss>.</p>';
    assert.equal(paragraphWords(await toHtml(doc(source, kept))), 'The word cat, ‘a feline’ and a pet.');
    assert.equal((await toText(doc(source, kept))).trim(), 'The word cat, ‘a feline’ and a pet.');
    assert.equal(paragraphWords(await toHtml(doc(source))), 'The word cat, ‘a feline’ and ‘a pet’.', 'undeclared: none added where the text has its own');
  });

  it('sets a quotation within a gloss in the outer marks', async () => {
    const body = '<p><mentioned>bark</mentioned> <gloss>what a dog does when it <q>speaks</q></gloss></p>';
    assert.equal(paragraphWords(await toHtml(doc(body))), 'bark ‘what a dog does when it “speaks”’');
    assert.equal((await toText(doc(body))).trim(), 'bark ‘what a dog does when it “speaks”’');
  });
});
