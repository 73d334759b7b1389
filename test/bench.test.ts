/**
 * The benchmark's corpus (bench/corpus.ts) is what the benchmark claims: the
 * same bytes on every run, no two documents alike, and every copy still valid
 * against the schema its <?xml-model?> names from its new place. No timings
 * are checked here.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { planCorpus, reviseDocument, writeCorpus, type Corpus } from '../bench/corpus.js';
import { rowFigures } from '../bench/report.js';
import { validate } from '../src/validate/index.js';
import { corporaDir } from './support/paths.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const inputs = { repo, corpora: corporaDir };

describe('bench: the synthetic corpus', function () {
  this.timeout(120_000);
  const scratch: string[] = [];
  const fresh = (): string => { const dir = mkdtempSync(join(tmpdir(), 'samizdat-bench-test-')); scratch.push(dir); return dir; };
  let first: Corpus;
  let second: Corpus;

  before(async () => {
    first = await writeCorpus(fresh(), 3, inputs);
    second = await writeCorpus(fresh(), 3, inputs);
  });
  after(() => { for (const dir of scratch) rmSync(dir, { recursive: true, force: true }); });

  it('has the documents asked for, from the flagship and the corpora, plus the register', () => {
    assert.deepEqual(readdirSync(first.tei).sort(), ['0001-flagship-1923-opposition-ch01.xml', '0002-eltec-ENG18400_Trollope.xml', '0003-flagship-1923-opposition-ch01.xml', 'register.xml']);
    assert.equal(first.files.length, 4);
    assert.equal(first.bytes, first.files.reduce((n, f) => n + readFileSync(f).length, 0));
  });

  it('is written byte for byte the same on every run', () => {
    const contents = (corpus: Corpus): string[] => corpus.files.map((f) => readFileSync(f, 'utf8'));
    assert.deepEqual(contents(second), contents(first));
  });

  it('makes every document unique, even copies of the same source', () => {
    const documents = first.files.filter((f) => !f.endsWith('register.xml')).map((f) => readFileSync(f, 'utf8'));
    assert.equal(new Set(documents).size, documents.length);
    assert.match(documents[2], /<title level="a" type="main">Trotsky opens the attack \(bench copy 0003\)<\/title>/);
  });

  it('takes one document in twenty from the corpora, each kind in turn', () => {
    const kinds = planCorpus(100, inputs).filter((d) => d.source.kind !== 'flagship').map((d) => `${d.copy}:${d.source.kind}`);
    assert.deepEqual(kinds, ['2:eltec', '22:dracor', '42:tei-stylesheets', '62:eltec', '82:dracor']);
  });

  it('keeps every copy valid against the schema its <?xml-model?> names', async () => {
    const report = await validate([first.tei], { grammarOnly: true, cacheDir: false, jobs: 1 });
    assert.deepEqual(report.files.map((f) => [f.file, f.errors, f.diagnostics[0]?.message]).filter(([, errors]) => errors !== 0), []);
    assert.equal(report.files.length, 4);
  });

  it('revises a document inside the first paragraph of its body', () => {
    const text = readFileSync(first.files[0], 'utf8');
    const revised = reviseDocument(text, 7);
    assert.notEqual(revised, text);
    // The sentence is in p1, before its end tag, and nowhere else.
    assert.match(revised, /<p xml:id="p1" n="1">(?:(?!<\/p>)[^])* Revised for the benchmark \(7\)\.<\/p>/);
    assert.equal(revised.split('Revised for the benchmark').length, 2);
  });
});

describe('bench: the report', () => {
  it('gives a stopped run as bounds, not as a measurement', () => {
    const row = { id: 'build-cold', command: 'samizdat build tei', condition: 'cold', status: 'stopped' as const, seconds: 200, files: 1001, bytes: 50e6, peakRssBytes: null };
    assert.deepEqual(rowFigures(row), { seconds: '> 200.00', documentsPerSecond: '< 5.0', megabytesPerSecond: '< 0.25', peakRss: '—' });
  });
});
