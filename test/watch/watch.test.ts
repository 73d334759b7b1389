/**
 * `watchEdition` on a copy of the flagship: a first build, one rebuild for a
 * burst of saves, one more round for changes made during a rebuild, a broken
 * edit reported with path:line:col while the last good pages stay, the fix
 * rebuilding, editor temporaries ignored, the configuration file watched.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../../src/config/config.js';
import { formatLocation } from '../../src/diagnostics.js';
import { serveEdition } from '../../src/serve/index.js';
import { isEditorTemporary, watchEdition, type Round, type Watcher } from '../../src/watch/index.js';
import { broken, delay, repository, retitled, save, scratchEdition, waitFor, type ScratchEdition } from './support.js';

const DEBOUNCE = 150;
/** Long enough after a round for a stray second round to have started. */
const SETTLE = DEBOUNCE * 4;

interface Recorder {
  started: { changed: string[] }[];
  finished: { kind: 'rebuilt' | 'failed'; round: Round }[];
}

function record(watcher: Watcher): Recorder {
  const recorder: Recorder = { started: [], finished: [] };
  watcher.on('building', (start) => recorder.started.push(start));
  watcher.on('rebuilt', (round) => recorder.finished.push({ kind: 'rebuilt', round }));
  watcher.on('failed', (round) => recorder.finished.push({ kind: 'failed', round }));
  return recorder;
}

/** Waits for the round after the `count`th to finish, and returns it. */
async function roundAfter(recorder: Recorder, count: number): Promise<Recorder['finished'][number]> {
  return waitFor(`round ${count + 1}`, () => recorder.finished[count]);
}

describe('samizdat watch (library)', () => {
  let edition: ScratchEdition;
  let watcher: Watcher;
  let rounds: Recorder;

  before(async () => {
    edition = scratchEdition();
    watcher = watchEdition({ sources: edition.tei, build: { out: edition.out }, debounce: DEBOUNCE });
    rounds = record(watcher);
    await watcher.ready;
  });
  after(async () => {
    await watcher?.close();
    edition?.remove();
  });

  it('builds the edition once at the start', () => {
    assert.equal(rounds.finished.length, 1);
    const first = rounds.finished[0];
    assert.equal(first.kind, 'rebuilt', JSON.stringify(first.round.diagnostics));
    assert.deepEqual(first.round.changed, []);
    assert.match(readFileSync(edition.page, 'utf8'), /Trotsky opens the attack/);
  });

  it('rebuilds once for a burst of five quick saves, with the last one', async () => {
    const before = rounds.finished.length;
    for (let n = 1; n <= 5; n++) {
      save(edition.document, retitled(edition.original, `Burst save ${n}`));
      await delay(20);
    }
    const round = await roundAfter(rounds, before);
    assert.equal(round.kind, 'rebuilt', JSON.stringify(round.round.diagnostics));
    assert.deepEqual(round.round.changed, [resolve(edition.document)]);
    await delay(SETTLE);
    assert.equal(rounds.finished.length, before + 1, 'one round for the burst');
    assert.match(readFileSync(edition.page, 'utf8'), /Burst save 5/);
  });

  it('reports a document that is not well-formed at path:line:col and leaves the last good pages in place', async () => {
    const page = readFileSync(edition.page);
    const list = readFileSync(join(edition.out, 'index.html'));
    const before = rounds.finished.length;
    save(edition.document, broken(retitled(edition.original, 'Never published')));
    const { kind, round } = await roundAfter(rounds, before);
    assert.equal(kind, 'failed');
    const problem = round.diagnostics.find((d) => d.ruleId === 'xml-wellformed');
    assert.ok(problem, JSON.stringify(round.diagnostics));
    assert.equal(resolve(problem.file), resolve(edition.document));
    assert.match(formatLocation(problem), /1923-opposition-ch01\.xml:\d+:\d+$/);
    assert.equal(problem.line, edition.original.slice(0, edition.original.indexOf('</p>')).split('\n').length);
    assert.deepEqual(readFileSync(edition.page), page, 'the page is the last good one');
    assert.deepEqual(readFileSync(join(edition.out, 'index.html')), list);
  });

  it('rebuilds when the broken document is fixed', async () => {
    const before = rounds.finished.length;
    save(edition.document, retitled(edition.original, 'Fixed again'));
    const { kind, round } = await roundAfter(rounds, before);
    assert.equal(kind, 'rebuilt', JSON.stringify(round.diagnostics));
    assert.deepEqual(round.diagnostics.filter((d) => d.severity === 'error'), []);
    assert.match(readFileSync(edition.page, 'utf8'), /Fixed again/);
  });

  it('runs exactly one more round for changes made while a round is under way', async () => {
    const before = rounds.finished.length;
    const started = rounds.started.length;
    save(edition.document, retitled(edition.original, 'During 0'));
    await waitFor('the round to start', () => rounds.started.length > started);
    for (let n = 1; n <= 3; n++) {
      save(edition.document, retitled(edition.original, `During ${n}`));
      await delay(10);
    }
    await roundAfter(rounds, before + 1);
    await delay(SETTLE);
    assert.equal(rounds.finished.length, before + 2);
    assert.equal(rounds.finished[before + 1].kind, 'rebuilt');
    assert.match(readFileSync(edition.page, 'utf8'), /During 3/);
  });

  it('ignores editor temporaries and the output folder', async () => {
    const before = rounds.started.length;
    const temporaries = ['.#1923-opposition-ch01.xml', '1923-opposition-ch01.xml.swp', '1923-opposition-ch01.xml~', '4913', '#1923-opposition-ch01.xml#', 'notes.txt'];
    for (const name of temporaries) writeFileSync(join(edition.tei, name), '<TEI/>');
    writeFileSync(join(edition.out, 'stray.xml'), '<TEI/>');
    await delay(SETTLE);
    for (const name of temporaries) rmSync(join(edition.tei, name));
    rmSync(join(edition.out, 'stray.xml'));
    await delay(SETTLE);
    assert.equal(rounds.started.length, before, 'no round started');
    assert.ok(isEditorTemporary('/x/.#a.xml') && isEditorTemporary('a.xml.swp') && !isEditorTemporary('a.xml'));
  });

  it('publishes a document added in a new folder, and drops it when deleted', async () => {
    const added = join(edition.tei, 'more', 'second-letter.xml');
    mkdirSync(join(edition.tei, 'more'));
    let before = rounds.finished.length;
    const second = retitled(edition.original, 'A second letter').replace(/href="\.\.\/schemas\//g, 'href="../../schemas/');
    save(added, second);
    let { kind, round } = await roundAfter(rounds, before);
    assert.equal(kind, 'rebuilt', JSON.stringify(round.diagnostics));
    assert.ok(existsSync(join(edition.out, 'second-letter', 'index.html')));

    before = rounds.finished.length;
    save(added, broken(edition.original));
    ({ kind } = await roundAfter(rounds, before));
    assert.equal(kind, 'failed');

    before = rounds.finished.length;
    rmSync(join(edition.tei, 'more'), { recursive: true });
    ({ kind, round } = await roundAfter(rounds, before));
    assert.equal(kind, 'rebuilt', JSON.stringify(round.diagnostics));
    assert.deepEqual(round.diagnostics.filter((d) => d.severity === 'error'), [], 'the deleted document\'s problems are gone');
    assert.ok(!existsSync(join(edition.out, 'second-letter', 'index.html')));
  });

  it('checks again the documents that name a changed register, whose pointers it can break or mend', async () => {
    const register = join(edition.tei, 'register.xml');
    const original = readFileSync(register, 'utf8');
    const unresolved = (round: Round) => round.diagnostics.filter((d) => d.ruleId === 'sch:ref-resolves' && resolve(d.file) === resolve(edition.document));
    let before = rounds.finished.length;
    save(register, original.replace('xml:id="trotsky"', 'xml:id="trotsky-renamed"'));
    let { round } = await roundAfter(rounds, before);
    assert.deepEqual(round.changed, [resolve(register)]);
    assert.ok(unresolved(round).some((d) => /reg:trotsky/.test(d.message)), JSON.stringify(round.diagnostics));

    before = rounds.finished.length;
    save(register, original);
    ({ round } = await roundAfter(rounds, before));
    assert.deepEqual(unresolved(round), []);
  });

  it('checks the documents again when the rules or the schema they are checked with change', async () => {
    const rulesFile = join(edition.dir, 'schemas', 'samizdat-rules.sch');
    const original = readFileSync(rulesFile, 'utf8');
    const always = '<pattern id="always"><rule context="tei:TEI"><report test="true()" id="always" role="warning">Checked with the edited rules.</report></rule></pattern>';
    const fired = (round: Round) => round.diagnostics.filter((d) => d.ruleId === 'sch:always').map((d) => resolve(d.file)).sort();
    let before = rounds.finished.length;
    save(rulesFile, original.replace('</schema>', `${always}</schema>`));
    let { round } = await roundAfter(rounds, before);
    assert.deepEqual(round.changed, [resolve(rulesFile)]);
    assert.deepEqual(fired(round), [resolve(edition.document), resolve(edition.tei, 'register.xml')].sort());

    before = rounds.finished.length;
    save(rulesFile, original);
    ({ round } = await roundAfter(rounds, before));
    assert.deepEqual(fired(round), []);

    const schema = join(edition.dir, 'schemas', 'samizdat.rng');
    const grammar = readFileSync(schema, 'utf8');
    before = rounds.finished.length;
    save(schema, grammar.replace(/<element name="persName">/, '<element name="personName">'));
    ({ round } = await roundAfter(rounds, before));
    assert.ok(round.diagnostics.some((d) => d.ruleId.startsWith('rng') && resolve(d.file) === resolve(edition.document)), JSON.stringify(round.diagnostics.slice(0, 3)));
    before = rounds.finished.length;
    save(schema, grammar);
    ({ round } = await roundAfter(rounds, before));
    assert.deepEqual(round.diagnostics.filter((d) => d.ruleId.startsWith('rng')), []);
  });
});

describe('samizdat watch (library) with a configuration file', () => {
  let edition: ScratchEdition;
  let watcher: Watcher;
  let rounds: Recorder;
  let configFile: string;
  const config = (title: string) => JSON.stringify({ sources: ['tei/**/*.xml'], out: 'site', site: { title } }, null, 2);

  before(async () => {
    edition = scratchEdition();
    configFile = join(edition.dir, 'samizdat.config.json');
    save(configFile, config('First title'));
    const loaded = await loadConfig(edition.dir);
    assert.ok(loaded.ok);
    watcher = watchEdition({ config: loaded.config, debounce: DEBOUNCE });
    rounds = record(watcher);
    await watcher.ready;
  });
  after(async () => {
    await watcher?.close();
    edition?.remove();
  });

  it('takes the sources and the output folder from the configuration', () => {
    assert.equal(watcher.out, join(edition.dir, 'site'));
    assert.equal(rounds.finished[0]?.kind, 'rebuilt', JSON.stringify(rounds.finished[0]?.round.diagnostics));
    assert.match(readFileSync(join(edition.dir, 'site', 'index.html'), 'utf8'), /First title/);
  });

  it('rebuilds when the configuration changes', async () => {
    const before = rounds.finished.length;
    save(configFile, config('Second title'));
    const { kind, round } = await roundAfter(rounds, before);
    assert.equal(kind, 'rebuilt', JSON.stringify(round.diagnostics));
    assert.match(readFileSync(join(edition.dir, 'site', 'index.html'), 'utf8'), /Second title/);
  });

  it('reports a configuration that no longer reads, with its line, and keeps the output', async () => {
    const list = readFileSync(join(edition.dir, 'site', 'index.html'));
    const before = rounds.finished.length;
    save(configFile, config('Third title').replace('"out"', '"ouut"'));
    const { kind, round } = await roundAfter(rounds, before);
    assert.equal(kind, 'failed');
    const problem = round.diagnostics.find((d) => d.ruleId === 'config-schema');
    assert.ok(problem && problem.line !== undefined, JSON.stringify(round.diagnostics));
    assert.match(problem.message, /did you mean "out"/);
    assert.deepEqual(readFileSync(join(edition.dir, 'site', 'index.html')), list);
  });

  it('serves from the new output folder once the configuration moves it', async () => {
    const server = await serveEdition({ root: watcher.out, port: 0 });
    try {
      server.follow(watcher);
      const before = rounds.finished.length;
      save(configFile, config('Moved').replace('"out": "site"', '"out": "public"'));
      const { kind, round } = await roundAfter(rounds, before);
      assert.equal(kind, 'rebuilt', JSON.stringify(round.diagnostics));
      assert.equal(server.root, join(edition.dir, 'public'));
      const page = await fetch(server.url).then((res) => res.text());
      assert.match(page, /Moved/);
    } finally {
      await server.close();
    }
  });
});

describe('samizdat watch (library) with a customisation stylesheet', () => {
  let edition: ScratchEdition;
  let watcher: Watcher;
  let rounds: Recorder;
  let persons: string;
  const sheet = (body: string) => `<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns="http://www.w3.org/1999/xhtml" xpath-default-namespace="http://www.tei-c.org/ns/1.0">${body}</xsl:stylesheet>`;
  const personsModule = (name: string) => sheet(`<xsl:import href="${pathToFileURL(join(repository, 'xslt', 'html', 'html.xsl')).href}"/>` +
    `<xsl:template match="persName" mode="text"><span class="${name}"><xsl:apply-templates mode="text"/></span></xsl:template>`);

  before(async () => {
    edition = scratchEdition();
    persons = join(edition.dir, 'xsl', 'persons.xsl');
    mkdirSync(join(edition.dir, 'xsl'));
    save(persons, personsModule('person-first'));
    save(join(edition.dir, 'xsl', 'custom.xsl'), sheet('<xsl:import href="persons.xsl"/>'));
    watcher = watchEdition({ sources: edition.tei, build: { out: edition.out, xslt: join(edition.dir, 'xsl', 'custom.xsl') }, debounce: DEBOUNCE });
    rounds = record(watcher);
    await watcher.ready;
  });
  after(async () => {
    await watcher?.close();
    edition?.remove();
  });

  it('rebuilds when a module the stylesheet imports changes', async () => {
    assert.match(readFileSync(edition.page, 'utf8'), /<span class="person-first">Trotsky<\/span>/);
    const before = rounds.finished.length;
    save(persons, personsModule('person-second'));
    const { kind, round } = await roundAfter(rounds, before);
    assert.equal(kind, 'rebuilt', JSON.stringify(round.diagnostics));
    assert.deepEqual(round.changed, [persons]);
    assert.match(readFileSync(edition.page, 'utf8'), /<span class="person-second">Trotsky<\/span>/);
  });
});
