/**
 * The package as a user installs it: `npm pack`, the tarball installed
 * offline into an empty folder, and there `init`, `validate`, `build`,
 * `text` and `cite` work without compiling any of samizdat's own stylesheets
 * or schemas (they come precompiled), while a changed stylesheet is compiled
 * again rather than answered by a stale SEF.
 * (bench/installed.ts packs and installs, as the bench's first-run rows do.)
 */
import { strict as assert } from 'node:assert';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packAndInstall, type InstalledPackage } from '../bench/installed.js';
import type { PrecompiledManifest } from '../src/precompiled/index.js';
import { ARTEFACTS } from '../src/precompiled/registry.js';
import { repoRoot } from './support/paths.js';

/** What a user needs, and nothing else (besides package.json, README and LICENSE, which npm always packs). */
const SHIPPED = ['lib/', 'bin/', 'xslt/', 'schemas/', 'templates/', 'precompiled/', 'src/cite/styles/'];
const env = { ...process.env, NO_COLOR: '1' };

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, encoding: 'utf8', env, timeout: 600_000 });
}

function ok(result: SpawnSyncReturns<string>, what: string): string {
  assert.equal(result.status, 0, `${what} exited ${result.status}${result.error ? ` (${result.error.message})` : ''}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** What a run compiled into the user's cache: SEFs, generated XSLT, converted schemas (build's and verdicts' records are not compiled artefacts). */
function compiledInCache(app: string): string[] {
  return filesUnder(join(app, '.samizdat', 'cache')).filter((file) => !/^(build|verdicts)\//.test(file));
}

describe('the installed package (npm pack, then npm install of the tarball, offline)', function () {
  this.timeout(1_200_000);
  const scratch = mkdtempSync(join(tmpdir(), 'samizdat-package-'));
  let installed: InstalledPackage;
  let app: string;
  let cli: string;
  let precompiled: PrecompiledManifest;

  before(() => {
    installed = packAndInstall(repoRoot, scratch);
    ({ app, cli } = installed);
    precompiled = JSON.parse(readFileSync(join(installed.sources, 'precompiled', 'manifest.json'), 'utf8')) as PrecompiledManifest;
  });

  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('packs what a user needs and nothing else: no tests, bench, CI, corpora, sources or TypeScript', () => {
    const paths = installed.files;
    const strays = paths.filter((path) => !['package.json', 'README.md', 'LICENSE'].includes(path) && !SHIPPED.some((folder) => path.startsWith(folder)));
    assert.deepEqual(strays, []);
    for (const needed of ['LICENSE', 'README.md', 'bin/samizdat.js', 'lib/index.js', 'lib/cli/main.js', 'xslt/html/html.xsl', 'schemas/vendor/tei_all.rng', 'templates/init/tei/sample.xml', 'precompiled/manifest.json']) {
      assert.ok(paths.includes(needed), `${needed} is not in the package`);
    }
    assert.ok(!paths.some((path) => /\.ts$/.test(path) && !path.endsWith('.d.ts')), 'no TypeScript sources');
  });

  it('carries every artefact of the registry, precompiled', () => {
    const paths = new Set(installed.files);
    assert.deepEqual(precompiled.artefacts.map((a) => `${a.kind} ${a.source}`), ARTEFACTS.map((a) => `${a.kind} ${a.source}`));
    for (const artefact of precompiled.artefacts) {
      assert.ok(artefact.files.length > 0, `${artefact.source}: nothing made`);
      for (const file of artefact.files) assert.ok(paths.has(`precompiled/${file}`), `precompiled/${file} (${artefact.source}) is not in the package`);
    }
  });

  it('scaffolds, validates, builds, prints the text and cites without compiling any of its own stylesheets or schemas', () => {
    ok(run(cli, ['init'], app), 'samizdat init');
    const sample = readFileSync(join(app, 'tei', 'sample.xml'), 'utf8');
    const title = /<title level="a" type="main">([^<]+)<\/title>/.exec(sample)?.[1];
    assert.ok(title, 'the sample has a main title');

    const report = JSON.parse(ok(run(cli, ['validate', '--format', 'json'], app), 'samizdat validate')) as { summary: { files: number; errors: number } };
    assert.equal(report.summary.errors, 0);
    assert.ok(report.summary.files >= 2, 'the sample and its register are checked');

    ok(run(cli, ['build'], app), 'samizdat build');
    assert.ok(readFileSync(join(app, 'dist', 'sample', 'index.html'), 'utf8').includes(title), 'the page shows the title');
    assert.ok(readFileSync(join(app, 'dist', 'index.html'), 'utf8').includes('sample/index.html'), 'the list of documents links the page');

    // The longest stretch of plain text in the first paragraph, leaving out what the reading text does not print (an omission's description).
    const first = /<p xml:id="p1"[^>]*>([\s\S]*?)<\/p>/.exec(sample)?.[1].replace(/<(desc|metamark)\b[\s\S]*?<\/\1>/g, '') ?? '';
    const paragraph = first.split(/<[^>]*>/).map((t) => t.trim().replace(/\s+/g, ' ')).sort((a, b) => b.length - a.length)[0];
    assert.ok(paragraph && paragraph.length > 20, `the sample's first paragraph has a sentence (${first})`);
    assert.ok(ok(run(cli, ['text', 'tei/sample.xml'], app), 'samizdat text').replace(/\s+/g, ' ').includes(paragraph));
    assert.ok(ok(run(cli, ['cite', 'tei/sample.xml', '--format', 'bibtex'], app), 'samizdat cite').includes(title));
    assert.ok(ok(run(cli, ['cite', 'tei/sample.xml', '--format', 'apa'], app), 'samizdat cite --format apa').includes(title));

    assert.deepEqual(compiledInCache(app), []);
  });

  it('checks configurations and CSL-JSON with the precompiled validators, never loading ajv\'s compiler', () => {
    const lib = pathToFileURL(join(app, 'node_modules', 'samizdat', 'lib') + sep).href;
    const script = `import { createRequire } from 'node:module';
      const { jsonSchemaValidator } = await import('${lib}json-schema.js');
      const { CONFIG_SCHEMA } = await import('${lib}config/config.js');
      const { CSL_DATA_SCHEMA } = await import('${lib}cite/csl.js');
      if (jsonSchemaValidator(CONFIG_SCHEMA)({ ouut: 'dist' })) throw new Error('an unknown key passed');
      if (!jsonSchemaValidator(CSL_DATA_SCHEMA)([{ id: 'a', type: 'book', title: 'A book' }])) throw new Error('a CSL item failed');
      console.log(JSON.stringify(Object.keys(createRequire('${lib}json-schema.js').cache)));`;
    const loaded = JSON.parse(ok(run(process.execPath, ['--input-type=module', '-e', script], app), 'the validators')) as string[];
    assert.equal(loaded.filter((file) => file.includes(`${sep}precompiled${sep}json-schema${sep}`)).length, 2, loaded.join('\n'));
    assert.deepEqual(loaded.filter((file) => /ajv[\\/]dist[\\/](ajv|core)\.js$/.test(file)), []);
  });

  it('loads saxon-js from the V8 code cache the package carries', () => {
    const lib = pathToFileURL(join(app, 'node_modules', 'samizdat', 'lib') + sep).href;
    const script = `const { requireWithCodeCache } = await import('${lib}transform/code-cache.js');
      const { saxonScript, SAXON_LOADING } = await import('${lib}transform/saxon.js');
      const loaded = requireWithCodeCache(saxonScript(), SAXON_LOADING);
      console.log(JSON.stringify({ codeCache: loaded.codeCache, transform: typeof loaded.exports.transform }));`;
    const loaded = JSON.parse(ok(run(process.execPath, ['--input-type=module', '-e', script], app), 'saxon-js')) as { codeCache: string; transform: string };
    assert.deepEqual(loaded, { codeCache: 'accepted', transform: 'function' });
  });

  it('finds tei_all and the rules embedded in it precompiled too', () => {
    const letter = join(app, 'elsewhere', 'letter.xml');
    mkdirSync(join(app, 'elsewhere'));
    const url = 'http://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng';
    writeFileSync(letter, `<?xml version="1.0" encoding="UTF-8"?>
<?xml-model href="${url}" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>
<?xml-model href="${url}" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>A letter</title></titleStmt>
<publicationStmt><p>Unpublished.</p></publicationStmt><sourceDesc><p>Written for this test.</p></sourceDesc></fileDesc></teiHeader>
<text><body><p>Dear reader, <ref target="#p2" cRef="2">see below</ref>.</p></body></text></TEI>
`);
    const report = JSON.parse(run(cli, ['validate', '--format', 'json', 'elsewhere/letter.xml'], app).stdout) as { files: { schema?: string; diagnostics: { ruleId: string; message: string }[] }[] };
    assert.match(report.files[0].schema ?? '', /tei_all\.rng$/);
    // A ref with both @target and @cRef is what one of tei_all's own rules reports: they ran.
    assert.ok(report.files[0].diagnostics.some((d) => d.ruleId.startsWith('sch:') && /@target and @cRef/.test(d.message)), JSON.stringify(report.files[0].diagnostics));
    assert.deepEqual(compiledInCache(app), []);
  });

  it('compiles a stylesheet again once it changed, instead of using the precompiled SEF of the old one', () => {
    const text = join(app, 'node_modules', 'samizdat', 'xslt', 'text', 'text.xsl');
    appendFileSync(text, '<!-- changed after installation -->\n');
    const before = ok(run(cli, ['text', 'tei/sample.xml'], app), 'samizdat text');
    assert.ok(before.length > 0);
    assert.equal(compiledInCache(app).filter((file) => /^xslt\/[0-9a-f]{64}\.sef\.json$/.test(file)).length, 1, compiledInCache(app).join('\n'));
  });
});
