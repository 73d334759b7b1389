/**
 * `samizdat init`: a new edition that validates (by samizdat and by jing
 * against tei_all), builds offline, and never loses an editor's file.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/config.js';
import { SCAFFOLD, init } from '../src/init/index.js';
import { jingValidate, requireJing } from './support/jing.js';
import { teiAllSchema } from './support/paths.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'samizdat.js');
const scratch = mkdtempSync(join(tmpdir(), 'samizdat-init-'));
const offline = { ...process.env, npm_config_offline: 'true', NO_COLOR: '1' };

function samizdat(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  return spawnSync('node', [cli, ...args], { cwd, encoding: 'utf8', env: offline, timeout: 120_000 });
}

const expected = [
  'samizdat.config.json',
  'tei/sample.xml',
  'tei/register.xml',
  'schemas/samizdat.rng',
  'schemas/samizdat-rules.sch',
  '.gitignore',
  '.github/workflows/validate.yml',
];

describe('samizdat init', () => {
  const edition = join(scratch, 'my-edition');
  let first: ReturnType<typeof samizdat>;

  before(() => {
    first = samizdat(['init', 'my-edition'], scratch);
  });

  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('creates the folder and every file of a new edition, and says so', () => {
    assert.equal(first.status, 0, first.stderr);
    for (const path of expected) {
      assert.ok(existsSync(join(edition, path)), `${path} is missing`);
      assert.match(first.stdout, new RegExp(`created\\s+${path.replace(/\./g, '\\.')}\\s`));
    }
    assert.deepEqual(SCAFFOLD.map((f) => f.path), expected);
  });

  it('copies the edition grammar and rules, so that the sample’s <?xml-model?> resolve inside the edition', () => {
    assert.equal(readFileSync(join(edition, 'schemas/samizdat.rng'), 'utf8'), readFileSync(join(root, 'schemas/samizdat.rng'), 'utf8'));
    assert.equal(
      readFileSync(join(edition, 'schemas/samizdat-rules.sch'), 'utf8'),
      readFileSync(join(root, 'schemas/samizdat-rules.sch'), 'utf8'),
    );
    const sample = readFileSync(join(edition, 'tei/sample.xml'), 'utf8');
    assert.match(sample, /<\?xml-model href="\.\.\/schemas\/samizdat\.rng"/);
    assert.match(sample, /<\?xml-model href="\.\.\/schemas\/samizdat-rules\.sch"/);
  });

  it('writes a sample with a person, a place, a date and an ellipsis pointing into the register', () => {
    const sample = readFileSync(join(edition, 'tei/sample.xml'), 'utf8');
    const register = readFileSync(join(edition, 'tei/register.xml'), 'utf8');
    assert.match(sample, /<prefixDef ident="reg"[^>]*replacementPattern="register\.xml#\$1"/);
    assert.match(sample, /<date when="\d{4}-\d\d-\d\d">/);
    assert.match(sample, /<ellipsis[^>]*><metamark function="ellipsis">/);
    for (const [element, id] of [...sample.matchAll(/<(persName|placeName) ref="reg:([a-z0-9-]+)"/g)].map((m) => [m[1], m[2]])) {
      assert.match(register, new RegExp(`xml:id="${id}"`), `${element} reg:${id} has no register entry`);
    }
  });

  it('writes a config that passes the config schema, with a $schema path that works after npm install', async () => {
    const config = JSON.parse(readFileSync(join(edition, 'samizdat.config.json'), 'utf8'));
    assert.equal(config.$schema, './node_modules/samizdat/schemas/samizdat.config.schema.json');
    const result = await loadConfig(edition);
    assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.diagnostics));
    assert.equal(result.config.file, join(edition, 'samizdat.config.json'));
  });

  it('ignores dist/, .samizdat/ and node_modules/, and runs validate --format github in CI', () => {
    const ignored = readFileSync(join(edition, '.gitignore'), 'utf8').split('\n');
    for (const folder of ['dist/', '.samizdat/', 'node_modules/']) assert.ok(ignored.includes(folder), folder);
    assert.match(readFileSync(join(edition, '.github/workflows/validate.yml'), 'utf8'), /run: npx samizdat validate --format github\n/);
  });

  it('gives a sample and register that samizdat validate accepts (exit 0)', () => {
    const result = samizdat(['validate'], edition);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /2 files, 0 errors/);
  });

  it('gives a sample and register valid against tei_all (jing)', function () {
    requireJing(this);
    const verdicts = jingValidate(teiAllSchema, [
      join(edition, 'tei/sample.xml'),
      join(edition, 'tei/register.xml'),
    ]);
    for (const v of verdicts) assert.ok(v.valid, `${v.file}: ${v.messages.join('\n')}`);
  });

  it('then builds offline: dist/sample/index.html and the entity index', function () {
    // A first build compiles every stylesheet (the pages', the text's, the search's) before it renders.
    const result = samizdat(['build'], edition);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    const page = readFileSync(join(edition, 'dist/sample/index.html'), 'utf8');
    assert.match(page, /Riverton/);
    assert.ok(existsSync(join(edition, 'dist/entities/index.html')));
  });

  it('keeps an edited file byte for byte on a second run, reports it kept, and restores a deleted one', () => {
    const sample = join(edition, 'tei/sample.xml');
    const edited = Buffer.concat([readFileSync(sample), Buffer.from('<!-- the editor’s own change -->\n')]);
    writeFileSync(sample, edited);
    rmSync(join(edition, '.gitignore'));
    const again = samizdat(['init'], edition);
    assert.equal(again.status, 0, again.stderr);
    assert.ok(readFileSync(sample).equals(edited));
    assert.match(again.stdout, /kept\s+tei\/sample\.xml\s/);
    assert.match(again.stdout, /created\s+\.gitignore\s/);
    assert.ok(existsSync(join(edition, '.gitignore')));
  });

  it('leaves no temporary files behind', () => {
    const walk = (folder: string): string[] =>
      readdirSync(folder, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? (['dist', '.samizdat'].includes(e.name) ? [] : walk(join(folder, e.name))) : [e.name]);
    assert.deepEqual(walk(edition).filter((name) => name.endsWith('.tmp')), []);
  });

  it('exits 2 with a clear message when dir is a file, writing nothing', () => {
    const file = join(scratch, 'not-a-folder.txt');
    writeFileSync(file, 'x');
    const result = samizdat(['init', 'not-a-folder.txt'], scratch);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /not-a-folder\.txt: error: this is a file, not a folder/);
    assert.equal(readFileSync(file, 'utf8'), 'x');
  });

  it('reports a file standing where a folder of the edition should be, and still writes the rest', async () => {
    const blocked = join(scratch, 'blocked');
    await init(blocked);
    rmSync(join(blocked, 'tei'), { recursive: true });
    rmSync(join(blocked, 'samizdat.config.json'));
    writeFileSync(join(blocked, 'tei'), 'a file');
    const report = await init(blocked);
    assert.deepEqual(report.created.map((f) => f.path), ['samizdat.config.json']);
    assert.deepEqual(report.problems.map((p) => p.file), [join(blocked, 'tei', 'sample.xml'), join(blocked, 'tei', 'register.xml')]);
  });

  it('follows a symbolic link to a folder', async () => {
    mkdirSync(join(scratch, 'real'));
    symlinkSync(join(scratch, 'real'), join(scratch, 'link'));
    const report = await init(join(scratch, 'link'));
    assert.deepEqual(report.problems, []);
    assert.ok(existsSync(join(scratch, 'real', 'tei', 'sample.xml')));
  });

  it('shows examples with --help', () => {
    const result = samizdat(['init', '--help'], scratch);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /Usage: samizdat init \[dir\]/);
    assert.match(result.stdout, /Examples:\n {2}samizdat init /);
  });
});
