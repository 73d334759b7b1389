/**
 * What the search index holds: each document's passages as
 * xslt/search/records.xsl finds them (the flagship and a fixture with
 * corrections, regularisations, an apparatus, notes, verse and a register),
 * and the records made of them (content, filters, sort keys, links).
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { compileStylesheet, readTeiSource, runStylesheet, teiSource, toHtml, type CompiledStylesheet } from '../../src/transform/index.js';
import { RECORDS_STYLESHEET } from '../../src/search/index.js';
import type { Entity } from '../../src/search/entities.js';
import { pageIds, readDocumentPassages, yearOf, yearsOf, LONGEST_SPAN_YEARS, type DocumentPassages, type Passage } from '../../src/search/passages.js';
import { RECORD_WORDS, documentLabels, documentRecords, entityFilter, indexLanguage, languageCounts, recordContent } from '../../src/search/records.js';
import { corporaDir, repoRoot } from '../support/paths.js';

const fixtures = join(repoRoot, 'test', 'fixtures', 'search');
const flagship = join(repoRoot, 'tei', '1923-opposition-ch01.xml');

let records: CompiledStylesheet;
async function passagesOf(file: string, ids: Iterable<string> = []): Promise<DocumentPassages> {
  return readDocumentPassages(String(runStylesheet(records, await readTeiSource(file))), new Set(ids));
}

const passage = (over: Partial<Passage>): Passage => ({
  anchor: 'p1', target: 'p1', number: '1', contains: [], text: '', forms: [], languages: ['en'], dates: [], heading: '', ...over,
});

describe('search: the passages of a document', function () {
  before(async () => {
    records = await compileStylesheet(RECORDS_STYLESHEET);
  });

  it('cuts the flagship at its paragraphs, with the ids and numbers its page gives them', async () => {
    const ids = [...Array(8).keys()].map((i) => `p${i + 1}`);
    const { passages, language, date } = await passagesOf(flagship, [...ids, 'ch01']);
    const paragraphs = passages.filter((p) => p.number !== '');
    assert.deepEqual(paragraphs.map((p) => [p.anchor, p.number]), ids.map((id) => [id, id.slice(1)]));
    assert.equal(language, 'en');
    assert.deepEqual(date, { when: '1923-10-08' }, 'the letter was sent on 8 October 1923 (correspDesc)');
    const p4 = paragraphs[3];
    assert.match(p4.text, /^Taking as his starting-point a recommendation of Dzerzhinsky’s commission Trotsky delivered a letter on October 8/);
    assert.equal(p4.heading, '1 Trotsky opens the attack');
    assert.deepEqual(p4.dates, [{ when: '1923-10-08' }]);
    assert.deepEqual(paragraphs[0].dates, [{ from: '1923-06-01', to: '1923-08-31' }, { when: '1923-08' }]);
    // The chapter's head is text outside paragraphs: it goes to the division's id, which the page has.
    const head = passages.find((p) => p.text === '1 Trotsky opens the attack');
    assert.deepEqual([head?.anchor, head?.target, head?.number], ['ch01', 'ch01', '']);
  });

  it('anchors every paragraph at an id its page has, numbered as the page numbers it', async () => {
    const novel = join(corporaDir, 'eltec', 'ELTeC-eng', 'level1', 'ENG18652_Carroll.xml');
    for (const file of [flagship, join(fixtures, 'letter.xml'), novel]) {
      const page = await toHtml(file);
      const ids = pageIds(page);
      const { passages } = await passagesOf(file, ids);
      const paragraphs = passages.filter((p) => p.number !== '');
      assert.ok(paragraphs.length > 0, file);
      for (const p of paragraphs) {
        assert.equal(p.target, p.anchor, `${file}: paragraph ${p.number} is anchored at ${p.anchor}, which its page has`);
        assert.ok(page.includes(`aria-label="Paragraph ${p.number}">`), `${file}: the page numbers paragraph ${p.number} so`);
      }
    }
  });

  it('gives each passage the reading text and, beside it, the forms the reading text does not show', async () => {
    const { passages } = await passagesOf(join(fixtures, 'letter.xml'));
    const [first, weather] = passages.filter((p) => p.number !== '');
    assert.match(first.text, /^I did receive your letter of 20 February, and the music you sent with it\.$/);
    assert.deepEqual(first.forms, ['recieve', 'musick']);
    assert.equal(first.anchor, 'para-1', 'a paragraph without xml:id is anchored as the page anchors it');
    assert.match(weather.text, /^The weather was fair from the winter before until now; George says so\. \[The writer means her brother\.\]$/, 'a note stays in its passage');
    assert.deepEqual(weather.forms, ['grew foul', 'Geo.']);
    assert.deepEqual(weather.dates, [{ from: '1904-11-01', to: '1905-01-31' }]);
    assert.deepEqual([weather.anchor, weather.number], ['weather', '2']);
  });

  it('keeps the languages in force and any used inside a passage', async () => {
    const { passages } = await passagesOf(join(fixtures, 'letter.xml'));
    assert.deepEqual(passages.find((p) => p.text.startsWith('We read'))?.languages, ['en', 'la']);
  });

  it('takes the language in force from the nearest xml:lang at any depth, its own first, an empty one naming none', async () => {
    const tei = `<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>
      <publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader>
      <text><body>
        <div xml:id="d1" xml:lang="la"><head>Caput</head><lg><l>Arma virumque</l><l xml:lang="it">Cantami o diva</l></lg>
          <sp xml:id="sp1"><speaker>Aeneas</speaker><p>Infandum</p><p xml:lang="">Nothing</p><p xml:lang="de">Unsagbar <foreign xml:lang="la">regina</foreign></p></sp>
          <div xml:lang="fr"><p>Chantons</p></div>
          loose words</div>
        <p>English</p>
      </body></text></TEI>`;
    const { passages } = readDocumentPassages(String(runStylesheet(records, teiSource(tei, 'languages.xml'))), new Set());
    assert.deepEqual(passages.map((p) => [p.text, p.languages]), [
      ['Caput Arma virumque Cantami o diva', ['la', 'it']],
      ['Aeneas', ['la']],
      ['Infandum', ['la']],
      ['Nothing', []],
      ['Unsagbar regina', ['de', 'la']],
      ['Chantons', ['fr']],
      ['loose words', ['la']],
      ['English', ['en']],
    ]);
  });

  it('gives each passage its members as records.xsl writes them, for text alone and for text with elements', () => {
    const tei = `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>
      <publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader>
      <text xml:lang="en"><body>
        <div xml:id="d1"><head>One</head>
          <p>Plain words</p>
          <div><p xml:lang="">No language</p><sp xml:id="sp1"><speaker>Ann</speaker><l>A line</l></sp></div>
          <div><head>Two</head>
            <p xml:id="p3">Some <choice><sic>wrods</sic><corr>words</corr></choice> on <date when="1905-02-01">1 February</date><date notBefore-iso="1904" to="1906"/>
              <note><p xml:id="inner">A <foreign xml:lang="la">nota</foreign></p></note></p>
            loose <hi>text</hi>
            <div><l>Still two</l></div>
            <div>Bare div</div>
          </div>
          <p/>
        </div>
      </body></text></TEI>`;
    const json = JSON.parse(String(runStylesheet(records, teiSource(tei, 'members.xml')))) as { passages: unknown[] };
    assert.deepEqual(json.passages, [
      ['d1', '', [], 'One', [], ['en'], [], 'One'],
      ['para-1', '1', [], 'Plain words', [], ['en'], [], 'One'],
      ['para-2', '2', [], 'No language', [], [], [], 'One'],
      ['sp1', '', [], 'Ann', [], ['en'], [], 'One'],
      ['sp1', '', [], 'A line', [], ['en'], [], 'One'],
      ['d1', '', [], 'Two', [], ['en'], [], 'Two'],
      ['p3', '3', ['inner'], 'Some words on 1 February [A nota]', ['wrods'], ['en', 'la'], [['1905-02-01', '', ''], ['', '1904', '1906']], 'Two'],
      ['d1', '', [], 'loose text', [], ['en'], [], 'Two'],
      ['d1', '', [], 'Still two', [], ['en'], [], 'Two'],
      ['d1', '', [], 'Bare div', [], ['en'], [], 'Two'],
    ]);
  });

  it('numbers paragraphs as the page does: n as given, those in notes counted, the anchor an xml:id or the number', () => {
    const tei = `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>
      <publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader>
      <text><body>
        <p>First</p>
        <p n="iv" xml:id="four">Given</p>
        <p>With <note><p>inside</p> <p xml:id="named">named</p></note> notes</p>
        <div><ab n="x">Block</ab><p>Last</p></div>
      </body></text></TEI>`;
    const json = JSON.parse(String(runStylesheet(records, teiSource(tei, 'numbers.xml')))) as { passages: unknown[][] };
    assert.deepEqual(json.passages.map((p) => [p[0], p[1], p[2], p[3]]), [
      ['para-1', '1', [], 'First'],
      ['four', 'iv', [], 'Given'],
      ['para-3', '3', ['para-4', 'named'], 'With [inside named] notes'],
      ['para-6', 'x', [], 'Block'],
      ['para-7', '7', [], 'Last'],
    ]);
  });

  it('keeps apart the words of blocks a note holds, however close the encoding sets them', () => {
    // Each block of the note (paragraphs, verse lines, items, cells, ab, a head) ends where the next begins, with no white space between.
    // (Verse, the list and the table stand inside: a line, an item or a cell at a note's edge has a space there, as always.)
    const blocks = [['p', 'one inside'], ['p', 'named two'], ['ab', 'ab one'], ['ab', 'ab two'], ['head', 'a head']];
    const tei = `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>
      <publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader>
      <text><body>
        <p>With <note>${blocks.slice(0, 2).map(([name, words]) => `<${name}>${words}</${name}>`).join('')}<lg><l>line one</l><l>line two</l></lg><list><item>item one</item><item>item two</item></list><table><row><cell>cell one</cell><cell>cell two</cell></row></table>${blocks.slice(2).map(([name, words]) => `<${name}>${words}</${name}>`).join('')}</note> end.</p>
      </body></text></TEI>`;
    const json = JSON.parse(String(runStylesheet(records, teiSource(tei, 'note-blocks.xml')))) as { passages: unknown[][] };
    const words = [...blocks.slice(0, 2).map(([, w]) => w), 'line one', 'line two', 'item one', 'item two', 'cell one', 'cell two', ...blocks.slice(2).map(([, w]) => w)];
    assert.equal(json.passages[0]![3], `With [${words.join(' ')}] end.`);
  });

  it('keeps in its passage a quotation, a reference or a title page\'s author set amid words outside paragraphs', () => {
    // A paragraph is one passage whatever it holds; a byline, a line of verse or a stage direction is one only when it holds no block.
    const tei = `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>
      <publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader>
      <text><front><titlePage><byline>by <docAuthor>Ann Lee</docAuthor></byline></titlePage></front><body>
        <lg><l>He said <quote>no more</quote>, and <cit><quote>quoted</quote> <bibl>Jones</bibl></cit> too.</l></lg>
      </body></text></TEI>`;
    const json = JSON.parse(String(runStylesheet(records, teiSource(tei, 'in-sentence.xml')))) as { passages: unknown[][] };
    assert.deepEqual(json.passages.map((p) => p[3]), ['by Ann Lee', 'He said “no more”, and “quoted” Jones too.']);
  });

  it('keeps a stage direction amid a line\'s words in the line\'s passage, and the items of an inline list apart', () => {
    const tei = `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>
      <publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader>
      <text><body>
        <sp><speaker>Ann</speaker><l>Come hither, <stage>kneels</stage> good sir.</l></sp>
        <p>Fruit: <list rend="inline"><item>quince</item><item>medlar</item></list>.</p>
      </body></text></TEI>`;
    const json = JSON.parse(String(runStylesheet(records, teiSource(tei, 'inline.xml')))) as { passages: unknown[][] };
    assert.deepEqual(json.passages.map((p) => p[3]), ['Ann', 'Come hither, (kneels) good sir.', 'Fruit: quince medlar.']);
  });

  it('puts no space between a note and punctuation after it, nor inside its brackets, signed or not', () => {
    const tei = `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>
      <publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader>
      <text><body>
        <p>A word<note> spaced note </note>. Then<note type="editorial">signed</note>, and<note>more</note> on.</p>
      </body></text></TEI>`;
    const json = JSON.parse(String(runStylesheet(records, teiSource(tei, 'note-marks.xml')))) as { passages: unknown[][] };
    assert.equal(json.passages[0]![3], 'A word [spaced note]. Then [signed — Ed.], and [more] on.');
  });

  it('makes verse outside paragraphs one passage at the nearest id, which links to the page top when the page has no such id', async () => {
    const { passages } = await passagesOf(join(fixtures, 'letter.xml'));
    const verse = passages.find((p) => p.text.includes('A verse that stands'));
    assert.equal(verse?.text, 'A verse that stands outside all paragraphs');
    assert.deepEqual([verse?.anchor, verse?.target], ['letter', '']);
  });

});

describe('search: the records of the index', () => {
  const ada: Entity = { element: 'person', name: 'Ada Lovelace', names: ['Ada Lovelace', 'Augusta Ada King', 'Ada'], at: [] };
  const bath: Entity = { element: 'place', name: 'Bath', names: ['Bath', 'Aquae Sulis'], at: [] };
  const known = new Map([['ada', ada], ['bath', bath]]);
  /** The entities of a document with these mentions, as the build's catalogue gives them: known entries only, in order of first mention. */
  const mentioned = (mentions: { entry: string; paragraph: string; text?: string }[]): Entity[] => {
    const entities = new Map<string, Entity>();
    for (const { entry, paragraph, text = '' } of mentions) {
      const entity = known.get(entry);
      if (!entity) continue;
      if (!entities.has(entry)) entities.set(entry, { ...entity, at: [] });
      entities.get(entry)!.at.push({ paragraph, text });
    }
    return [...entities.values()];
  };

  it('adds to the text each other form’s words that the text does not already have, once, and says where each passage starts', () => {
    const { content, spans } = recordContent([
      passage({ text: 'We met Ada’s friends in Bath.', forms: ['recieve', 'Bath'] }),
      passage({ anchor: 'p2', target: 'p2', number: '2', text: 'Nothing else.' }),
    ], [ada, bath]);
    assert.equal(content, 'We met Ada’s friends in Bath. ⟨ recieve ⟩ Nothing else. ⟨ Lovelace · Augusta King · Aquae Sulis ⟩');
    assert.deepEqual(spans, [{ offset: 0, target: 'p1', number: '1' }, { offset: 9, target: 'p2', number: '2' }]);
    assert.equal(content.split(/\s+/)[9], 'Nothing', 'offsets count words as Pagefind does');
    assert.equal(recordContent([passage({ text: 'Nothing else.' })], []).content, 'Nothing else.', 'no brackets when there is nothing to add');
  });

  it('joins the words of any white space by one space, and counts them as Pagefind does (split at white space)', () => {
    // Every kind of white space JavaScript's \s matches, around and between words, and passages with no words at all.
    const spaces = ['\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
    const texts = [` \n${spaces.join('a')}b\u00a0\u00a0c `, '', spaces.join(''), 'one', '\u3000two\tthree\u00a0'];
    const passages = texts.map((text, i) => passage({ anchor: `p${i}`, target: `p${i}`, number: String(i), text, forms: i === 4 ? ['  Two  four\u00a0 '] : [] }));
    const { content, spans } = recordContent(passages, [ada]);
    const words = (text: string) => text.split(/\s+/).filter((w) => w !== '');
    const expected = [...words(texts[0]), ...words(texts[3]), ...words(texts[4]), '⟨', 'four', '⟩', '⟨', 'Ada', 'Lovelace', '·', 'Augusta', 'King', '⟩'];
    assert.equal(content, expected.join(' '));
    let offset = 0;
    assert.deepEqual(spans.map((s) => s.offset), texts.map((text, i) => {
      const at = offset;
      offset += words(text).length + (i === 4 ? 3 : 0);
      return at;
    }), 'each passage starts after the words before it, none for a passage of white space');
    const grouped = documentRecords(letter(passages.slice(0, 4)), 0, context);
    assert.equal(grouped.length, 1, 'passages of white space alone are short passages like any other');
    assert.equal(grouped[0].content, words(texts.slice(0, 4).join(' ')).join(' '));
  });

  it('spaces a dash or an ellipsis between words for the index, and says which words follow one', () => {
    const { content, spans, joins } = recordContent([
      passage({ text: 'Mr. Grimstone—\'ee\'d it, the régime—which, 1923–1924, “Yes”—and well…perhaps' }),
      passage({ anchor: 'p2', target: 'p2', number: '2', text: 'A well-known word, a dash — apart, one at the end—' }),
      passage({ anchor: 'p3', target: 'p3', number: '3', text: 'Soo—oop of the e—e—evening' }),
    ], []);
    const words = content.split(' ');
    assert.equal(content, 'Mr. Grimstone— \'ee\'d it, the régime— which, 1923– 1924, “Yes”— and well… perhaps A well-known word, a dash — apart, one at the end— Soo— oop of the e— e— evening');
    assert.deepEqual(joins.map((i) => words[i]), ['\'ee\'d', 'which,', '1924,', 'and', 'perhaps', 'oop', 'e—', 'evening'], 'the words after a dash with no space, by their index in the content');
    assert.deepEqual(spans.map((s) => words[s.offset]), ['Mr.', 'A', 'Soo—'], 'each passage starts where its first word is, the spaces added counted');
    const [record] = documentRecords(letter([passage({ text: 'the régime—which' }), passage({ anchor: 'p2', target: 'p2', number: '2', text: 'no dash here' })]), 0, context);
    assert.equal(record.meta.joins, '2', 'the record lists them');
    assert.equal(documentRecords(letter([passage({ text: 'no dash here' })]), 0, context)[0].meta.joins, undefined, 'and has no list when there are none');
  });

  const letter = (passages: Passage[], mentions: { entry: string; paragraph: string; text?: string }[] = []) => ({
    name: 'letter', title: 'A letter', entities: mentioned(mentions), passages: { language: 'en', date: { when: '1905-03-02' }, passages },
  });
  const context = { language: 'en', label: 'A letter' };

  it('gives a passage its link, labels, filters and sort keys', () => {
    const document = letter(
      [passage({ text: 'Ada in Bath, 1904 to 1906.', contains: ['inner'], heading: 'To Ada', dates: [{ from: '1904', to: '1906' }], languages: ['en', 'la-Latn'] })],
      [{ entry: 'ada', paragraph: 'p1' }, { entry: 'bath', paragraph: 'inner' }, { entry: 'nobody', paragraph: 'p1' }],
    );
    const [record] = documentRecords(document, 3, context);
    assert.equal(record.url, '/letter/index.html#p1');
    assert.deepEqual(record.meta, { passages: '0:p1:1', heading: 'To Ada' });
    assert.deepEqual(record.filters, {
      document: ['A letter'], person: ['Ada Lovelace'], type: ['person', 'place'], place: ['Bath'], year: ['1904', '1905', '1906'], language: ['en', 'la'],
    }, 'entities by regularised name and type, a nested paragraph’s mentions with it, every year of the span, primary language subtags');
    assert.equal(record.language, 'en');
    assert.match(record.sort.order, /^d0000003p0000000$/);
    assert.match(record.sort.date, /^101905-03-02 /);
    assert.equal(record.sort.title, `a letter ${record.sort.order}`);
  });

  it('indexes short passages that filters cannot tell apart together, and keeps every other passage on its own', () => {
    const short = (n: number, over: Partial<Passage> = {}) => passage({ anchor: `p${n}`, target: `p${n}`, number: String(n), text: `Short paragraph ${n} of ten words, said the narrator once.`, ...over });
    const long = passage({ anchor: 'p7', target: 'p7', number: '7', text: 'word '.repeat(RECORD_WORDS + 5).trim() });
    const records = documentRecords(letter([short(1), short(2), short(3), short(4, { dates: [{ when: '1905' }] }), short(5), short(6), long, short(8)], [{ entry: 'ada', paragraph: 'p6' }]), 0, context);
    assert.deepEqual(records.map((r) => r.meta.passages), ['0:p1:1 10:p2:2 20:p3:3', '0:p4:4', '0:p5:5', '0:p6:6', '0:p7:7', '0:p8:8']);
    assert.deepEqual(records.map((r) => r.url), ['/letter/index.html#p1', '/letter/index.html#p4', '/letter/index.html#p5', '/letter/index.html#p6', '/letter/index.html#p7', '/letter/index.html#p8']);
    assert.deepEqual(records[1].filters.year, ['1905']);
    assert.deepEqual(records[3].filters.person, ['Ada Lovelace']);
    assert.equal(records[2].filters.person, undefined, 'a passage that mentions no one is not indexed with one that does');
    assert.equal(records[5].meta.passages, '0:p8:8', 'a passage long enough stands alone, and the next starts a record of its own');
  });

  it('gives a mention to the passage of its anchor that has the name, when several share the anchor', () => {
    const head = passage({ anchor: 'letter', target: 'letter', number: '', text: 'To Ada' });
    const verse = passage({ anchor: 'letter', target: 'letter', number: '', text: 'A verse' });
    const elsewhere = passage({ anchor: 'letter', target: 'letter', number: '', text: 'Another verse' });
    const mentions = [{ entry: 'ada', paragraph: 'letter', text: 'Ada' }, { entry: 'bath', paragraph: 'letter', text: 'Aquae Sulis' }];
    const records = documentRecords(letter([verse, head, elsewhere], mentions), 0, context);
    assert.deepEqual(records.map((r) => r.filters.person ?? []), [[], ['Ada Lovelace'], []]);
    assert.deepEqual(records.map((r) => r.filters.place ?? []), [['Bath'], [], []], 'a name found in none of them goes to the first');
  });

  it('links a passage without an anchor on the page to the page, and escapes names in the URL', () => {
    const document = { name: 'a b', title: 'T', entities: [], passages: { language: '', passages: [passage({ target: '', number: '' })] } };
    assert.equal(documentRecords(document, 0, { language: 'und', label: 'T' })[0].url, '/a%20b/index.html');
  });

  it('sorts undated documents after dated ones, and years before the common era before those after', () => {
    const key = (date?: { when: string }) => documentRecords({ name: 'd', title: 'd', entities: [], passages: { language: '', ...(date && { date }), passages: [passage({})] } }, 0,
      { language: 'en', label: 'd' })[0].sort.date;
    const keys = [key({ when: '1905' }), key(), key({ when: '-0044-03-15' }), key({ when: '0800' })];
    assert.deepEqual([...keys].sort(), [keys[2], keys[3], keys[0], keys[1]]);
  });

  it('finds the years of points, spans, and very long spans (their ends only)', () => {
    assert.deepEqual(yearsOf([{ when: '1923-10-08' }, { from: '1921', to: '1923-02' }]), [1921, 1922, 1923]);
    assert.deepEqual(yearsOf([{ from: '1000', to: String(1000 + LONGEST_SPAN_YEARS + 1) }]), [1000, 1000 + LONGEST_SPAN_YEARS + 1]);
    assert.deepEqual(yearsOf([{ to: '1500' }, { when: '--10-08' }, { when: 'c. 1900' }]), [1500], 'an open span gives its end; no year, nothing');
    assert.equal(yearOf('-0044'), -44);
  });

  it('indexes the edition in the language most passages are in, and names documents that share a title', () => {
    const passages = (language: string, count: number): DocumentPassages => ({ language, passages: Array.from({ length: count }, () => passage({ languages: [] })) });
    assert.equal(indexLanguage([passages('ru', 3), passages('en-GB', 5), passages('x-private', 9)].map(languageCounts)), 'en');
    assert.equal(indexLanguage([passages('', 2)].map(languageCounts)), 'und');
    const mixed: DocumentPassages = { language: 'ru', passages: [passage({ languages: ['de'] }), passage({ languages: [] }), passage({ languages: ['de-AT', 'la'] })] };
    assert.deepEqual(languageCounts(mixed), [['de', 2], ['ru', 1]], 'a passage\'s own language, else the document\'s');
    assert.equal(indexLanguage([languageCounts(mixed), languageCounts(passages('ru', 2))]), 'ru', 'counted over the edition');
    assert.deepEqual([...documentLabels([{ name: 'a', title: 'Letter' }, { name: 'b', title: 'Letter' }, { name: 'c', title: 'Diary' }]).values()],
      ['Letter (a)', 'Letter (b)', 'Diary']);
  });

  it('keeps entity filters clear of the fixed ones', () => {
    assert.equal(entityFilter('person'), 'person');
    assert.equal(entityFilter('year'), 'year-entity');
  });

  it('finds the ids of a page, entities decoded', () => {
    assert.deepEqual([...pageIds('<p id="p1">x</p><section class="a" id="a&amp;b"><a href="#p1">')], ['p1', 'a&b']);
  });

  it('reads the passages as a canonical value, merging neighbours that share an anchor outside paragraphs', () => {
    const json = JSON.stringify({
      // [anchor, number, contains, text, forms, languages, dates ([when, from, to] each), heading], as records.xsl gives them.
      passages: [
        ['d', '', [], 'Head', ['x'], ['en'], [], ''],
        ['d', '', [], 'line', ['y'], ['en', 'la'], [['1900', '', '']], ''],
        ['p3', '3', [], 'Para', [], [], [['', '1899', ''], ['', '', '']], 'Part'],
      ],
      language: 'en',
    });
    const read = readDocumentPassages(json, new Set(['p3']));
    assert.deepEqual(read.passages.map((p) => [p.anchor, p.target, p.text, p.forms, p.languages, p.dates]), [
      ['d', '', 'Head line', ['x', 'y'], ['en', 'la'], [{ when: '1900' }]],
      ['p3', 'p3', 'Para', [], [], [{ from: '1899' }]],
    ]);
    assert.deepEqual(read.passages.map((p) => [p.number, p.heading]), [['', ''], ['3', 'Part']]);
    assert.equal(JSON.stringify(read), JSON.stringify(readDocumentPassages(JSON.stringify(JSON.parse(json)), new Set(['p3']))));
  });
});
