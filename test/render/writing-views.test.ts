/**
 * writing: "a passage of written text revealed to participants in the course of a spoken text" (TEI Guidelines:
 * a letter read out, a sign shown), a global element of the spoken module, met between a play's blocks and within
 * a line or a sentence alike; the Guidelines expect it to be short, "most simply transcribed as a character string".
 * Where it stands between blocks, or beside a speaker's words, it is a block of its own in every view: the page
 * (samizdat.css), the plain text and the search records. Before, a speech with no other block than its words ran
 * the letter into them in the plain text and the search records ("reads To the unknown beloved soft!"), a setting
 * (set) did too, and on the page writing in a prologue, an epilogue, a setting or a numbered division (div1 …) stayed
 * in the line. Within a line or a paragraph it is words of the line in every view, as before, now a space apart from
 * the words beside it where the encoding puts none: "I read:<writing>Come at once.</writing>So be it." read
 * "I read:Come at once.So be it." on the page and in the plain text.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { toHtml, toText } from '../../src/transform/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';
import { passageWords } from '../support/records.js';

const CSS = readFileSync(new URL('../../xslt/html/samizdat.css', import.meta.url), 'utf8');

/** The selectors samizdat.css makes a block (display: block), each selector of a list and of an :is(…) written out. */
function blockSelectors(css: string): string[] {
  const selectors: string[] = [];
  for (const rule of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    if (!/(^|;)\s*display:\s*block\s*(;|$)/.test(rule[2].trim())) continue;
    selectors.push(...splitList(rule[1]).flatMap(expandIs));
  }
  return selectors.map((s) => s.replace(/\s+/g, ' ').trim());
}
/** A selector list split at its top-level commas. */
function splitList(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    if (list[i] === '(') depth++;
    else if (list[i] === ')') depth--;
    else if (list[i] === ',' && depth === 0) { parts.push(list.slice(start, i)); start = i + 1; }
  }
  parts.push(list.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}
/** A selector with its first :is(a, b) written out as a selector with a and one with b, and so on. */
function expandIs(selector: string): string[] {
  const open = selector.indexOf(':is(');
  if (open < 0) return [selector];
  let depth = 0;
  let close = open + 3;
  for (; close < selector.length; close++) {
    if (selector[close] === '(') depth++;
    else if (selector[close] === ')' && --depth === 0) break;
  }
  return splitList(selector.slice(open + 4, close)).flatMap((alternative) => expandIs(selector.slice(0, open) + alternative + selector.slice(close + 1)));
}

const play = (body: string, front?: string): TeiSource => teiDoc({ file: 'writing-views.xml', title: 'Writing', body, front });

/** The plain text's blocks. */
const blocks = async (doc: TeiSource): Promise<string[]> => (await toText(doc)).trim().split('\n\n');

describe('writing a block between blocks, words within a line, in every view', function () {
  this.timeout(300_000);
  // A speech without a speaker or a paragraph: its words and the letter read in them, no white space either side.
  const speech = play('<div><sp>reads<writing type="letter">To the unknown beloved</writing>soft!</sp></div>');

  it('a speech with no other block: the letter a block of its own in the plain text and the search records', async () => {
    assert.deepEqual(await blocks(speech), ['reads', 'To the unknown beloved', 'soft!']);
    assert.deepEqual(await passageWords(speech), ['reads', 'To the unknown beloved', 'soft!']);
  });

  it('a speech with no other block: on the page, the letter set apart by the style sheet, as before', async () => {
    const page = await toHtml(speech);
    assert.match(page, /<div class="tei-sp">reads<span class="tei-writing rend-letter">To the unknown beloved<\/span>soft!<\/div>/);
    assert.ok(blockSelectors(CSS).includes('.tei-sp > .tei-writing'));
  });

  // A setting, a prologue, an epilogue, a numbered division: writing between their blocks, and beside loose words.
  const parts = play(
    '<div1 type="act"><head>Act 1</head><sp><speaker>Bottom</speaker><p>Look here.</p></sp><writing>Pyramus and Thisbe</writing></div1>'
      + '<div1 type="act"><prologue><sp><speaker>Quince</speaker><l>If we offend,</l></sp><writing>Wall</writing></prologue>'
      + '<epilogue><p>Our play is done.</p><writing>Finis</writing></epilogue></div1>',
    '<set><p>Athens.</p>A sign:<writing>The Duke’s palace</writing></set>');

  it('a setting, a prologue, an epilogue, a numbered division: a block in the plain text and the search records', async () => {
    const expected = ['Setting', 'Athens.', 'A sign:', 'The Duke’s palace', 'Act 1', 'Bottom', 'Look here.', 'Pyramus and Thisbe',
      'Prologue', 'Quince', 'If we offend,', 'Wall', 'Epilogue', 'Our play is done.', 'Finis'];
    assert.deepEqual(await blocks(parts), expected);
    assert.deepEqual(await passageWords(parts), expected);
  });

  it('a setting, a prologue, an epilogue, a numbered division: a block on the page', async () => {
    const page = await toHtml(parts);
    assert.match(page, /<div class="tei-set"><p class="drama-label">Setting<\/p><p id="[^"]+" class="tei-p para">.*?Athens\.<\/p>A sign:<span class="tei-writing">The Duke’s palace<\/span><\/div>/);
    assert.match(page, /<\/div><span class="tei-writing">Wall<\/span><\/div>/, 'the prologue’s, after its speech');
    assert.match(page, /Our play is done\.<\/p><span class="tei-writing">Finis<\/span><\/div>/, 'the epilogue’s');
    assert.match(page, /<\/div><span class="tei-writing">Pyramus and Thisbe<\/span><\/section>/, 'the division’s');
    const block = blockSelectors(CSS);
    for (const parent of ['prologue', 'epilogue', 'set', 'div1', 'div', 'sp', 'lg']) {
      assert.ok(block.includes(`.tei-${parent} > .tei-writing`), `writing in ${parent} a block`);
    }
  });

  // Within a paragraph or a line, set against the words beside it: a space either side, none before punctuation.
  const inLine = play('<sp><speaker>Romeo</speaker><p>I read:<writing>Come at once.</writing>So be it.</p>'
    + '<l>It says<writing>Verona</writing>, and <writing>Mantua</writing>.</l></sp>');

  it('within a line or a paragraph: words of the line, a space apart where the encoding has none', async () => {
    const expected = ['Romeo', 'I read: Come at once. So be it.', 'It says Verona, and Mantua.'];
    assert.deepEqual(await blocks(inLine), expected);
    assert.deepEqual(await passageWords(inLine), expected);
    const page = await toHtml(inLine);
    assert.match(page, /I read: <span class="tei-writing">Come at once\.<\/span> So be it\.<\/p>/);
    assert.match(page, />It says <span class="tei-writing">Verona<\/span>, and <span class="tei-writing">Mantua<\/span>\.<\/p>/);
  });
});
