/**
 * Entities wherever an edition keeps them, built from the fixture edition in
 * test/fixtures/entities/edition (see its files' comments):
 *
 * - storage places: the header's particDesc and settingDesc (cartulary.xml,
 *   lists nested, places within places), a document's standOff and back
 *   (letters.xml), a register (register.xml), another document of the
 *   edition (persons.xml, pointed at as persons.xml#dante);
 * - pointers: @ref="#id", @key, @corresp, @who, @sameAs, several tokens, a
 *   prefixDef, relative and absolute file URIs, authority URIs;
 * - the index: parts by type, letters, names regularised first, dates,
 *   occupation, places within places with coordinates, relations, authority
 *   records, every mention in its words' context linking to its paragraph;
 *   a page per letter when a part is large;
 * - every link on every page leads somewhere.
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildReport } from '../../src/build/index.js';
import { repoRoot } from '../support/paths.js';
import { brokenLinks, externalLinks, htmlPages } from '../support/links.js';

const fixtures = join(repoRoot, 'test', 'fixtures', 'entities', 'edition');

/** The HTML of one entry of the index, by its anchor. */
function entryOf(index: string, anchor: string): string {
  const start = index.indexOf(`<article class="entry" id="${anchor}"`);
  assert.ok(start >= 0, `the index has an entry ${anchor}`);
  return index.slice(start, index.indexOf('</article>', start));
}

/** Visible text of some HTML, spaces normalised. */
const text = (html: string): string => html.replace(/<\/?(?:dt|dd|dl|h\d|p|li|ul|section|article)\b[^>]*>/g, ' ').replace(/<[^>]+>/g, '')
  .replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();

/** The entity links of a page: [href, words]. */
function entityLinks(page: string): [string, string][] {
  return [...page.matchAll(/<a class="entity[^"]*" href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => [m[1], text(m[2])]);
}

describe('entities wherever the edition keeps them (fixture edition)', function () {
  this.timeout(300_000);
  const scratch = mkdtempSync(join(tmpdir(), 'samizdat-entities-'));
  const out = join(scratch, 'dist');
  let report: BuildReport;
  let index: string;
  let cartulary: string;
  let letters: string;

  before(async () => {
    report = await build(fixtures, { out, buildCacheDir: join(scratch, 'cache'), jobs: 1 });
    assert.deepEqual(report.diagnostics, []);
    index = readFileSync(join(out, 'entities', 'index.html'), 'utf8');
    cartulary = readFileSync(join(out, 'cartulary', 'index.html'), 'utf8');
    letters = readFileSync(join(out, 'letters', 'index.html'), 'utf8');
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  describe('where entries are kept', () => {
    it('lists the entries of a header: particDesc (nested lists, groups) and settingDesc (places within places)', () => {
      for (const anchor of ['cartulary:rainerius', 'cartulary:berta', 'cartulary:ugo', 'cartulary:albertus', 'cartulary:monks', 'cartulary:lucca', 'cartulary:massa', 'cartulary:tuscany']) entryOf(index, anchor);
    });

    it('lists the entries of a document\'s standOff and back', () => {
      assert.match(entryOf(index, 'letters:synod'), /<h3 id="letters:synod-name">Synod of Lucca<\/h3>/);
      assert.match(entryOf(index, 'letters:abbey'), /Abbey of San Salvatore/);
      assert.match(entryOf(index, 'letters:chronicle'), /Chronicle of the Abbey[\s\S]*<dt>Author<\/dt>\s*<dd>An anonymous monk<\/dd>/);
      assert.match(entryOf(index, 'persons:dante'), /<dt>Occupation<\/dt>\s*<dd>poet<\/dd>/);
    });

    it('lists a register\'s entries under their own xml:id, and says where a document\'s entries are kept', () => {
      for (const anchor of ['guido', 'matilda', 'chapter', 'orphan']) assert.doesNotMatch(entryOf(index, anchor), /Listed in/);
      assert.match(entryOf(index, 'cartulary:berta'), /<dt>Listed in<\/dt>\s*<dd><a href="\.\.\/cartulary\/index\.html">Cartulary of San Salvatore: three charters<\/a>/);
    });

    it('does not take a header\'s sources, nor an alias, for entries', () => {
      assert.ok(!index.includes('id="cartulary:the-abbot"'), 'the abbot is the same as the register\'s Guido');
      assert.match(entryOf(index, 'guido'), /<dt>Other names<\/dt>\s*<dd>Guido abbas \(la\); the abbot<\/dd>/);
    });

    it('files each entry under its type, types in a fixed order, with the number of entries', () => {
      const parts = [...index.matchAll(/<h2 id="part:(\w+):">([^<]+)<\/h2>/g)].map((m) => `${m[1]}=${m[2]}`);
      assert.deepEqual(parts, ['persons=Persons and groups', 'places=Places', 'organisations=Organisations', 'events=Events and periods', 'works=Works']);
      assert.match(index, /<a href="#part%3Apersons%3A">Persons and groups<\/a> \(9\)/);
    });
  });

  describe('how names point at entries', () => {
    it('@ref="#id" into the header, linking to the entry in the index', () => {
      assert.ok(entityLinks(cartulary).some(([href, words]) => href === '../entities/index.html#cartulary%3Aberta' && words === 'Berta'));
    });

    it('@key naming an entry of the document, and of a register', () => {
      assert.ok(entityLinks(cartulary).some(([href, words]) => href === '../entities/index.html#cartulary%3Alucca' && words === 'Lucca'));
      assert.match(cartulary, /<a class="entity tei-placeName" href="\.\.\/entities\/index\.html#cartulary%3Alucca">Lucca<\/a>, in the presence/);
      assert.ok(entityLinks(letters).some(([href, words]) => href === '../entities/index.html#matilda' && words === 'The countess'));
    });

    it('@corresp, and @who of words said (a mention, with the words as context)', () => {
      assert.ok(entityLinks(cartulary).some(([href, words]) => href === '../entities/index.html#cartulary%3Aalbertus' && words === 'Albertus'));
      assert.match(entryOf(index, 'cartulary:rainerius'), /<mark>I have written and completed it<\/mark>/);
    });

    it('@sameAs: a name pointing at an alias links to the entry it is the same as', () => {
      assert.ok(entityLinks(cartulary).some(([href, words]) => href === '../entities/index.html#guido' && words === 'the abbot'));
      assert.match(entryOf(index, 'guido'), /paragraph 1<\/a>: <span class="kwic">[^<]*gives to <mark>the abbot<\/mark>/);
    });

    it('several tokens: the name links to the first entry, the others follow as numbered links, and each entry lists the mention', () => {
      assert.match(cartulary, /<a class="entity tei-persName" href="\.\.\/entities\/index\.html#cartulary%3Aberta">Berta and her late husband<\/a><sup class="entity-also"><a class="entity" href="\.\.\/entities\/index\.html#cartulary%3Augo" aria-label="2: Ugo">2<\/a><\/sup>/);
      for (const anchor of ['cartulary:berta', 'cartulary:ugo']) assert.match(entryOf(index, anchor), /<mark>Berta and her late husband<\/mark>/);
    });

    it('a prefixDef, a relative file pointer into a register and into another document', () => {
      assert.ok(entityLinks(cartulary).some(([href, words]) => href === '../entities/index.html#chapter' && words === 'chapter'), 'reg:chapter');
      assert.ok(entityLinks(letters).some(([href, words]) => href === '../entities/index.html#guido' && words === 'Guido'), 'register.xml#guido');
      assert.ok(entityLinks(letters).some(([href, words]) => href === '../entities/index.html#persons%3Adante' && words === 'Dante'), 'persons.xml#dante');
      assert.match(entryOf(index, 'persons:dante'), /Letters about the abbey, paragraph 1<\/a>[\s\S]*Notes on persons, paragraph 1<\/a>/);
    });

    it('links a title to the work it names', () => {
      assert.match(letters, /<cite class="tei-title"><a class="entity name-link" href="\.\.\/entities\/index\.html#letters%3Achronicle">the Chronicle<\/a><\/cite>/);
    });

    it('links out an authority URI, naming the authority: VIAF, Wikidata, GND, GeoNames, ORCID, Pleiades, TGN, and any other site by its host', () => {
      const out = [...cartulary.matchAll(/<a class="entity authority-link [^"]*" href="([^"]+)">([^<]+?)\s*<span class="authority-name">([^<]+)<\/span><\/a>/g)]
        .map((m) => [m[1], m[2].replace(/\s+/g, ' '), m[3]]);
      assert.deepEqual(out, [
        ['https://www.geonames.org/3174530', 'Lucca', 'GeoNames'],
        ['https://viaf.org/viaf/34551336', 'Frederick Barbarossa', 'VIAF'],
        ['https://www.wikidata.org/wiki/Q130221', 'Urban III', 'Wikidata'],
        ['https://d-nb.info/gnd/118535838', 'Henry VI', 'GND'],
        ['https://orcid.org/0000-0002-1825-0097', 'a modern cataloguer', 'ORCID'],
        ['https://pleiades.stoa.org/places/413195', 'Luca', 'Pleiades'],
        ['https://vocab.getty.edu/page/tgn/7003172', 'Tuscia', 'TGN'],
        ['https://example.org/places/77', 'a farm', 'example.org'],
      ]);
    });

    it('an absolute file: URI to a file of the edition, as a relative one', async () => {
      const folder = join(scratch, 'absolute');
      const tei = join(folder, 'tei');
      mkdirSync(tei, { recursive: true });
      copyFileSync(join(fixtures, 'register.xml'), join(tei, 'register.xml'));
      copyFileSync(join(fixtures, 'persons.xml'), join(tei, 'persons.xml'));
      const absolute = pathToFileURL(join(tei, 'persons.xml')).href;
      writeFileSync(join(tei, 'letters.xml'), readFileSync(join(fixtures, 'letters.xml'), 'utf8').replace('ref="persons.xml#dante"', `ref="${absolute}#dante"`));
      const built = await build(tei, { out: join(folder, 'dist'), buildCacheDir: join(folder, 'cache'), jobs: 1 });
      assert.deepEqual(built.diagnostics, []);
      const page = readFileSync(join(folder, 'dist', 'letters', 'index.html'), 'utf8');
      assert.ok(entityLinks(page).some(([href, words]) => href === '../entities/index.html#persons%3Adante' && words === 'Dante'));
    });
  });

  it('names two registers of the same file name by their paths when both keep an anchor, and blames the second', async () => {
    const folder = join(scratch, 'two-registers');
    const tei = join(folder, 'tei');
    mkdirSync(join(tei, 'drafts'), { recursive: true });
    copyFileSync(join(fixtures, 'register.xml'), join(tei, 'register.xml'));
    copyFileSync(join(fixtures, 'register.xml'), join(tei, 'drafts', 'register.xml'));
    const built = await build(tei, { out: join(folder, 'dist'), buildCacheDir: join(folder, 'cache'), jobs: 1 });
    const guido = built.diagnostics.filter((d) => d.message.includes('the anchor "guido"'));
    assert.equal(guido.length, 1, JSON.stringify(built.diagnostics));
    assert.equal(guido[0]!.severity, 'warning');
    const [first, second] = [join(tei, 'register.xml'), join(tei, 'drafts', 'register.xml')].sort();
    const label = (file: string) => (file === join(tei, 'register.xml') ? 'register.xml' : join('drafts', 'register.xml'));
    assert.match(guido[0]!.message, new RegExp(`in ${label(first!)} and in ${label(second!)};`.replace(/\./g, '\\.')));
    assert.equal(guido[0]!.file, second);
  });

  describe('the index a historian wants', () => {
    it('sorts each part by regularised name (surname first where the name is structured), under a letter bar', () => {
      const persons = index.slice(index.indexOf('<h2 id="part:persons:">'), index.indexOf('<h2 id="part:places:">'));
      const headings = [...persons.matchAll(/<h3 id="[^"]+">([^<]+)<\/h3>/g)].map((m) => m[1]);
      assert.deepEqual(headings, ['Albertus', 'Dante Alighieri', 'Berta', 'Rainerius de Podio', 'Guido of San Salvatore', 'Matilda of Canossa', 'Monks of San Salvatore', 'Nobody Mentioned', 'Ugo']);
      const letters = [...persons.slice(0, persons.indexOf('</nav>')).matchAll(/<a href="([^"]+)" aria-label="([^"]+)">([^<]+)<\/a>/g)].map((m) => `${m[3]}:${m[2]}`);
      assert.deepEqual(letters, ['A:A: 2 entries', 'B:B: 1 entry', 'D:D: 1 entry', 'G:G: 1 entry', 'M:M: 2 entries', 'N:N: 1 entry', 'U:U: 1 entry']);
      assert.match(persons, /<a href="index\.html#letter%3Apersons%3Am" aria-label="M: 2 entries">M<\/a>[\s\S]*<div class="letter-group" id="letter:persons:m">/);
    });

    it('gives the regularised name first, then the variants with their language and kind', () => {
      const entry = entryOf(index, 'cartulary:rainerius');
      assert.match(entry, /<h3 id="cartulary:rainerius-name">Rainerius de Podio<\/h3>/);
      assert.match(entry, /<dt>Other names<\/dt>\s*<dd>Ranieri del Poggio \(it\)<\/dd>/);
    });

    it('gives dates of birth (with its place, linked), death and activity, an occupation and an affiliation', () => {
      const rainerius = text(entryOf(index, 'cartulary:rainerius'));
      // Dates in words, worded as the page's date titles word them (common/dates.xsl; stop 40: "1212-03-04", "before 1186").
      assert.match(rainerius, /Born between 1150 and 1160, Lucca Died 4 March 1212 Sex M Occupation notary Affiliation chapter of San Martino/);
      assert.match(entryOf(index, 'cartulary:rainerius'), /<dt>Died<\/dt>\s*<dd><time datetime="1212-03-04">4 March 1212<\/time><\/dd>/);
      assert.match(entryOf(index, 'cartulary:rainerius'), /<dt>Born<\/dt>\s*<dd>between <time datetime="1150">1150<\/time> and <time datetime="1160">1160<\/time>, <a href="index\.html#cartulary%3Alucca">Lucca<\/a><\/dd>/);
      assert.match(text(entryOf(index, 'cartulary:berta')), /Active from 1180 to 1195/);
      assert.match(text(entryOf(index, 'cartulary:ugo')), /Died not after 1186/);
      assert.match(text(entryOf(index, 'persons:dante')), /Died 14 September 1321 \(in Ravenna\)/);
      assert.match(entryOf(index, 'letters:chronicle'), /<dt>Date<\/dt>\s*<dd><time datetime="1200">c\. 1200<\/time><\/dd>/);
    });

    it('places a place within its region, the region comprising it, with coordinates linked to a map (nothing fetched)', () => {
      const lucca = entryOf(index, 'cartulary:lucca');
      assert.match(lucca, /<dt>Within<\/dt>\s*<dd><a href="index\.html#cartulary%3Atuscany">Tuscany<\/a><\/dd>/);
      assert.match(lucca, /<dt>Coordinates<\/dt>\s*<dd>43\.8429, 10\.5027 \(<a href="https:\/\/www\.openstreetmap\.org\/\?mlat=43\.8429&amp;mlon=10\.5027#map=12\/43\.8429\/10\.5027">on OpenStreetMap<\/a>\)<\/dd>/);
      assert.match(entryOf(index, 'cartulary:massa'), /<dt>Location<\/dt>\s*<dd><a href="index\.html#cartulary%3Alucca">near Lucca<\/a> \(settlement\)<\/dd>[\s\S]*44\.0354, 10\.1393/);
      assert.match(entryOf(index, 'cartulary:tuscany'), /<dt>Comprises<\/dt>\s*<dd><a href="index\.html#cartulary%3Alucca">Lucca<\/a>; <a href="index\.html#cartulary%3Amassa">Massa<\/a><\/dd>/);
      assert.ok(!index.includes('<img') && !index.includes('<iframe') && !index.includes('<script'), 'no map is embedded');
    });

    it('shows relations on every party, the entry itself unlinked', () => {
      assert.match(entryOf(index, 'cartulary:berta'), /<dt>Relations<\/dt>\s*<dd><strong>Berta<\/strong>, <a href="index\.html#cartulary%3Augo">Ugo<\/a>: spouse<\/dd>/);
      assert.match(entryOf(index, 'cartulary:albertus'), /<dd><strong>Albertus<\/strong> — witness → <a href="index\.html#cartulary%3Arainerius">Rainerius de Podio<\/a> \(in the charter of 1190\)<\/dd>/);
      assert.match(entryOf(index, 'cartulary:rainerius'), /<dd><a href="index\.html#cartulary%3Aalbertus">Albertus<\/a> — witness → <strong>Rainerius de Podio<\/strong>/);
    });

    it('links the idnos of known authorities, and keeps others as text', () => {
      assert.match(entryOf(index, 'cartulary:rainerius'), /<a href="https:\/\/viaf\.org\/viaf\/98765432">VIAF 98765432<\/a>/);
      assert.match(entryOf(index, 'cartulary:berta'), /<a href="https:\/\/d-nb\.info\/gnd\/118540238">GND 118540238<\/a>/);
      assert.match(entryOf(index, 'cartulary:lucca'), /<a href="https:\/\/www\.geonames\.org\/3174530">GeoNames 3174530<\/a>/);
      assert.match(entryOf(index, 'cartulary:massa'), /<a href="https:\/\/pleiades\.stoa\.org\/places\/413195">Pleiades 413195<\/a>/);
      assert.match(entryOf(index, 'persons:dante'), /<a href="https:\/\/viaf\.org\/viaf\/97105654">VIAF 97105654<\/a>; other D-1/);
    });

    it('gives every mention with its words in context, linking to its paragraph', () => {
      const massa = entryOf(index, 'cartulary:massa');
      assert.match(massa, /<li><a href="\.\.\/cartulary\/index\.html#c1">Cartulary of San Salvatore: three charters, paragraph 1<\/a>: <span class="kwic">…[^<]*her vineyard at <mark>Massa<\/mark>, in the county of Lucca\.<\/span><\/li>/);
      assert.match(cartulary, /<p id="c1" class="tei-p para">/);
      assert.match(entryOf(index, 'orphan'), /Not mentioned in the documents of this edition\./);
    });

    it('gives, per document, the entities it mentions with every form of their names (for search)', () => {
      const mentioned = report.entities.get('cartulary')!;
      const guido = mentioned.find((e) => e.anchor === 'guido')!;
      assert.deepEqual(guido, {
        anchor: 'guido', type: 'persons', element: 'person', name: 'Guido of San Salvatore', names: ['Guido of San Salvatore', 'Guido abbas', 'the abbot', 'Guido'], mentions: 2,
        at: [{ paragraph: 'c1', text: 'the abbot' }, { paragraph: 'c3', text: 'Guido' }],
      }, 'the alias the-abbot\'s mention counts for the entry it is the same as');
      assert.deepEqual(mentioned.filter((e) => e.type === 'places').map((e) => e.anchor), ['cartulary:massa', 'cartulary:lucca']);
      assert.deepEqual(report.entities.get('letters')!.map((e) => e.anchor), ['letters:abbey', 'letters:synod', 'persons:dante', 'letters:chronicle', 'matilda', 'guido']);
    });
  });

  describe('links', () => {
    it('lead somewhere, on every page', () => {
      assert.deepEqual(htmlPages(out), ['cartulary/index.html', 'entities/index.html', 'index.html', 'letters/index.html', 'persons/index.html', 'search/index.html']);
      assert.deepEqual(brokenLinks(out), []);
      const authorities = externalLinks(out).filter(({ page }) => page.startsWith('entities/')).map(({ href }) => new URL(href).host);
      assert.deepEqual([...new Set(authorities)].sort(), ['d-nb.info', 'pleiades.stoa.org', 'viaf.org', 'www.geonames.org', 'www.openstreetmap.org', 'www.wikidata.org']);
    });

    it('a name whose entry does not exist is not linked, and the build says so', async () => {
      // persons.xml is not part of this edition, and the register has no "nobody".
      const folder = join(scratch, 'missing');
      const tei = join(folder, 'tei');
      mkdirSync(tei, { recursive: true });
      copyFileSync(join(fixtures, 'register.xml'), join(tei, 'register.xml'));
      writeFileSync(join(tei, 'letters.xml'), readFileSync(join(fixtures, 'letters.xml'), 'utf8')
        .replace('ref="register.xml#guido"', 'ref="register.xml#nobody"'));
      const built = await build(tei, { out: join(folder, 'dist'), buildCacheDir: join(folder, 'cache'), jobs: 1 });
      assert.equal(built.written, true);
      assert.deepEqual(built.diagnostics.map((d) => [d.severity, d.file, d.message]), [
        ['warning', join(tei, 'letters.xml'), 'names point at "persons:dante", "nobody", which no entry of the edition has; they are not linked. `samizdat validate` says where.'],
      ]);
      const page = readFileSync(join(folder, 'dist', 'letters', 'index.html'), 'utf8');
      assert.match(page, /<a class="entity tei-persName unresolved">Guido<\/a>/);
      assert.deepEqual(brokenLinks(join(folder, 'dist')), []);
    });

    it('sends links to a page per letter once a part is large, and they still lead somewhere', async () => {
      const paged = join(scratch, 'paged');
      const built = await build(fixtures, { out: paged, buildCacheDir: join(scratch, 'paged-cache'), jobs: 1, entityPageSize: 2 });
      assert.deepEqual(built.diagnostics, []);
      const pages = htmlPages(paged).filter((p) => p.startsWith('entities/'));
      assert.deepEqual(pages, [
        'entities/index.html',
        'entities/persons-a.html', 'entities/persons-b.html', 'entities/persons-d.html', 'entities/persons-g.html', 'entities/persons-m.html', 'entities/persons-n.html', 'entities/persons-u.html',
        'entities/places-l.html', 'entities/places-m.html', 'entities/places-t.html',
      ]);
      const first = readFileSync(join(paged, 'entities', 'index.html'), 'utf8');
      assert.match(first, /<p class="index-paged">9 entries, a page for each letter\.<\/p>/);
      assert.match(first, /<article class="entry" id="letters:synod"/, 'a small part stays on the index page');
      assert.match(first, /<article class="entry" id="chapter"/, 'two organisations are not more than two');
      assert.ok(!first.includes('id="cartulary:berta"'));
      const b = readFileSync(join(paged, 'entities', 'persons-b.html'), 'utf8');
      assert.match(b, /<title>Persons and groups: B<\/title>/);
      assert.match(b, /<article class="entry" id="cartulary:berta"/);
      const page = readFileSync(join(paged, 'cartulary', 'index.html'), 'utf8');
      assert.ok(entityLinks(page).some(([href, words]) => href === '../entities/persons-b.html#cartulary%3Aberta' && words === 'Berta'));
      assert.deepEqual(brokenLinks(paged), []);
    });

    it('renders the index in a thread of its own, when it is large, to the same bytes as in the calling thread', async () => {
      const here = join(scratch, 'site-here');
      const there = join(scratch, 'site-thread');
      const inCallingThread = await build(fixtures, { out: here, buildCacheDir: join(scratch, 'site-here-cache'), jobs: 1, entityPageSize: 2 });
      // Any index is large from 0 characters on; with one job allowed there is no thread, whatever the size.
      const inThread = await build(fixtures, { out: there, buildCacheDir: join(scratch, 'site-thread-cache'), jobs: 2, entityPageSize: 2, siteThreadFrom: 0 });
      assert.deepEqual(inThread.diagnostics, []);
      assert.deepEqual(inThread.renderedSitePages, inCallingThread.renderedSitePages);
      const pages = htmlPages(there).filter((p) => p.startsWith('entities/'));
      assert.equal(pages.length, 11);
      assert.deepEqual(pages, htmlPages(here).filter((p) => p.startsWith('entities/')));
      for (const page of pages) assert.equal(readFileSync(join(there, page), 'utf8'), readFileSync(join(here, page), 'utf8'), page);
    });
  });
});
