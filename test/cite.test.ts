import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import {
  checkCslData, cite, citationBlock, citationSet, CITE_RULES, CSL_SCHEMA_RULE, headMetadata, passageItem,
  readCitable, serializeJsonLd, type CitableDocument, type CslItem,
} from '../src/cite/index.js';
import { STYLES, forOneItem, formatEntryAndCitation, formatHtml, usesNote, withoutUndatedOriginal, type StyleName } from '../src/cite/render.js';
import { toHtml } from '../src/transform/index.js';
import { repoRoot, cslDataSchema } from './support/paths.js';

const flagshipPath = new URL('../tei/1923-opposition-ch01.xml', import.meta.url).pathname;
const flagshipText = readFileSync(flagshipPath, 'utf8');
const repo = pathToFileURL(repoRoot + '/');
const cli = new URL('../bin/samizdat.js', import.meta.url).pathname;
const BASE = 'https://example.org/edition';

function flagship(baseUrl?: string): CitableDocument {
  const result = readCitable(flagshipText, flagshipPath, { baseUrl });
  assert.ok(result.ok, result.ok ? '' : result.problems.map((p) => p.message).join('\n'));
  return result.value;
}

/** The citation Citation.js's own `citation` format gives `item` in samizdat's `style` (HTML): what samizdat's citations must equal. */
async function citationJsCitation(item: CslItem, style: StyleName, locator?: { locator: string; label: 'paragraph' }): Promise<string> {
  await usesNote(style); // samizdat's styles registered
  const entry = [{ id: item.id, ...locator }];
  return (new Cite([withoutUndatedOriginal(item)]).format('citation', { template: `samizdat-${STYLES[style]}`, lang: 'en-US', format: 'html', entry }) as string).trim();
}

/** Asserts that the citation block of `document` gives every paragraph, in every style, what citeproc gives the paragraph cited alone; returns the block. */
async function assertEachCitedAsAlone(document: CitableDocument): Promise<Awaited<ReturnType<typeof citationBlock>> & { ok: true }> {
  const block = await citationBlock(document);
  assert.ok(block.ok);
  for (const { passage, html } of block.value.passages) {
    const alone = passageItem(document, passage.id);
    assert.ok(alone.ok);
    for (const style of ['chicago', 'mla', 'apa'] as const) {
      const expected = await formatHtml(alone.value.item, style, 'citation', { locator: passage.n, label: 'paragraph' });
      assert.equal(html[style], expected, `${document.file} ${passage.id} ${style}`);
    }
  }
  return block;
}

/** The CSL project's schema as shared with the project, compiled independently of src/cite. */
function sharedSchema() {
  const schema = JSON.parse(readFileSync(cslDataSchema, 'utf8'));
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}

describe('cite: the TEI header as CSL-JSON', () => {
  it('cites the flagship as a chapter of this edition, by Trotsky, in the collection', () => {
    const { item } = flagship();
    assert.equal(item.type, 'chapter');
    assert.equal(item.title, 'Trotsky opens the attack');
    assert.equal(item['container-title'], 'Documents of the 1923 opposition');
    assert.deepEqual(item.author, [{ family: 'Trotsky', given: 'L. D.' }]);
    assert.equal(item.publisher, 'The samizdat project');
    assert.deepEqual(item.issued, { 'date-parts': [[2026, 11, 25]] });
  });

  it('keeps the print source as the original, and the online transcription in the note', () => {
    const { item } = flagship();
    assert.equal(item['original-publisher'], 'New Park Publications');
    assert.equal(item['original-publisher-place'], 'London');
    assert.equal(item['original-date'], undefined, 'the year of the print edition is unknown and must not be guessed');
    assert.match(item.note ?? '', /Marxists’ Internet Archive/);
    assert.match(item.note ?? '', /https:\/\/www\.marxists\.org\/history\/etol\/document\/ilo\/1923-lo\/ch01\.htm/);
  });

  it('gives no URL without a base URL, and <base>/<name>/ with one', () => {
    assert.equal(flagship().item.URL, undefined);
    assert.equal(flagship(BASE).item.URL, `${BASE}/1923-opposition-ch01/`);
  });

  it('produces CSL-JSON that the shared CSL schema accepts', () => {
    const validate = sharedSchema();
    const data = [flagship(BASE).item];
    assert.ok(validate(data), JSON.stringify(validate.errors));
  });

  it('rejects an invalid CSL item, naming the field', () => {
    const broken = [{ id: 'x', type: 'chapter', title: 'A title', issued: { 'date-parts': 'last year' }, editorx: [] }];
    const problems = checkCslData(broken, 'broken.json');
    assert.ok(problems.length >= 2);
    assert.ok(problems.every((p) => p.ruleId === CSL_SCHEMA_RULE && p.file === 'broken.json'));
    assert.ok(problems.some((p) => p.message.includes('"issued.date-parts"')), problems.map((p) => p.message).join('\n'));
    assert.ok(problems.some((p) => p.message.includes('"editorx"')), problems.map((p) => p.message).join('\n'));
  });

  it('rejects a CSL item of an unknown type', () => {
    const problems = checkCslData([{ id: 'x', type: 'novel' }], 'x.json');
    assert.ok(problems.some((p) => p.message.includes('"type"')));
  });

  const corpora = [
    'shakedracor/tei', 'eltec/ELTeC-eng/level1', 'tei-stylesheets-tests',
  ].flatMap((dir) => readdirSync(new URL(`test/corpora/${dir}/`, repo)).filter((f) => f.endsWith('.xml')).map((f) => `${dir}/${f}`));

  // Not TEI at all (its root is <mediawiki>): answered with an error value, not a crash.
  const notTei = 'tei-stylesheets-tests/mediawiki2.xml';

  it('maps every corpus header to schema-valid CSL-JSON with a title', () => {
    assert.ok(corpora.length > 10, `only ${corpora.length} corpus files found`);
    const validate = sharedSchema();
    for (const file of corpora) {
      const path = new URL(`test/corpora/${file}`, repo).pathname;
      const result = readCitable(readFileSync(path, 'utf8'), path, { baseUrl: BASE });
      if (file === notTei) {
        assert.equal(!result.ok && result.problems[0]!.ruleId, CITE_RULES.noHeader);
        continue;
      }
      assert.ok(result.ok, `${file}: ${result.ok ? '' : result.problems.map((p) => p.message).join('; ')}`);
      assert.ok(validate([result.value.item]), `${file}: ${JSON.stringify(validate.errors)}`);
      if (!file.startsWith('tei-stylesheets-tests/')) assert.ok(result.value.item.title, `${file} has no title`);
    }
  });

  it('maps a play with its structured author and its editors', () => {
    const path = new URL('test/corpora/shakedracor/tei/a-midsummer-nights-dream.xml', repo).pathname;
    const result = readCitable(readFileSync(path, 'utf8'), path);
    assert.ok(result.ok);
    const { item } = result.value;
    assert.equal(item.title, 'A Midsummer Night’s Dream');
    assert.deepEqual(item.author, [{ family: 'Shakespeare', given: 'William' }]);
    assert.deepEqual(item.editor?.map((e) => e.family), ['Mowat', 'Werstine']);
    assert.equal(item.publisher, 'Folger Digital Texts');
    assert.deepEqual(item.issued, { 'date-parts': [[2017]] });
  });

  it('maps an ELTeC novel: inverted author with dates, DOI, and the 1840 print source', () => {
    const path = new URL('test/corpora/eltec/ELTeC-eng/level1/ENG18400_Trollope.xml', repo).pathname;
    const result = readCitable(readFileSync(path, 'utf8'), path);
    assert.ok(result.ok);
    const { item } = result.value;
    assert.deepEqual(item.author, [{ family: 'Trollope', given: 'Frances Milton' }]);
    assert.equal(item.DOI, '10.5281/zenodo.3462435');
    assert.deepEqual(item['original-date'], { 'date-parts': [[1840]] });
  });

  it('takes the first edition as the original, before the digital source it was transcribed from', () => {
    const path = new URL('test/corpora/eltec/ELTeC-eng/level1/ENG18482_Gaskell.xml', repo).pathname;
    const result = readCitable(readFileSync(path, 'utf8'), path);
    assert.ok(result.ok);
    const { item } = result.value;
    assert.deepEqual(item['original-date'], { 'date-parts': [[1848]] });
    assert.equal(item['original-publisher'], 'London: Chapman and Hall');
    assert.deepEqual(item['original-author'], [{ family: 'Gaskell', given: 'Mrs.' }]);
    assert.match(item.note ?? '', /^Edition of: .*1848\. Transcribed from: The Project Gutenberg eBook/);
  });

  it('decodes character references and internal entities in the header', () => {
    const tei = `<?xml version="1.0"?><!DOCTYPE TEI [<!ENTITY pub "Smith &amp; Sons">]>
      <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
        <titleStmt><title>Fish &amp; chips &#x2019;n&#8217; &lt;more&gt;</title><author>Smith, John</author></titleStmt>
        <publicationStmt><publisher>&pub;</publisher></publicationStmt>
        <sourceDesc><p>Born digital.</p></sourceDesc></fileDesc></teiHeader><text><body><p/></body></text></TEI>`;
    const result = readCitable(tei, 'inline.xml');
    assert.ok(result.ok);
    assert.equal(result.value.item.title, 'Fish & chips ’n’ <more>');
    assert.equal(result.value.item.publisher, 'Smith & Sons');
  });

  it('reports a document that is not XML as an error value, where the reading layer finds it', () => {
    const result = readCitable('this is not <xml', 'notes.txt');
    assert.equal(result.ok, false);
    const problem = !result.ok ? result.problems[0]! : undefined;
    assert.equal(problem?.ruleId, 'xml-wellformed');
    assert.deepEqual([problem?.file, problem?.line], ['notes.txt', 1]);
  });
});

describe('cite: BibTeX, RIS and formatted styles (Citation.js)', () => {
  it('writes BibTeX that Citation.js reads back to the same title and author', async () => {
    const bibtex = await cite(flagship(BASE), 'bibtex');
    assert.ok(bibtex.ok);
    assert.match(bibtex.value, /^@inbook\{/);
    const [back] = new Cite(bibtex.value).data as { title: string; author: { family: string; given: string }[]; 'container-title': string }[];
    assert.equal(back!.title, 'Trotsky opens the attack');
    assert.deepEqual(back!.author.map((a) => [a.family, a.given]), [['Trotsky', 'L. D.']]);
    assert.equal(back!['container-title'], 'Documents of the 1923 opposition');
  });

  it('writes RIS with TY, TI, AU and ER lines', async () => {
    const ris = await cite(flagship(BASE), 'ris');
    assert.ok(ris.ok);
    const lines = ris.value.split('\n');
    assert.equal(lines[0], 'TY  - CHAP');
    assert.ok(lines.includes('TI  - Trotsky opens the attack'));
    assert.ok(lines.includes('AU  - Trotsky, L. D.'));
    assert.ok(lines.includes('T2  - Documents of the 1923 opposition'));
    assert.ok(lines.includes(`UR  - ${BASE}/1923-opposition-ch01/`));
    assert.equal(lines.filter(Boolean).at(-1)!.trimEnd(), 'ER  -');
  });

  for (const [style, title, container] of [
    ['chicago', '“Trotsky Opens the Attack.”', 'In Documents of the 1923 Opposition'],
    ['mla', '“Trotsky Opens the Attack.”', 'Documents of the 1923 Opposition'],
    ['apa', 'Trotsky opens the attack.', 'In Documents of the 1923 opposition'],
  ] as const) {
    it(`formats the chapter in ${style} with author, title and collection`, async () => {
      const out = await cite(flagship(BASE), style);
      assert.ok(out.ok);
      assert.ok(out.value.startsWith('Trotsky, L. D.'), out.value);
      assert.ok(out.value.includes(title), out.value);
      assert.ok(out.value.includes(container), out.value);
      assert.ok(out.value.includes('The samizdat project'), out.value);
      assert.ok(out.value.includes(`${BASE}/1923-opposition-ch01/`), out.value);
      assert.ok(!out.value.includes('New Park'), `an undated original must not read as this edition's imprint: ${out.value}`);
    });
  }

  for (const style of ['chicago', 'mla', 'apa'] as const) {
    it(`cites paragraph 7 in ${style} as "para. 7" with the #p7 anchor`, async () => {
      const out = await cite(flagship(BASE), style, 'p7');
      assert.ok(out.ok);
      const [citation, bibliography] = out.value.trimEnd().split('\n');
      assert.ok(citation!.includes('para. 7'), citation);
      assert.ok(bibliography!.includes(`${BASE}/1923-opposition-ch01/#p7`), bibliography);
    });
  }

  it('puts the #p7 anchor in the passage CSL-JSON', async () => {
    const out = await cite(flagship(BASE), 'csl-json', 'p7');
    assert.ok(out.ok);
    const [item] = JSON.parse(out.value);
    assert.equal(item.URL, `${BASE}/1923-opposition-ch01/#p7`);
    assert.match(item.note, /^Paragraph 7 \(#p7\), in the letter of L\. D\. Trotsky/);
  });

  it('says when the cited paragraph belongs to the quoted letter', () => {
    const inLetter = passageItem(flagship(), 'p7');
    const inIntroduction = passageItem(flagship(), 'p2');
    assert.ok(inLetter.ok && inIntroduction.ok);
    assert.match(inLetter.value.item.note ?? '', /^Paragraph 7 \(#p7\), in the letter of L\. D\. Trotsky to Central Committee of the Russian Communist Party and Central Control Commission, 8 October 1923\./);
    assert.match(inIntroduction.value.item.note ?? '', /^Paragraph 2 \(#p2\)\. Edition of:/);
  });

  it('numbers a paragraph as its page does, counting the paragraphs and blocks that have no id', async () => {
    const file = 'numbers.xml';
    const text = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Numbers</title></titleStmt>'
      + '<publicationStmt><p>Test.</p></publicationStmt><sourceDesc><p>Made up.</p></sourceDesc></fileDesc></teiHeader>'
      + '<text><front><p>A song, with no id.</p></front><body><ab>A block.</ab><p xml:id="a">A.</p>'
      + '<div><p xml:id="b" n="iv">B.</p><p xml:id="c">C.<note place="foot"><p>In a note.</p></note></p></div>'
      + '<p xml:id="d">D.</p></body></text></TEI>';
    const read = readCitable(text, file);
    assert.ok(read.ok);
    const cited = new Map(read.value.passages.map((p) => [p.id, p.n]));
    const page = await toHtml({ text, file });
    const shown = new Map([...page.matchAll(/<a class="para-number" href="#([^"]+)" aria-label="Paragraph ([^"]+)">/g)].map(([, id, n]) => [id, n]));
    for (const id of ['a', 'b', 'c', 'd']) assert.equal(cited.get(id), shown.get(id), `#${id}: cited as ${cited.get(id)}, shown as ${shown.get(id)}`);
    // The front's paragraph and the block come before #a: it is the third, not the first citable one.
    assert.equal(cited.get('a'), '3');
    assert.equal(cited.get('b'), 'iv');
    const cslNote = passageItem(read.value, 'd');
    assert.ok(cslNote.ok);
    assert.match(cslNote.value.item.note ?? '', new RegExp(`^Paragraph ${shown.get('d')} \\(#d\\)`));
  });

  it('answers an unknown passage with an error listing the valid ones', async () => {
    const out = await cite(flagship(BASE), 'chicago', 'p99');
    assert.equal(out.ok, false);
    const [problem] = !out.ok ? out.problems : [];
    assert.equal(problem!.ruleId, CITE_RULES.unknownPassage);
    assert.match(problem!.message, /"p99"/);
    assert.match(problem!.message, /p1, p2, p3, p4, p5, p6, p7, p8/);
  });

  it('gives the HTML block the document and every paragraph in all formats', async () => {
    const block = await citationBlock(flagship(BASE));
    assert.ok(block.ok);
    assert.deepEqual(block.value.passages.map((p) => p.passage.id), ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8']);
    const seventh = block.value.passages[6]!;
    assert.equal(seventh.item.URL, `${BASE}/1923-opposition-ch01/#p7`);
    for (const style of ['chicago', 'mla', 'apa'] as const) {
      assert.match(seventh.html[style]!, /para\. 7/, style);
      assert.ok(!block.value.document.html[style]!.includes('para.'), style);
    }
    assert.match(block.value.document.bibtex, /title = \{Trotsky opens the attack\}/);
    assert.match(block.value.document.ris, /^TY {2}- CHAP/m);
  });

  it('gives HTML forms with the collection in italics', async () => {
    const block = await citationBlock(flagship(BASE));
    assert.ok(block.ok);
    const bibliography = block.value.document.html.chicago!;
    assert.ok(bibliography.includes('<i>Documents of the 1923 Opposition</i>'), bibliography);
    assert.ok(!bibliography.includes('csl-entry'), 'the wrapper divs are removed');
    assert.match(block.value.passages[6]!.html.mla!, /para\. 7/);
  });

  it('escapes markup from the header in the HTML forms', async () => {
    const tei = `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
        <titleStmt><title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;</title><author>Smith, John</author></titleStmt>
        <publicationStmt><publisher>P</publisher></publicationStmt>
        <sourceDesc><p>Born digital.</p></sourceDesc></fileDesc></teiHeader><text><body><p xml:id="p1">x</p></body></text></TEI>`;
    const document = readCitable(tei, 'hostile.xml');
    assert.ok(document.ok);
    const block = await citationBlock(document.value);
    assert.ok(block.ok);
    for (const style of ['chicago', 'mla', 'apa'] as const) {
      const bibliography = block.value.document.html[style]!;
      for (const html of [bibliography, block.value.passages[0]!.html[style]!]) {
        assert.ok(!/<script|<img/i.test(html), `${style}: ${html}`);
      }
      assert.match(bibliography, /&#60;script&#62;|&lt;script&gt;/, `${style}: ${bibliography}`);
    }
  });

  it('gives every paragraph the citation citeproc gives it alone, in every style', async function () {
    const play = readCitable(readFileSync(new URL('test/corpora/shakedracor/tei/cymbeline.xml', repo), 'utf8'), 'cymbeline.xml', { baseUrl: BASE });
    assert.ok(play.ok);
    const unusual = { ...flagship(BASE), passages: [...flagship(BASE).passages, { id: 'p-x', n: '7–8' }, { id: 'p-y', n: 'iv & v' }] };
    for (const document of [unusual, { ...play.value, passages: play.value.passages.slice(0, 12) }]) await assertEachCitedAsAlone(document);
  });

  it('gives paragraphs within several texts the citation each has alone, one stand-in serving texts whose names cannot set fields', async () => {
    // None of the styles uses the note, where the text a paragraph is within goes: the formatted citations do not depend on it.
    for (const style of ['chicago', 'mla', 'apa'] as const) assert.equal(await usesNote(style), false, style);
    const document = flagship(BASE);
    assert.ok(new Set(document.passages.map((p) => p.within)).size > 1, 'the flagship quotes a letter');
    // citeproc reads fields from a note ("{:type: book}" anywhere, "type: book" on a line): such a name gets a stand-in of its own.
    const named = { ...document, passages: [...document.passages, { id: 'p-h', n: '9', within: 'a letter {:type: book}' }, { id: 'p-l', n: '10', within: 'a letter\ntype: book' }] };
    const block = await assertEachCitedAsAlone(named);
    assert.match(block.value.passages.find((p) => p.passage.id === 'p-h')!.html.chicago!, /<i>Trotsky opens the attack<\/i>/i, 'the note made it a book');
  });

  it('gives a document without a URL the entries and paragraph citations each has alone, through one registry per style', async function () {
    const play = readCitable(readFileSync(new URL('test/corpora/shakedracor/tei/cymbeline.xml', repo), 'utf8'), 'cymbeline.xml');
    assert.ok(play.ok);
    const document = flagship();
    assert.equal(document.item.URL, undefined);
    // citeproc reads fields from the document's note too: a note that can set one leaves each paragraph a registry of its own.
    const notes = ['type: book', 'An edition.\ntype: book', 'An edition {:type: book}.', 'An edition: of a letter.'];
    for (const one of [document, { ...play.value, passages: play.value.passages.slice(0, 6) }, ...notes.map((note) => ({ ...document, item: { ...document.item, note } }))]) {
      const block = await assertEachCitedAsAlone(one);
      for (const style of ['chicago', 'mla', 'apa'] as const) {
        assert.equal(block.value.document.html[style], await formatHtml(one.item, style, 'bibliography'), `${one.file} ${one.item.note} ${style}`);
      }
    }
  });

  it('formats an item\'s entry and its citation in one registry as each alone', async () => {
    const items = [flagship(BASE).item, flagship().item, { ...flagship().item, id: 'a"$&<b>', title: 'A <i>rich</i> title' }];
    for (const item of items) {
      for (const style of ['chicago', 'mla', 'apa'] as const) {
        const locator = { locator: '12', label: 'paragraph' as const };
        const pair = await formatEntryAndCitation(item, style, locator);
        assert.equal(pair.bibliography, await formatHtml(item, style, 'bibliography'), `${item.id} ${style}`);
        assert.equal(pair.citation, await formatHtml(item, style, 'citation', locator), `${item.id} ${style}`);
        assert.equal(pair.citation, await citationJsCitation(item, style, locator), `${item.id} ${style}`);
      }
    }
  });

  it('gives, of items that tell apart only by what disambiguation looks at, in any order, the citation Citation.js gives', async function () {
    // formatEntryAndCitation and formatHtml render the citation without registering it (makeCitationCluster);
    // Citation.js's own citation format registers it (rebuildProcessorState) and runs disambiguation again. Items whose
    // names or years would set disambiguation going if two were in one registry, items citeproc decides by position
    // (Chicago notes) or has nothing for, one after another in the engines Citation.js reuses, must each give the
    // citation (and entry) Citation.js gives the item alone.
    const base = flagship().item;
    // Some carry fields samizdat never writes (accessed, volume): citeproc must treat them alike too.
    const items: (CslItem & { accessed?: CslItem['issued']; volume?: string; issue?: string; page?: string })[] = [
      base,
      { ...base, id: 'same-names', author: [{ family: 'Smith', given: 'John' }, { family: 'Smith', given: 'Mary' }, { family: 'Smith', given: 'J.' }] },
      { ...base, id: 'many', author: Array.from({ length: 9 }, (_, i) => ({ family: `Author${i}`, given: `Given ${i}` })), editor: [{ family: 'Ed', given: 'Itor' }] },
      { ...base, id: 'same-year', title: 'Trotsky opens the attack again', issued: { 'date-parts': [[2026]] } },
      { ...base, id: 'no-date', issued: undefined, author: [{ literal: 'The Central Committee' }] },
      { id: 'bare', type: 'book', title: 'A title' },
      { id: 'web', type: 'webpage', title: 'A page', URL: 'https://example.org/a?b=c&d', author: [{ family: 'Doe', given: 'Jane', 'non-dropping-particle': 'de' }], accessed: { 'date-parts': [[2024, 2, 29]] } },
      { ...base, id: 'original', 'original-date': { 'date-parts': [[1923, 10, 8]] }, 'original-title': 'Letter', DOI: '10.1/x' },
      { ...base, id: 'article', type: 'article-journal', 'container-title': 'A Journal', volume: '3', issue: '2', page: '10-20' },
    ];
    const locators = [{ locator: '12', label: 'paragraph' as const }, { locator: '918273645', label: 'paragraph' as const }, { locator: '7–8', label: 'paragraph' as const }];
    const expected = new Map<string, string>();
    for (const item of items) {
      for (const style of ['chicago', 'mla', 'apa'] as const) {
        expected.set(`${item.id} ${style} bibliography`, await formatHtml(item, style, 'bibliography'));
        for (const locator of locators) expected.set(`${item.id} ${style} ${locator.locator}`, await citationJsCitation(item, style, locator));
        expected.set(`${item.id} ${style} none`, await citationJsCitation(item, style));
      }
    }
    for (const order of [items, [...items].reverse(), [...items.slice(4), ...items.slice(0, 4)]]) {
      for (const [i, item] of order.entries()) {
        for (const style of ['chicago', 'mla', 'apa'] as const) {
          const locator = locators[i % locators.length]!;
          const pair = await formatEntryAndCitation(item, style, locator);
          assert.equal(pair.bibliography, expected.get(`${item.id} ${style} bibliography`), `${item.id} ${style}`);
          assert.equal(pair.citation, expected.get(`${item.id} ${style} ${locator.locator}`), `${item.id} ${style} ${locator.locator}`);
          // A citation alone in between, as citationBlock gives one for a paragraph that cites otherwise.
          assert.equal(await formatHtml(item, style, 'citation', locator), pair.citation, `${item.id} ${style} ${locator.locator} alone`);
          assert.equal(await formatHtml(item, style, 'citation'), expected.get(`${item.id} ${style} none`), `${item.id} ${style} alone, no locator`);
        }
      }
    }
  });

  it('gives a paragraph in every format at once (citationSet)', async () => {
    const one = passageItem(flagship(BASE), 'p7');
    assert.ok(one.ok);
    const set = await citationSet(one.value.item, one.value.passage);
    assert.equal(set.cslJson[0]!.URL, `${BASE}/1923-opposition-ch01/#p7`);
    assert.match(set.bibtex, /title = \{Trotsky opens the attack\}/);
    assert.match(set.ris, /UR {2}- .*#p7/);
    for (const style of ['chicago', 'mla', 'apa'] as const) {
      assert.match(set.formatted[style].citation, /para\. 7/, style);
      assert.match(set.formatted[style].html.citation, /para\. 7/, style);
      assert.match(set.formatted[style].bibliography, /Trotsky/, style);
    }
  });

  it('formats only the styles asked for', async () => {
    const block = await citationBlock(flagship(BASE), ['mla']);
    assert.ok(block.ok);
    assert.deepEqual(Object.keys(block.value.document.html), ['mla']);
    assert.deepEqual(Object.keys(block.value.passages[0]!.html), ['mla']);
  });

  it('refuses a passage that is not in the document before formatting anything', () => {
    const result = passageItem(flagship(), 'letter');
    assert.equal(result.ok, false);
  });
});

describe('cite: <head> metadata', () => {
  it('gives the Highwire tags Zotero reads for a chapter', () => {
    const { highwire } = headMetadata(flagship(BASE));
    const tag = (name: string) => highwire.filter((t) => t.name === name).map((t) => t.content);
    assert.deepEqual(tag('citation_title'), ['Trotsky opens the attack']);
    assert.deepEqual(tag('citation_author'), ['Trotsky, L. D.']);
    assert.deepEqual(tag('citation_publication_date'), ['2026/11/25']);
    assert.deepEqual(tag('citation_publisher'), ['The samizdat project']);
    assert.deepEqual(tag('citation_inbook_title'), ['Documents of the 1923 opposition']);
    assert.deepEqual(tag('citation_public_url'), [`${BASE}/1923-opposition-ch01/`]);
  });

  it('gives Dublin Core tags with the licence and the sources', () => {
    const { dublinCore } = headMetadata(flagship(BASE));
    const tag = (name: string) => dublinCore.filter((t) => t.name === name).map((t) => t.content);
    assert.deepEqual(tag('DC.title'), ['Trotsky opens the attack']);
    assert.deepEqual(tag('DC.creator'), ['Trotsky, L. D.']);
    assert.deepEqual(tag('DC.date'), ['2026-11-25']);
    const [rights, ...more] = tag('DC.rights');
    assert.equal(more.length, 0);
    assert.match(rights!, /Creative Commons Attribution 4\.0/);
    assert.match(rights!, /New Park Publications holds its copyright/);
    assert.ok(tag('DC.source').includes('https://www.marxists.org/history/etol/document/ilo/1923-lo/ch01.htm'));
  });

  it('gives a schema.org Chapter that is part of the collection and based on its sources', () => {
    const { jsonLd } = headMetadata(flagship(BASE));
    assert.equal(jsonLd['@type'], 'Chapter');
    assert.deepEqual(jsonLd.isPartOf, { '@type': 'Book', name: 'Documents of the 1923 opposition' });
    assert.deepEqual(jsonLd.author, [{ '@type': 'Person', name: 'L. D. Trotsky', givenName: 'L. D.', familyName: 'Trotsky' }]);
    const basedOn = jsonLd.isBasedOn as { publisher?: { name: string } }[];
    assert.deepEqual(basedOn.map((s) => s.publisher?.name), ['New Park Publications', 'Marxists’ Internet Archive']);
  });

  it('claims no licence for the flagship, whose text is under copyright (availability restricted)', () => {
    const { jsonLd } = headMetadata(flagship(BASE));
    assert.equal(jsonLd.license, undefined);
    assert.match(String(jsonLd.copyrightNotice), /New Park Publications holds its copyright/);
  });

  it('gives the licence of a document whose availability is not restricted', () => {
    const path = new URL('test/corpora/eltec/ELTeC-eng/level1/ENG18400_Trollope.xml', repo).pathname;
    const document = readCitable(readFileSync(path, 'utf8'), path);
    assert.ok(document.ok);
    assert.equal(headMetadata(document.value).jsonLd.license, 'https://creativecommons.org/licenses/by/4.0/');
  });

  it('serialises JSON-LD so that TEI text cannot close the script element', () => {
    const value = { name: 'A </script><script>alert(1)</script> & <!-- x -->', note: 'line\u2028para\u2029end' };
    const json = serializeJsonLd(value);
    assert.ok(!/[<>&\u2028\u2029]/.test(json), json);
    assert.ok(!json.toLowerCase().includes('</script'));
    assert.deepEqual(JSON.parse(json), value);
  });
});

describe('samizdat cite (CLI)', () => {
  const run = (...args: string[]) => spawnSync('node', [cli, 'cite', ...args], { encoding: 'utf8' });

  it('prints the CSL-JSON of a document and exits 0', () => {
    const result = run(flagshipPath);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout)[0].title, 'Trotsky opens the attack');
  });

  it('prints a passage in Chicago with --passage and --base-url', () => {
    const result = run(flagshipPath, '--format', 'chicago', '--passage', 'p7', '--base-url', BASE);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /para\. 7/);
    assert.match(result.stdout, /#p7/);
  });

  it('takes the base URL from site.baseUrl of samizdat.config.json in the current folder', () => {
    const folder = mkdtempSync(join(tmpdir(), 'samizdat-cite-'));
    try {
      writeFileSync(join(folder, 'samizdat.config.json'), JSON.stringify({ site: { baseUrl: 'https://configured.example/ed' } }));
      const result = spawnSync('node', [cli, 'cite', flagshipPath, '--format', 'ris'], { encoding: 'utf8', cwd: folder });
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /^UR {2}- https:\/\/configured\.example\/ed\/1923-opposition-ch01\/$/m);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('exits 1 on an unknown passage, naming the valid ones', () => {
    const result = run(flagshipPath, '--passage', 'p99');
    assert.equal(result.status, 1);
    assert.match(result.stderr, /cite:unknown-passage.*p1, p2/);
  });

  it('exits 1 on a file that is not TEI', () => {
    const result = run(new URL('schemas/samizdat-rules.sch', repo).pathname);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /cite:no-header/);
  });

  it('exits 2 on a missing file, an unknown format and a missing FILE', () => {
    assert.equal(run('no/such/file.xml').status, 2);
    const badFormat = run(flagshipPath, '--format', 'harvard');
    assert.equal(badFormat.status, 2);
    assert.match(badFormat.stderr, /--format must be one of csl-json, bibtex, ris, chicago, mla, apa/);
    assert.equal(run().status, 2);
  });

  it('loads Citation.js only when something is formatted', () => {
    const script = `
      import { createRequire } from 'node:module';
      import { readFileSync } from 'node:fs';
      const { readCitable, headMetadata, cite } = await import(${JSON.stringify(new URL('../lib/index.js', import.meta.url).href)});
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('@citation-js'));
      const document = readCitable(readFileSync(${JSON.stringify(flagshipPath)}, 'utf8'), 'f.xml');
      headMetadata(document.value);
      const before = loaded();
      await cite(document.value, 'bibtex');
      console.log(JSON.stringify({ before, after: loaded() }));`;
    const result = spawnSync('node', ['--input-type=module', '-e', script], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), { before: false, after: true });
  });

  it('explains itself with --help, with examples', () => {
    const result = run('--help');
    assert.equal(result.status, 0);
    assert.match(result.stdout, /Examples:/);
    assert.match(result.stdout, /--passage p7/);
  });
});

describe('cite: the styles as samizdat registers them (sort keys left out)', () => {
  const styleSources = (): Record<StyleName, string> => {
    const require = createRequire(import.meta.url);
    return {
      chicago: (require('@citation/csl-style-chicago-note-bibliography/info.json') as { content: string }).content,
      mla: readFileSync(new URL('../src/cite/styles/modern-language-association.csl', import.meta.url), 'utf8'),
      apa: (require('@citation-js/plugin-csl/lib/styles.json') as Record<string, string>).apa!,
    };
  };

  it('leaves out every <sort> and nothing else', () => {
    for (const [name, style] of Object.entries(styleSources())) {
      assert.match(style, /<sort>/, `${name}: the unabridged style has sort keys`);
      const trimmed = forOneItem(style);
      assert.doesNotMatch(trimmed, /<sort[\s/>]|<\/sort>|<key\b/, name);
      assert.equal(trimmed.match(/<macro\b/g)?.length, style.match(/<macro\b/g)?.length, `${name}: every macro kept`);
      assert.match(trimmed, /<\/bibliography>/, name);
    }
    assert.equal(forOneItem('<citation><sort/><layout/></citation><citation><sort\n/></citation>'), '<citation><layout/></citation><citation></citation>');
    assert.equal(forOneItem('<sort-of/><sorted>x</sorted>'), '<sort-of/><sorted>x</sorted>');
  });

  it('formats every corpus header exactly as the unabridged styles do', async () => {
    await formatHtml(flagship().item, 'apa', 'citation'); // registers samizdat's styles
    const config = plugins.config.get('@csl');
    const sources = styleSources();
    for (const name of Object.keys(sources) as StyleName[]) config.styles.add(`unabridged-${name}`, sources[name]);
    const dirs = ['shakedracor/tei', 'eltec/ELTeC-eng/level1'];
    const files = [flagshipPath, ...dirs.flatMap((dir) => readdirSync(new URL(`test/corpora/${dir}/`, repo)).filter((f) => f.endsWith('.xml')).map((f) => new URL(`test/corpora/${dir}/${f}`, repo).pathname))];
    for (const file of files) {
      const read = readCitable(readFileSync(file, 'utf8'), file, { baseUrl: BASE });
      assert.ok(read.ok, file);
      const item = read.value.item;
      for (const name of Object.keys(STYLES) as StyleName[]) {
        const options = { template: `unabridged-${name}`, lang: 'en-US', format: 'html' };
        const cite = new Cite([withoutUndatedOriginal(item)]);
        const bibliography = cite.format('bibliography', options) as string;
        assert.ok(bibliography.includes(await formatHtml(item, name, 'bibliography')), `${file} ${name} bibliography`);
        const located = cite.format('citation', { ...options, entry: [{ id: item.id, locator: '7', label: 'paragraph' }] }) as string;
        assert.equal(await formatHtml(item, name, 'citation', { locator: '7', label: 'paragraph' }), located.trim(), `${file} ${name} citation`);
      }
    }
  });
});
