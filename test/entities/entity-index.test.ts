/**
 * The entity index's model (src/entities): sorting and letters as a reader
 * expects them, aliases, paging of a large part, and the check of a page's
 * entity links against the edition.
 */
import { strict as assert } from 'node:assert';
import { Catalogue, entityIndex, letterOf, linkedAnchors, relink, sortKey, type Entry, type Mention } from '../../src/entities/index.js';

function entry(anchor: string, name: string, extra: Partial<Entry> = {}): Entry {
  return {
    anchor, id: anchor.split(':').pop()!, element: 'person', type: 'persons', subtype: '', names: [{ text: name }], sortName: name,
    descriptions: [], notes: [], dates: [], occupations: [], affiliations: [], idnos: [], links: [], ...extra,
  };
}

function mention(document: string, anchor: string, paragraph: string): Mention {
  return { document, entry: anchor, kind: 'name', element: 'persName', text: anchor, before: '', after: '', paragraph, paragraphNumber: paragraph.slice(1) };
}

describe('the entity index model', () => {
  it('sorts without regard to accents, case or leading punctuation, and files each name under its letter', () => {
    const names = ['Zoë', 'émile', 'Ärger', '’s-Hertogenbosch', 'abbot', 'Ébert', '1923 group', 'Москва'];
    assert.deepEqual(names.map(sortKey).sort(), ['1923 group', 'abbot', 'arger', 'ebert', 'emile', 's-hertogenbosch', 'zoe', 'москва']);
    assert.deepEqual(['Ärger', 'Ébert', '1923 group', 'Москва', '…'].map((n) => letterOf(sortKey(n))), [
      { label: 'A', key: 'a' }, { label: 'E', key: 'e' }, { label: '0–9', key: 'digits' }, { label: 'М', key: 'u43c' }, { label: '#', key: 'other' },
    ]);
  });

  it('shows an alias\'s mentions and names on the entry it is the same as, and not the alias itself', () => {
    const catalogue = new Catalogue([
      { name: 'register.xml', register: true, entries: [entry('guido', 'Guido')], relations: [] },
      { name: 'doc', register: false, title: 'Doc', entries: [entry('doc:abbot', 'the abbot', { sameAs: 'guido' })], relations: [] },
    ]);
    const index = entityIndex({ catalogue, mentions: [mention('doc', 'doc:abbot', 'p1'), mention('doc', 'guido', 'p2')], documents: [{ name: 'doc', title: 'Doc' }] });
    const [part] = index.pages[0].parts;
    assert.deepEqual(part.groups.flatMap((g) => g.entries.map((e) => e.anchor)), ['guido']);
    const guido = part.groups[0].entries[0];
    assert.deepEqual(guido.otherNames, [{ text: 'the abbot', qualifiers: [] }]);
    assert.deepEqual(guido.mentions.map((m) => m.href), ['../doc/index.html#p1', '../doc/index.html#p2']);
    assert.equal(index.hrefOf('doc:abbot'), 'index.html#guido');
    assert.equal(index.hrefOf('nobody'), undefined);
  });

  it('follows @sameAs no further than a loop', () => {
    const catalogue = new Catalogue([{ name: 'r', register: true, relations: [], entries: [entry('a', 'A', { sameAs: 'b' }), entry('b', 'B', { sameAs: 'a' })] }]);
    assert.equal(catalogue.canonical('a'), 'b');
    assert.equal(catalogue.canonical('b'), 'a');
  });

  it('keeps the first of two entries with the same anchor and says so', () => {
    const catalogue = new Catalogue([
      { name: 'a.xml', register: true, relations: [], entries: [entry('x', 'First')] },
      { name: 'b.xml', register: true, relations: [], entries: [entry('x', 'Second')] },
    ]);
    assert.equal(catalogue.entry('x')!.names[0].text, 'First');
    assert.deepEqual(catalogue.duplicates, [{ anchor: 'x', kept: 'a.xml', ignored: 'b.xml' }]);
  });

  it('gives a large part a page per letter, and sends each anchor to its page', () => {
    const entries = Array.from({ length: 40 }, (_, i) => entry(`doc:p${i}`, `${String.fromCharCode(65 + (i % 4))}name ${String(i).padStart(2, '0')}`));
    const places = [entry('doc:rome', 'Rome', { type: 'places', element: 'place' })];
    const catalogue = new Catalogue([{ name: 'doc', register: false, title: 'Doc', relations: [], entries: [...entries, ...places] }]);
    const index = entityIndex({ catalogue, mentions: [], documents: [{ name: 'doc', title: 'Doc' }], pageSize: 10 });
    assert.deepEqual(index.pages.map((p) => p.file), ['index.html', 'persons-a.html', 'persons-b.html', 'persons-c.html', 'persons-d.html']);
    const [persons, placesPart] = index.pages[0].parts;
    assert.equal(persons.paged, true);
    assert.deepEqual(persons.groups, [], 'the index page gives the letters only');
    assert.deepEqual(persons.letters.map((l) => `${l.label}:${l.count}:${l.href}`), ['A:10:persons-a.html', 'B:10:persons-b.html', 'C:10:persons-c.html', 'D:10:persons-d.html']);
    assert.equal(placesPart.paged, false);
    assert.equal(index.hrefOf('doc:p5'), 'persons-b.html#doc%3Ap5');
    assert.equal(index.hrefOf('doc:rome'), 'index.html#doc%3Arome');
    const b = index.pages[2];
    assert.deepEqual(b.parts[0].groups[0].entries.map((e) => e.heading).slice(0, 3), ['Bname 01', 'Bname 05', 'Bname 09']);
  });

  it('gives each of a thousand entries its share of a hundred thousand mentions', () => {
    // How long it takes is the bench's business (bench/entities.ts); here, that nothing is lost or misfiled at scale.
    const entries = Array.from({ length: 1000 }, (_, i) => entry(`d:e${i}`, `Name ${i}`));
    const catalogue = new Catalogue([{ name: 'd', register: false, title: 'D', relations: [], entries }]);
    const mentions = function* (): Generator<Mention> {
      for (let i = 0; i < 100_000; i++) yield mention('d', `d:e${i % 1000}`, `p${i}`);
    };
    const index = entityIndex({ catalogue, mentions: mentions(), documents: [{ name: 'd', title: 'D' }] });
    const counts = index.pages.flatMap((p) => p.parts.flatMap((part) => part.groups.flatMap((g) => g.entries.map((e) => e.mentions.length))));
    assert.equal(counts.length, 1000);
    assert.ok(counts.every((n) => n === 100));
  });
});

describe('entity links on a page, checked against the edition', () => {
  const page = [
    '<p>Text with &lt;a class="entity" href="../entities/index.html#fake"&gt; written in it.</p>',
    '<a class="entity tei-persName" href="../entities/index.html#trotsky">Trotsky</a>',
    '<a class="entity tei-persName" href="../entities/index.html#doc%3Anobody">Nobody</a>',
    '<a class="entity tei-persName" href="../entities/index.html#doc%3Aabbot">the abbot</a>',
    '<a class="entity authority-link tei-persName" href="https://viaf.org/viaf/1">VIAF</a>',
  ].join('\n');

  it('reads the anchors of entity links, and only of links', () => {
    assert.deepEqual(linkedAnchors(page, '../entities/index.html'), ['trotsky', 'doc:nobody', 'doc:abbot']);
  });

  it('sends each link where its entry is shown and takes the href off a link to no entry, leaving text alone', () => {
    const shown = new Map([['trotsky', '../entities/index.html#trotsky'], ['doc:abbot', '../entities/persons-g.html#guido']]);
    const relinked = relink(page, '../entities/index.html', (anchor) => shown.get(anchor));
    assert.equal(relinked, [
      '<p>Text with &lt;a class="entity" href="../entities/index.html#fake"&gt; written in it.</p>',
      '<a class="entity tei-persName" href="../entities/index.html#trotsky">Trotsky</a>',
      '<a class="entity tei-persName unresolved">Nobody</a>',
      '<a class="entity tei-persName" href="../entities/persons-g.html#guido">the abbot</a>',
      '<a class="entity authority-link tei-persName" href="https://viaf.org/viaf/1">VIAF</a>',
    ].join('\n'));
  });
});
