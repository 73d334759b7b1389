/** `samizdat validate` as a user runs it: exit codes, formats, usage errors. */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cli = new URL('../../bin/samizdat.js', import.meta.url).pathname;
const fixtures = new URL('../fixtures/validate/', import.meta.url).pathname;

function samizdat(...args: string[]) {
  return spawnSync('node', [cli, 'validate', ...args], { encoding: 'utf8' });
}

describe('samizdat validate (CLI)', function () {

  it('exits 0 for a valid document, with the summary line', () => {
    const run = samizdat('--grammar-only', join(fixtures, 'tei-minimal.xml'));
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '1 file, 0 errors, 0 warnings\n');
  });

  it('exits 1 when a document has errors, and reports them with line:col', () => {
    const dir = mkdtempSync(join(tmpdir(), 'samizdat-cli-'));
    const file = join(dir, 'bad-date.xml');
    writeFileSync(file, readFixture('tei-minimal.xml').replace('when="1923-10-08"', 'when="yesterday"'));
    const run = samizdat('--grammar-only', file);
    assert.equal(run.status, 1);
    assert.match(run.stdout, new RegExp(`^${file}:20:\\d+: error: .* \\[rng\\]$`, 'm'));
  });

  it('checks several files in parallel workers (--jobs 2) and globs', () => {
    const run = samizdat('--grammar-only', '--jobs', '2', '--format', 'json', join(fixtures, 'tei-minimal*.xml'), join(fixtures, 'internal-entity.xml'));
    assert.equal(run.status, 0, run.stdout + run.stderr);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(report.files.map((f: { file: string }) => f.file.split('/').pop()), ['tei-minimal-utf16le.xml', 'tei-minimal.xml', 'internal-entity.xml']);
  });

  it('gives the same report from worker threads as from one thread, rules included', async () => {
    const { validate } = await import('../../src/validate/index.js');
    const edition = join(fixtures, '..', 'rules', 'edition');
    const files = ['valid.xml', 'date-not-iso.xml', 'gap-without-reason.xml', 'ref-missing-id.xml', 'id-duplicate.xml', 'register.xml'].map((f) => join(edition, f));
    // No cache: a verdict remembered from the first run would answer for the second.
    const options = { cacheDir: false as const, schematron: { sources: [{ path: join(fixtures, '..', '..', '..', 'schemas', 'samizdat-rules.sch') }] } };
    const parallel = await validate(files, { ...options, jobs: 2 });
    const serial = await validate(files, { ...options, jobs: 1 });
    assert.equal(parallel.threads, 2);
    assert.equal(serial.threads, 0);
    assert.deepEqual(parallel.files, serial.files);
    assert.ok(parallel.files.some((f) => f.diagnostics.some((d) => d.ruleId.startsWith('sch:'))), 'the rules ran in the workers');
  });

  it('in one thread, checks documents one at a time, so progress follows the order of the files', async () => {
    const { validate } = await import('../../src/validate/index.js');
    // First a document on tei_all, then one on a tiny grammar: checked
    // concurrently, the second would finish while tei_all is still loading.
    const dir = mkdtempSync(join(tmpdir(), 'samizdat-serial-'));
    const tiny = join(dir, 'tiny.xml');
    writeFileSync(join(dir, 'tiny.rng'), '<element name="note" xmlns="http://relaxng.org/ns/structure/1.0"><text/></element>');
    writeFileSync(tiny, '<?xml-model href="tiny.rng" schematypens="http://relaxng.org/ns/structure/1.0"?><note>ok</note>');
    const files = [join(fixtures, 'tei-minimal.xml'), tiny, join(fixtures, 'tei-minimal-utf16le.xml')];
    const seen: string[] = [];
    const report = await validate(files, { grammarOnly: true, jobs: 1, onProgress: ({ file }) => seen.push(file) });
    assert.equal(report.threads, 0);
    assert.deepEqual(seen, files);
  });

  it('in one process, checks with a schema or rule file as it is now, not as it was first read', async () => {
    const { validate } = await import('../../src/validate/index.js');
    const dir = mkdtempSync(join(tmpdir(), 'samizdat-edited-'));
    const rng = (content: string) => `<element name="note" xmlns="http://relaxng.org/ns/structure/1.0">${content}</element>`;
    const sch = (test: string) => `<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2"><pattern><rule context="note"><assert id="short" test="${test}">Too long.</assert></rule></pattern></schema>`;
    writeFileSync(join(dir, 'note.rng'), rng('<text/>'));
    writeFileSync(join(dir, 'note.sch'), sch('string-length(.) lt 100'));
    const note = join(dir, 'note.xml');
    writeFileSync(note, '<?xml-model href="note.rng" schematypens="http://relaxng.org/ns/structure/1.0"?><?xml-model href="note.sch" schematypens="http://purl.oclc.org/dsdl/schematron"?><note>ok</note>');
    const options = { jobs: 1, schematron: {}, cacheDir: join(dir, 'cache') };
    const rulesOf = async () => (await validate([note], options)).files[0].diagnostics.map((d) => d.ruleId);

    const first = (await validate([note], options)).files[0];
    assert.deepEqual(first.diagnostics, []);
    assert.deepEqual(first.dependsOn, [join(dir, 'note.rng'), join(dir, 'note.sch')]);
    writeFileSync(join(dir, 'note.rng'), rng('<empty/>'));
    assert.ok((await rulesOf()).some((id) => id.startsWith('rng')), 'the edited grammar');
    writeFileSync(join(dir, 'note.rng'), rng('<text/>'));
    writeFileSync(join(dir, 'note.sch'), sch('string-length(.) lt 2'));
    assert.deepEqual(await rulesOf(), ['sch:short'], 'the edited rules');
  });

  it('exits 2 on an unknown option', () => {
    const run = samizdat('--frobnicate');
    assert.equal(run.status, 2);
    assert.match(run.stderr, /unknown option '--frobnicate'/);
  });

  it('exits 2 on an unknown format, naming the known ones', () => {
    const run = samizdat('--format', 'xml', join(fixtures, 'tei-minimal.xml'));
    assert.equal(run.status, 2);
    assert.match(run.stderr, /unknown format 'xml'; choose one of text, json, github, junit/);
  });

  it('exits 2 when a path does not exist', () => {
    const run = samizdat('--grammar-only', join(fixtures, 'missing.xml'));
    assert.equal(run.status, 2);
    assert.match(run.stdout, /missing\.xml does not exist/);
  });

  it('tells how to provide a schema URL that is not in the catalog', () => {
    const dir = mkdtempSync(join(tmpdir(), 'samizdat-cli-'));
    const file = join(dir, 'lite.xml');
    writeFileSync(file, readFixture('tei-minimal.xml').replace('tei_all.rng', 'tei_lite.rng'));
    const run = samizdat('--grammar-only', file);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /tei_lite\.rng is not vendored.*never downloads.*--schema PATH.*catalog/);
  });

  it('prints help with examples and exits 0', () => {
    const run = samizdat('--help');
    assert.equal(run.status, 0);
    assert.match(run.stdout, /Usage: samizdat validate/);
    assert.match(run.stdout, /Examples:/);
  });
});

function readFixture(name: string): string {
  return readFileSync(join(fixtures, name), 'utf8');
}
