/**
 * `watchEdition` on a copy of the flagship: a first build, one rebuild for a
 * burst of saves, one more round for changes made during a rebuild, a broken
 * edit reported with path:line:col while the last good pages stay, the fix
 * rebuilding, editor temporaries ignored, the configuration file watched.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../../src/config/config.js';
import { formatLocation } from '../../src/diagnostics.js';
import { serveEdition } from '../../src/serve/index.js';
import { isEditorTemporary, watchEdition, type Round, type WatchOptions, type Watcher } from '../../src/watch/index.js';
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

/** Waits (at most `timeout` ms, by default waitFor's) for the round after the `count`th to finish, and returns it. */
async function roundAfter(recorder: Recorder, count: number, timeout?: number): Promise<Recorder['finished'][number]> {
  return waitFor(`round ${count + 1}`, () => recorder.finished[count], timeout);
}

/** A watcher (debounce DEBOUNCE) over a scratch copy of the flagship, for one describe block: started before its tests, closed after. */
function watching(options: (edition: ScratchEdition) => WatchOptions | Promise<WatchOptions>): { edition: ScratchEdition; watcher: Watcher; rounds: Recorder } {
  const w = {} as { edition: ScratchEdition; watcher: Watcher; rounds: Recorder };
  before(async () => {
    w.edition = scratchEdition();
    w.watcher = watchEdition({ ...(await options(w.edition)), debounce: DEBOUNCE });
    w.rounds = record(w.watcher);
    await w.watcher.ready;
  });
  after(async () => {
    await w.watcher?.close();
    w.edition?.remove();
  });
  return w;
}

describe('samizdat watch (library)', () => {
  const w = watching((edition) => ({ sources: edition.tei, build: { out: edition.out } }));

  it('builds the edition once at the start', () => {
    assert.equal(w.rounds.finished.length, 1);
    const first = w.rounds.finished[0];
    assert.equal(first.kind, 'rebuilt', JSON.stringify(first.round.diagnostics));
    assert.deepEqual(first.round.changed, []);
    assert.match(readFileSync(w.edition.page, 'utf8'), /Trotsky opens the attack/);
  });

  it('rebuilds once for a burst of five quick saves, with the last one', async () => {
    const before = w.rounds.finished.length;
    for (let n = 1; n <= 5; n++) {
      save(w.edition.document, retitled(w.edition.original, `Burst save ${n}`));
      await delay(20);
    }
    const round = await roundAfter(w.rounds, before);
    assert.equal(round.kind, 'rebuilt', JSON.stringify(round.round.diagnostics));
    assert.deepEqual(round.round.changed, [resolve(w.edition.document)]);
    await delay(SETTLE);
    assert.equal(w.rounds.finished.length, before + 1, 'one round for the burst');
    assert.match(readFileSync(w.edition.page, 'utf8'), /Burst save 5/);
  });

  it('reports a document that is not well-formed at path:line:col and leaves the last good pages in place', async () => {
    const page = readFileSync(w.edition.page);
    const list = readFileSync(join(w.edition.out, 'index.html'));
    const before = w.rounds.finished.length;
    save(w.edition.document, broken(retitled(w.edition.original, 'Never published')));
    const { kind, round } = await roundAfter(w.rounds, before);
    assert.equal(kind, 'failed');
    const problem = round.diagnostics.find((d) => d.ruleId === 'xml-wellformed');
    assert.ok(problem, JSON.stringify(round.diagnostics));
    assert.equal(resolve(problem.file), resolve(w.edition.document));
    assert.match(formatLocation(problem), /1923-opposition-ch01\.xml:\d+:\d+$/);
    assert.equal(problem.line, w.edition.original.slice(0, w.edition.original.indexOf('</p>')).split('\n').length);
    assert.deepEqual(readFileSync(w.edition.page), page, 'the page is the last good one');
    assert.deepEqual(readFileSync(join(w.edition.out, 'index.html')), list);
  });

  it('rebuilds when the broken document is fixed', async () => {
    const before = w.rounds.finished.length;
    save(w.edition.document, retitled(w.edition.original, 'Fixed again'));
    const { kind, round } = await roundAfter(w.rounds, before);
    assert.equal(kind, 'rebuilt', JSON.stringify(round.diagnostics));
    assert.deepEqual(round.diagnostics.filter((d) => d.severity === 'error'), []);
    assert.match(readFileSync(w.edition.page, 'utf8'), /Fixed again/);
  });

  it('runs exactly one more round for changes made while a round is under way', async () => {
    const before = w.rounds.finished.length;
    const started = w.rounds.started.length;
    save(w.edition.document, retitled(w.edition.original, 'During 0'));
    await waitFor('the round to start', () => w.rounds.started.length > started);
    for (let n = 1; n <= 3; n++) {
      save(w.edition.document, retitled(w.edition.original, `During ${n}`));
      await delay(10);
    }
    await roundAfter(w.rounds, before + 1);
    await delay(SETTLE);
    assert.equal(w.rounds.finished.length, before + 2);
    assert.equal(w.rounds.finished[before + 1].kind, 'rebuilt');
    assert.match(readFileSync(w.edition.page, 'utf8'), /During 3/);
  });

  it('ignores editor temporaries and the output folder', async () => {
    const before = w.rounds.started.length;
    const temporaries = ['.#1923-opposition-ch01.xml', '1923-opposition-ch01.xml.swp', '1923-opposition-ch01.xml~', '4913', '#1923-opposition-ch01.xml#', 'notes.txt'];
    for (const name of temporaries) writeFileSync(join(w.edition.tei, name), '<TEI/>');
    writeFileSync(join(w.edition.out, 'stray.xml'), '<TEI/>');
    await delay(SETTLE);
    for (const name of temporaries) rmSync(join(w.edition.tei, name));
    rmSync(join(w.edition.out, 'stray.xml'));
    await delay(SETTLE);
    assert.equal(w.rounds.started.length, before, 'no round started');
    assert.ok(isEditorTemporary('/x/.#a.xml') && isEditorTemporary('a.xml.swp') && !isEditorTemporary('a.xml'));
  });

  it('publishes a document added in a new folder, and drops it when deleted', async () => {
    const added = join(w.edition.tei, 'more', 'second-letter.xml');
    mkdirSync(join(w.edition.tei, 'more'));
    let before = w.rounds.finished.length;
    const second = retitled(w.edition.original, 'A second letter').replace(/href="\.\.\/schemas\//g, 'href="../../schemas/');
    save(added, second);
    let { kind, round } = await roundAfter(w.rounds, before);
    assert.equal(kind, 'rebuilt', JSON.stringify(round.diagnostics));
    assert.ok(existsSync(join(w.edition.out, 'second-letter', 'index.html')));

    before = w.rounds.finished.length;
    save(added, broken(w.edition.original));
    ({ kind } = await roundAfter(w.rounds, before));
    assert.equal(kind, 'failed');

    before = w.rounds.finished.length;
    rmSync(join(w.edition.tei, 'more'), { recursive: true });
    ({ kind, round } = await roundAfter(w.rounds, before));
    assert.equal(kind, 'rebuilt', JSON.stringify(round.diagnostics));
    assert.deepEqual(round.diagnostics.filter((d) => d.severity === 'error'), [], 'the deleted document\'s problems are gone');
    assert.ok(!existsSync(join(w.edition.out, 'second-letter', 'index.html')));
  });

  it('checks again the documents that name a changed register, whose pointers it can break or mend', async () => {
    const register = join(w.edition.tei, 'register.xml');
    const original = readFileSync(register, 'utf8');
    const unresolved = (round: Round) => round.diagnostics.filter((d) => d.ruleId === 'sch:ref-resolves' && resolve(d.file) === resolve(w.edition.document));
    let before = w.rounds.finished.length;
    save(register, original.replace('xml:id="trotsky"', 'xml:id="trotsky-renamed"'));
    let { round } = await roundAfter(w.rounds, before);
    assert.deepEqual(round.changed, [resolve(register)]);
    assert.ok(unresolved(round).some((d) => /reg:trotsky/.test(d.message)), JSON.stringify(round.diagnostics));

    before = w.rounds.finished.length;
    save(register, original);
    ({ round } = await roundAfter(w.rounds, before));
    assert.deepEqual(unresolved(round), []);
  });

  it('checks the documents again when the rules or the schema they are checked with change', async () => {
    const rulesFile = join(w.edition.dir, 'schemas', 'samizdat-rules.sch');
    const original = readFileSync(rulesFile, 'utf8');
    const always = '<pattern id="always"><rule context="tei:TEI"><report test="true()" id="always" role="warning">Checked with the edited rules.</report></rule></pattern>';
    const fired = (round: Round) => round.diagnostics.filter((d) => d.ruleId === 'sch:always').map((d) => resolve(d.file)).sort();
    let before = w.rounds.finished.length;
    save(rulesFile, original.replace('</schema>', `${always}</schema>`));
    let { round } = await roundAfter(w.rounds, before);
    assert.deepEqual(round.changed, [resolve(rulesFile)]);
    assert.deepEqual(fired(round), [resolve(w.edition.document), resolve(w.edition.tei, 'register.xml')].sort());

    before = w.rounds.finished.length;
    save(rulesFile, original);
    ({ round } = await roundAfter(w.rounds, before));
    assert.deepEqual(fired(round), []);

    const schema = join(w.edition.dir, 'schemas', 'samizdat.rng');
    const grammar = readFileSync(schema, 'utf8');
    before = w.rounds.finished.length;
    save(schema, grammar.replace(/<element name="persName">/, '<element name="personName">'));
    ({ round } = await roundAfter(w.rounds, before));
    assert.ok(round.diagnostics.some((d) => d.ruleId.startsWith('rng') && resolve(d.file) === resolve(w.edition.document)), JSON.stringify(round.diagnostics.slice(0, 3)));
    before = w.rounds.finished.length;
    save(schema, grammar);
    ({ round } = await roundAfter(w.rounds, before));
    assert.deepEqual(round.diagnostics.filter((d) => d.ruleId.startsWith('rng')), []);
  });
});

describe('samizdat watch (library) with a configuration file', () => {
  let configFile: string;
  const config = (title: string) => JSON.stringify({ sources: ['tei/**/*.xml'], out: 'site', site: { title } }, null, 2);
  const w = watching(async (edition) => {
    configFile = join(edition.dir, 'samizdat.config.json');
    save(configFile, config('First title'));
    const loaded = await loadConfig(edition.dir);
    assert.ok(loaded.ok);
    return { config: loaded.config };
  });

  it('takes the sources and the output folder from the configuration', () => {
    assert.equal(w.watcher.out, join(w.edition.dir, 'site'));
    assert.equal(w.rounds.finished[0]?.kind, 'rebuilt', JSON.stringify(w.rounds.finished[0]?.round.diagnostics));
    assert.match(readFileSync(join(w.edition.dir, 'site', 'index.html'), 'utf8'), /First title/);
  });

  it('rebuilds when the configuration changes', async () => {
    const before = w.rounds.finished.length;
    save(configFile, config('Second title'));
    const { kind, round } = await roundAfter(w.rounds, before);
    assert.equal(kind, 'rebuilt', JSON.stringify(round.diagnostics));
    assert.match(readFileSync(join(w.edition.dir, 'site', 'index.html'), 'utf8'), /Second title/);
  });

  it('reports a configuration that no longer reads, with its line, and keeps the output', async () => {
    const list = readFileSync(join(w.edition.dir, 'site', 'index.html'));
    const before = w.rounds.finished.length;
    save(configFile, config('Third title').replace('"out"', '"ouut"'));
    const { kind, round } = await roundAfter(w.rounds, before);
    assert.equal(kind, 'failed');
    const problem = round.diagnostics.find((d) => d.ruleId === 'config-schema');
    assert.ok(problem && problem.line !== undefined, JSON.stringify(round.diagnostics));
    assert.match(problem.message, /did you mean "out"/);
    assert.deepEqual(readFileSync(join(w.edition.dir, 'site', 'index.html')), list);
  });

  it('serves from the new output folder once the configuration moves it', async () => {
    const server = await serveEdition({ root: w.watcher.out, port: 0 });
    try {
      server.follow(w.watcher);
      const before = w.rounds.finished.length;
      save(configFile, config('Moved').replace('"out": "site"', '"out": "public"'));
      const { kind, round } = await roundAfter(w.rounds, before);
      assert.equal(kind, 'rebuilt', JSON.stringify(round.diagnostics));
      assert.equal(server.root, join(w.edition.dir, 'public'));
      const page = await fetch(server.url).then((res) => res.text());
      assert.match(page, /Moved/);
    } finally {
      await server.close();
    }
  });
});

describe('samizdat watch (library) with a customisation stylesheet', function () {
  // The first round compiles the customisation with xslt3, html.xsl and all it imports: about 14 s on an
  // idle 2-core machine, past the suite's 60 s when the machine is loaded (seen at load 10-14).
  let persons: string;
  const sheet = (body: string) => `<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns="http://www.w3.org/1999/xhtml" xpath-default-namespace="http://www.tei-c.org/ns/1.0">${body}</xsl:stylesheet>`;
  const personsModule = (name: string) => sheet(`<xsl:import href="${pathToFileURL(join(repository, 'xslt', 'html', 'html.xsl')).href}"/>` +
    `<xsl:template match="persName" mode="text"><span class="${name}"><xsl:apply-templates mode="text"/></span></xsl:template>`);
  const w = watching((edition) => {
    persons = join(edition.dir, 'xsl', 'persons.xsl');
    mkdirSync(join(edition.dir, 'xsl'));
    save(persons, personsModule('person-first'));
    save(join(edition.dir, 'xsl', 'custom.xsl'), sheet('<xsl:import href="persons.xsl"/>'));
    return { sources: edition.tei, build: { out: edition.out, xslt: join(edition.dir, 'xsl', 'custom.xsl') } };
  });

  it('rebuilds when a module the stylesheet imports changes', async () => {
    assert.match(readFileSync(w.edition.page, 'utf8'), /<span class="person-first">Trotsky<\/span>/);
    const before = w.rounds.finished.length;
    save(persons, personsModule('person-second'));
    // The round compiles the changed customisation again, as slow as the first.
    const { kind, round } = await roundAfter(w.rounds, before, 200_000);
    assert.equal(kind, 'rebuilt', JSON.stringify(round.diagnostics));
    assert.deepEqual(round.changed, [persons]);
    assert.match(readFileSync(w.edition.page, 'utf8'), /<span class="person-second">Trotsky<\/span>/);
  });
});

describe('samizdat watch (library): the images documents show', () => {
  // A PNG's signature is what the build looks at; the bytes after it tell the two versions apart.
  const png = (tail: number) => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, tail]);
  let beside: string;
  let inside: string;
  const w = watching((edition) => {
    // One image outside the sources' folder (its folder there, the image not yet), one inside it.
    beside = join(edition.dir, 'images', 'plate.png');
    mkdirSync(dirname(beside));
    inside = join(edition.tei, 'facs', 'p1.png');
    mkdirSync(join(edition.tei, 'facs'));
    writeFileSync(inside, png(1));
    // And one in a folder that does not exist: it is not followed, and does not stop the others being followed.
    save(edition.document, edition.original.replace('<body>', '<body><figure><graphic url="../images/plate.png"/></figure><figure><graphic url="facs/p1.png"/></figure><figure><graphic url="../nowhere/p2.png"/></figure>'));
    return { sources: edition.tei, build: { out: edition.out, root: edition.dir } };
  });
  const published = (...path: string[]) => join(w.edition.out, 'images', ...path);

  it('builds with the image that is there and warns of those that are not', () => {
    const first = w.rounds.finished[0];
    assert.equal(first.kind, 'rebuilt');
    assert.deepEqual(first.round.diagnostics.filter((d) => d.ruleId === 'build-image').map((d) => d.message.match(/"([^"]+)"/)?.[1]), ['../images/plate.png', '../nowhere/p2.png']);
    assert.deepEqual(readFileSync(published('tei', 'facs', 'p1.png')), png(1));
  });

  it('rebuilds when a missing image outside the sources appears, and shows it', async () => {
    const before = w.rounds.finished.length;
    // The watcher asks chokidar to follow the missing file at the end of the first round, and chokidar sets
    // that watch up asynchronously: a file made in the same instant could come before it (an editor's save does not).
    await delay(2 * SETTLE);
    writeFileSync(beside, png(2));
    const { kind, round } = await roundAfter(w.rounds, before);
    assert.equal(kind, 'rebuilt', JSON.stringify(round.diagnostics));
    assert.deepEqual(round.changed, [beside]);
    assert.equal(round.diagnostics.filter((d) => d.ruleId === 'build-image').length, 1, 'only the image in no folder is missing');
    assert.deepEqual(readFileSync(published('images', 'plate.png')), png(2));
    assert.match(readFileSync(w.edition.page, 'utf8'), /<img [^>]*src="\.\.\/images\/images\/plate\.png"/);
  });

  it('rebuilds when an image changes, inside the sources or outside them, and publishes the new bytes', async () => {
    for (const [image, copy, bytes] of [[inside, published('tei', 'facs', 'p1.png'), png(3)], [beside, published('images', 'plate.png'), png(4)]] as const) {
      const before = w.rounds.finished.length;
      writeFileSync(image, bytes);
      const { kind, round } = await roundAfter(w.rounds, before);
      assert.equal(kind, 'rebuilt', JSON.stringify(round.diagnostics));
      assert.deepEqual(round.changed, [image]);
      assert.deepEqual(readFileSync(copy), bytes);
    }
  });
});
