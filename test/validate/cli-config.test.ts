/**
 * `samizdat validate` obeys samizdat.config.json: each key (sources,
 * validate.schema, validate.schematron, validate.catalog,
 * validate.disabledRules) takes effect through the CLI, --schema beats the
 * config, and a config with a typo stops the command (exit 2).
 *
 * Each test copies test/fixtures/config-edition (a letter, two small
 * grammars, two Schematron files) and the edition rules into a fresh folder
 * and writes the config under test beside them.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseConfig } from '../../src/config/config.js';
import { validationFromConfig } from '../../src/validate/from-config.js';

const cli = new URL('../../bin/samizdat.js', import.meta.url).pathname;
const fixture = new URL('../fixtures/config-edition/', import.meta.url).pathname;
const editionRules = new URL('../../schemas/samizdat-rules.sch', import.meta.url).pathname;
/** Compiled Schematron is cached by content, so every test folder can share the repository's cache. */
const cacheDir = resolve('.samizdat', 'cache');

interface ValidateConfig {
  schema?: string;
  schematron?: string[];
  catalog?: Record<string, string>;
  disabledRules?: string[];
}

/** Every key set: what a real edition's config looks like. */
const full: { sources?: string[]; validate: ValidateConfig } = {
  sources: ['letters/**/*.xml'],
  validate: {
    schema: 'schemas/letter.rng',
    schematron: ['schemas/house.sch', 'schemas/samizdat-rules.sch'],
    catalog: { 'https://example.org/house-rules.sch': 'schemas/catalogued.sch' },
    disabledRules: ['date-iso'],
  },
};

/** A fresh copy of the fixture edition with `config` (an object, or raw text) as its samizdat.config.json. */
function edition(config: object | string): { dir: string; config: string } {
  const dir = mkdtempSync(join(tmpdir(), 'samizdat-config-edition-'));
  cpSync(fixture, dir, { recursive: true });
  copyFileSync(editionRules, join(dir, 'schemas', 'samizdat-rules.sch'));
  const path = join(dir, 'samizdat.config.json');
  writeFileSync(path, typeof config === 'string' ? config : JSON.stringify(config, null, 2));
  return { dir, config: path };
}

/** The full config without one key of `validate` (or without `sources`). */
function without(key: keyof ValidateConfig | 'sources'): object {
  if (key === 'sources') return { validate: full.validate };
  const validate: ValidateConfig = { ...full.validate };
  delete validate[key];
  return { ...full, validate };
}

function samizdat(args: string[], cwd = process.cwd()) {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  return spawnSync('node', [cli, 'validate', '--cache-dir', cacheDir, ...args], { encoding: 'utf8', cwd, env });
}

interface JsonReport {
  files: { file: string; schema: string | null; diagnostics: { line: number | null; ruleId: string; message: string }[] }[];
}

/** Runs the configured edition (no paths: the config's sources) and returns the JSON report. */
function report(config: string, ...args: string[]): { status: number | null; report: JsonReport; stderr: string } {
  const run = samizdat(['--config', config, '--format', 'json', ...args]);
  assert.equal(run.stderr, '', 'nothing on stderr');
  return { status: run.status, report: JSON.parse(run.stdout) as JsonReport, stderr: run.stderr };
}

function ruleIds(report: JsonReport): string[] {
  return report.files.flatMap((f) => f.diagnostics.map((d) => d.ruleId)).sort();
}

describe('samizdat validate with samizdat.config.json (CLI)', function () {

  let configured: { dir: string; status: number | null; report: JsonReport };

  before(() => {
    const { dir, config } = edition(full);
    configured = { dir, ...report(config) };
  });

  it('checks the configured sources, found from the config\'s folder, not the current one', () => {
    assert.deepEqual(configured.report.files.map((f) => f.file), [join(configured.dir, 'letters', 'a.xml')]);
  });

  it('without sources in the config, looks for tei/**/*.xml in the config\'s folder (and says none match)', () => {
    const run = samizdat(['--config', edition(without('sources')).config]);
    assert.equal(run.status, 2, run.stdout + run.stderr);
    assert.match(run.stdout, /no files match .*samizdat-config-edition-[^/]+\/tei\/\*\*\/\*\.xml/);
  });

  it('validates against the config\'s schema, over the document having none', () => {
    assert.equal(configured.report.files[0].schema, join(configured.dir, 'schemas', 'letter.rng'));
    assert.deepEqual(ruleIds(configured.report).filter((id) => id.startsWith('rng')), []);
    const bare = report(edition(without('schema')).config).report;
    assert.deepEqual(ruleIds(bare).filter((id) => id.startsWith('rng')), ['rng-no-schema']);
  });

  it('--schema beats the config\'s schema', () => {
    const { dir, config } = edition(full);
    const run = report(config, '--schema', join(dir, 'schemas', 'note.rng'));
    assert.equal(run.status, 1);
    assert.equal(run.report.files[0].schema, join(dir, 'schemas', 'note.rng'));
    const grammar = run.report.files[0].diagnostics.filter((d) => d.ruleId.startsWith('rng'));
    assert.deepEqual(grammar.map((d) => [d.line, d.message]), [[4, 'element "text" not allowed anywhere; expected element "note"'], [9, 'element "TEI" incomplete; missing required element "note"']], 'the letter is not a note');
  });

  it('runs the Schematron files the config names, beside those the document names', () => {
    assert.equal(configured.status, 1);
    const rule = configured.report.files[0].diagnostics.find((d) => d.ruleId === 'sch:house-two-paragraphs');
    assert.equal(rule?.line, 5);
    assert.match(rule!.message, /at least two paragraphs/);
    assert.ok(!ruleIds(report(edition(without('schematron')).config).report).includes('sch:house-two-paragraphs'));
  });

  it('maps a Schematron URL of an <?xml-model?> to a local file through the config\'s catalog', () => {
    const found = configured.report.files[0].diagnostics.filter((d) => d.ruleId.startsWith('sch:house-language') || d.ruleId === 'sch-schema-unavailable');
    assert.deepEqual(found.map((d) => [d.ruleId, d.line]), [['sch:house-language', 3]]);
    const uncatalogued = report(edition(without('catalog')).config).report.files[0].diagnostics;
    const unavailable = uncatalogued.find((d) => d.ruleId === 'sch-schema-unavailable');
    assert.match(unavailable?.message ?? '', /https:\/\/example\.org\/house-rules\.sch cannot be used/);
    assert.ok(!uncatalogued.some((d) => d.ruleId === 'sch:house-language'));
  });

  it('switches off the edition rules listed in disabledRules, and only those', () => {
    assert.ok(!ruleIds(configured.report).includes('sch:date-iso'));
    assert.ok(ruleIds(configured.report).includes('sch:entity-not-empty'), 'the other edition rules still run');
    const all = report(edition(without('disabledRules')).config).report;
    const date = all.files[0].diagnostics.find((d) => d.ruleId === 'sch:date-iso');
    assert.equal(date?.line, 6);
  });

  it('reads ./samizdat.config.json of the current folder, reporting paths relative to it', () => {
    const { dir } = edition(full);
    const run = samizdat([], dir);
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /^letters\/a\.xml:5:5: error: a letter has at least two paragraphs: the text and the signature \[sch:house-two-paragraphs\]$/m);
    assert.match(run.stdout, /^1 file, 3 errors, 0 warnings$/m);
  });

  it('stops with exit 2 on a config with a typo: path:line:col, the key and "did you mean"', () => {
    const { config } = edition('{\n  "sources": ["letters/**/*.xml"],\n  "validate": {\n    "schematorn": ["schemas/house.sch"]\n  }\n}\n');
    const run = samizdat(['--config', config]);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '', 'no document is checked');
    assert.equal(run.stderr,
      `${config}:4:5: error: unknown key "validate.schematorn" — did you mean "schematron"? (valid keys here: schema, schematron, catalog, disabledRules) [config-schema]\n`);
  });

  it('stops with exit 2 when --config names a file that is not there', () => {
    const run = samizdat(['--config', join(fixture, 'missing.config.json')]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /missing\.config\.json: error: cannot read the configuration: .*no such file/);
  });
});

describe('validationFromConfig (library)', () => {
  it('resolves sources against the config folder and hands schema, catalog and cache to validate()', async () => {
    const parsed = await parseConfig(JSON.stringify(full), join(process.cwd(), 'edition', 'samizdat.config.json'));
    assert.ok(parsed.ok);
    const { paths, options } = validationFromConfig(parsed.config, { cacheDir: 'cache' });
    assert.deepEqual(paths, [join('edition', 'letters', '**', '*.xml')]);
    assert.equal(options.schema, join(process.cwd(), 'edition', 'schemas', 'letter.rng'));
    assert.deepEqual(options.catalog, { 'https://example.org/house-rules.sch': join(process.cwd(), 'edition', 'schemas', 'catalogued.sch') });
    assert.equal(options.cacheDir, 'cache');
    assert.deepEqual(options.schematron?.disabledRules, parsed.config.validate.disabledRules);
    assert.deepEqual(options.schematron?.sources?.map((s) => s.path), parsed.config.validate.schematron);
  });
});
