/*
 * Two details of an apparatus entry and its search. The Guidelines' app "contains one entry in a critical apparatus,
 * with an optional lemma and, usually, one or more readings or groups of readings"; printed apparatus write
 * "lemma] sigla; reading sigla", the semicolon parting one reading and its witnesses from the next.
 *
 * 1. A lemma that names no witness (nothing after its "]") read "wrote]; wrot B", as if an empty reading stood
 *    between the bracket and the semicolon: now "wrote] wrot B", on the page and in the plain text, as the entries of
 *    a double-end-point apparatus without a lemma ("wrote] ; wrot B" before).
 * 2. An app kept apart from the text (a listApp in the body, or the standOff) shows its entry's call-out after the
 *    element it attaches to; its readings were searched as a passage of their own, with no anchor a result could go
 *    to (a body listApp) or not at all (the standOff). They are now other forms of the passage the call-out stands
 *    in. An entry whose call-out the text does not show (its @from/@to name nothing there, or it has only a @loc) is
 *    read only in the apparatus: it was one passage of the listApp with no anchor and no words (a result went to the
 *    page's top and showed nothing); each such entry is now a passage at its entry's id, its line as the plain text
 *    prints it, under the apparatus's heading.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';
import { searchRecords } from '../support/records.js';

const ANCHORED = '<p>He <anchor xml:id="a1"/>wrote<anchor xml:id="a2"/> it.</p>';
const doc = (body: string): TeiSource => teiDoc({ file: 'apart.xml', title: 'Apart', body });
const inStandOff = (apps: string): TeiSource => {
  const source = doc(`${ANCHORED}<p>After.</p>`);
  return { ...source, text: source.text.replace('</text>', `</text><standOff><listApp>${apps}</listApp></standOff>`) };
};
/** The apparatus entries of a page, without the links' accessible names. */
const entries = (page: string): string => (/<ol class="apparatus-entries">([\s\S]*?)<\/ol>/.exec(page)?.[1] ?? '').replace(/ aria-label="[^"]*"/g, '');
/** Each search passage as [anchor, words, other forms]. */
const passages = async (source: TeiSource): Promise<unknown[][]> => (await searchRecords(source)).passages.map((p) => [p[0], p[3], p[4]]);

describe('an apparatus entry after a bare lemma, and the readings of an app kept apart in the search', function () {
  this.timeout(300_000);

  it('follows a lemma that names no witness with a space, not "; "', async () => {
    const source = doc('<p>He <app><lem>wrote</lem><rdg wit="#B">wrot</rdg></app> it.</p>');
    assert.equal(entries(await toHtml(source)), '<li id="app-1" class="app-entry tei-app"><a class="app-number" href="#app-1-ref">1</a> '
      + '<span class="app-lemma tei-lem">wrote</span>] <span class="app-rdg tei-rdg">wrot</span> <span class="sigla"><span class="siglum">B</span></span>.</li>');
    assert.equal(await toText(source), 'He wrote it.\n\nApparatus criticus\n\n1 wrote] wrot B.\n');
  });

  it('keeps "; " after a lemma with its witnesses or a note of its own (guard)', async () => {
    const source = doc('<p>He <app><lem wit="#A">wrote</lem><rdg wit="#B">wrot</rdg></app> and <app><lem cause="slip">it</lem><rdg wit="#B">id</rdg></app>.</p>');
    assert.equal((await toText(source)).split('\n\n').slice(2).join('\n'), '1 wrote] A; wrot B.\n2 it] (slip); id B.\n');
    assert.match(entries(await toHtml(source)), /wrote<\/span>] <span class="sigla"><span class="siglum">A<\/span><\/span>; <span class="app-rdg tei-rdg">wrot<\/span>.*it<\/span>] <span class="app-cause">\(slip\)<\/span>; <span class="app-rdg tei-rdg">id<\/span>/);
  });

  it('follows the words a double-end-point entry spans with a space when no witness is implied', async () => {
    const source = doc(`${ANCHORED}<listApp><app from="#a1" to="#a2"><rdg wit="#B">wrot</rdg></app></listApp>`);
    assert.equal(entries(await toHtml(source)), '<li id="app-1" class="app-entry tei-app"><a class="app-number" href="#app-1-ref">1</a> '
      + '<span class="app-lemma">wrote</span>] <span class="app-rdg tei-rdg">wrot</span> <span class="sigla"><span class="siglum">B</span></span>.</li>');
    assert.equal(await toText(source), 'He wrote it.\n\nApparatus criticus\n\n1 wrote] wrot B.\n');
  });

  it('searches a body listApp\'s readings in the passage its call-out stands in, with no passage of its own', async () => {
    const source = doc(`${ANCHORED}<listApp><app from="#a1" to="#a2"><lem>wrote</lem><rdg wit="#B">wrot</rdg></app></listApp><p>After.</p>`);
    assert.deepEqual(await passages(source), [['para-1', 'He wrote it.', ['wrot']], ['para-2', 'After.', []]]);
  });

  it('searches a standOff apparatus\'s readings in the passage its call-out stands in', async () => {
    const source = inStandOff('<app from="#a1" to="#a2"><lem>wrote</lem><rdg wit="#B">wrot</rdg></app>');
    assert.match(entries(await toHtml(source)), /<a class="app-number" href="#app-1-ref">1<\/a> <span class="app-lemma tei-lem">wrote<\/span>] <span class="app-rdg tei-rdg">wrot<\/span>/);
    assert.deepEqual(await passages(source), [['para-1', 'He wrote it.', ['wrot']], ['para-2', 'After.', []]]);
  });

  it('searches an entry whose call-out the text does not show as its own passage, at the entry', async () => {
    const source = doc(`${ANCHORED}<listApp><app from="#gone" to="#gone2"><lem>wrote</lem><rdg wit="#B">wrot</rdg></app>`
      + '<app from="#a1" to="#a2"><rdg wit="#C">wrote</rdg></app><app loc="5"><lem>it</lem><rdg wit="#B">id</rdg></app></listApp><p>After.</p>');
    const page = await toHtml(source);
    // The page lists the two entries the text gives no call-out for after the one it does, and gives each an id.
    assert.match(entries(page), /^<li id="app-1" [^>]*><a class="app-number" href="#app-1-ref">1<\/a>.*<li id="app-2" [^>]*><span class="app-number">2<\/span> <span class="app-lemma tei-lem">wrote<\/span>.*<li id="app-3" [^>]*><span class="app-number">3<\/span> <span class="app-loc">5<\/span>: <span class="app-lemma tei-lem">it<\/span>/);
    // Each is found where it is read, as the plain text prints it, under the apparatus's heading (one passage with
    // no anchor and no words before).
    const records = (await searchRecords(source)).passages;
    assert.deepEqual(records.map((p) => [p[0], p[1], p[3], p[4], p[7]]), [
      ['para-1', '1', 'He wrote it.', ['wrote'], ''],
      ['app-2', '', '2 wrote] wrot B.', [], 'Apparatus criticus'],
      ['app-3', '', '3 5: it] id B.', [], 'Apparatus criticus'],
      ['para-2', '2', 'After.', [], ''],
    ]);
    assert.deepEqual((await toText(source)).split('\n\n').slice(3), ['1 wrote] wrote C.', '2 wrote] wrot B.', '3 5: it] id B.\n']);
  });
});
