/**
 * am: "contains a sequence of letters or signs present in an abbreviation which
 * are omitted or replaced in the expanded form"; ex: "contains a sequence of
 * letters added by an editor or transcriber when expanding an abbreviation"
 * (TEI Guidelines). The reading view drops a mark only for the ex of its own
 * word. A paragraph with one word expanded in place dropped the mark of every
 * other abbreviated word in it, though that mark was the only reading of its
 * word: in the page's reading view, the plain text, the search records and
 * the mentions' contexts.
 */
import { strict as assert } from 'node:assert';
import { compileStylesheet, runStylesheet, teiSource, toHtml, toText } from '../../src/transform/index.js';
import { RECORDS_STYLESHEET } from '../../src/search/index.js';
import { readDocumentPassages } from '../../src/search/passages.js';
import type { StylesheetEntityData } from '../../src/entities/model.js';
import { personRegister, teiDoc } from '../support/tei-doc.js';

const ada = '<persName ref="#ada">Ada</persName>';
// "Bp̃" has no ex: its mark stays; "D~<ex>omi</ex>nus" and the choice's expansion are expanded.
const body = `<p>Bp<am>\u0303</am> ${ada} and D<am>~</am><ex>omi</ex>nus and `
  + '<choice><abbr>dn<am>\u0304</am>s</abbr><expan>d<ex>omi</ex>nus</expan></choice> '
  + `pr<am>\u0304</am> ${ada}.</p>`;
const doc = teiDoc({ file: 'marks.xml', body, header: personRegister([['ada', 'Ada']]) });
const reading = 'Bp\u0303 Ada and Dominus and dominus pr\u0304 Ada.';

describe('an abbreviation mark in a word without an expansion', function () {

  it('stays in the reading view of the page; a mark beside its word\'s ex gives way', async () => {
    const page = await toHtml(doc);
    const p = /<p id="para-1"[^>]*>([\s\S]*?)<\/p>/.exec(page)?.[1] ?? '';
    const shown = p.replace(/<a class="para-number"[^>]*>[^<]*<\/a>\s*/, '')
      .replace(/<span class="[^"]*view-diplomatic[^"]*">[^<]*(<span[^>]*>[^<]*<\/span>[^<]*)*<\/span>/g, '')
      .replace(/<[^>]*>/g, '').trim();
    assert.equal(shown, reading);
    assert.match(p, /Bp<span class="tei-am">\u0303<\/span>/, 'the lone word\'s mark is in both views');
    assert.match(p, /D<span class="tei-am view-diplomatic">~<\/span><span class="tei-ex view-reading">omi<\/span>/);
  });

  it('stays in the plain text, in both views', async () => {
    assert.equal((await toText(doc)).trim(), reading);
    assert.equal((await toText(doc, { mode: 'diplomatic' })).trim(), 'Bp\u0303 Ada and D~nus and dn\u0304s pr\u0304 Ada.');
  });

  it('stays in the search record\'s text and in the words around a mention', async () => {
    const records = await compileStylesheet(RECORDS_STYLESHEET);
    const { passages } = readDocumentPassages(String(runStylesheet(records, teiSource(doc.text, doc.file))), new Set());
    assert.equal(passages[0].text, reading);
    const data = JSON.parse(await toHtml(doc, { params: { output: 'entities' } })) as StylesheetEntityData;
    assert.deepEqual(data.mentions.filter((m) => m.entry === 'marks:ada').map(({ before, after }) => ({ before, after })), [
      { before: 'Bp\u0303 ', after: ' and Dominus and dominus pr\u0304 Ada.' },
      { before: 'Bp\u0303 Ada and Dominus and dominus pr\u0304 ', after: '.' },
    ]);
  });
});
