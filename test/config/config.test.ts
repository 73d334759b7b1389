import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig, parseConfig } from '../../src/config/config.js';
import { repoRoot } from '../support/paths.js';

const file = '/edition/samizdat.config.json';

async function errorsOf(text: string) {
  const result = await parseConfig(text, file);
  assert.equal(result.ok, false, 'expected the configuration to be rejected');
  return result.ok ? [] : result.diagnostics;
}

describe('samizdat.config.json', () => {
  it('fills in defaults and resolves paths against the config folder', async () => {
    const result = await parseConfig('{ "out": "public", "validate": { "schema": "schemas/x.rng" } }', file);
    assert.ok(result.ok);
    assert.equal(result.config.out, '/edition/public');
    assert.equal(result.config.validate.schema, '/edition/schemas/x.rng');
    assert.deepEqual(result.config.sources, ['tei/**/*.xml']);
    assert.deepEqual(result.config.citationStyles, ['chicago', 'mla', 'apa']);
  });

  it('keeps a schema named by URL as a URL, for the catalog to map', async () => {
    const url = 'https://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng';
    const result = await parseConfig(JSON.stringify({ validate: { schema: url, schematron: ['https://example.org/rules.sch', 'local.sch'] } }), file);
    assert.ok(result.ok);
    assert.equal(result.config.validate.schema, url);
    assert.deepEqual(result.config.validate.schematron, ['https://example.org/rules.sch', '/edition/local.sch']);
  });

  it('uses the defaults when a folder has no config file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samizdat-config-'));
    const result = await loadConfig(dir);
    assert.ok(result.ok);
    assert.equal(result.config.out, join(dir, 'dist'));
    assert.equal(result.config.file, undefined);
  });

  it('names an unknown key, where it is, and the closest valid key', async () => {
    const [error] = await errorsOf('{\n  "sources": ["tei/*.xml"],\n  "ouut": "dist"\n}');
    assert.equal(error.line, 3);
    assert.equal(error.column, 3);
    assert.match(error.message, /unknown key "ouut" — did you mean "out"\?/);
  });

  it('suggests keys inside nested objects too', async () => {
    const [error] = await errorsOf('{ "validate": { "disabledRule": ["id-unique"] } }');
    assert.match(error.message, /unknown key "validate\.disabledRule" — did you mean "disabledRules"\?/);
  });

  it('says what type was expected, at the value', async () => {
    const [error] = await errorsOf('{\n  "out": 42\n}');
    assert.match(error.message, /^out: must be string/);
    assert.deepEqual([error.line, error.column], [2, 10]);
  });

  it('lists the allowed values of a closed list', async () => {
    const [error] = await errorsOf('{ "citationStyles": ["chicago", "harvard"] }');
    assert.match(error.message, /citationStyles\[1\]: "harvard" is not allowed; expected one of "chicago", "mla", "apa"/);
  });

  it('reports malformed JSON with its position', async () => {
    const [error] = await errorsOf('{\n  "out": "dist",\n}');
    assert.equal(error.ruleId, 'config-json');
    assert.equal(error.line, 3);
  });

  it('reports a comment as malformed JSON, at its place (the config is JSON, not JSONC)', async () => {
    const [error] = await errorsOf('{\n  "out": "dist" // where pages go\n}');
    assert.equal(error.ruleId, 'config-json');
    assert.equal(error.line, 2);
    assert.match(error.message, /not valid JSON: InvalidCommentToken/);
  });

  it('reports an empty file as malformed JSON rather than failing without a word', async () => {
    const errors = await errorsOf('');
    assert.equal(errors.length, 1);
    assert.equal(errors[0].ruleId, 'config-json');
    assert.match(errors[0].message, /not valid JSON/);
  });

  it('reads a valid config without loading what only placing a problem needs (jsonc-parser, the key suggestions)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'samizdat-config-'));
    writeFileSync(join(dir, 'samizdat.config.json'), '{ "site": { "title": "T" }, "limits": { "maxDocumentSize": "8MB" } }');
    const script = `const { loadConfig } = await import(${JSON.stringify(pathToFileURL(join(repoRoot, 'src', 'config', 'config.ts')).href)});
      const { createRequire } = await import('node:module');
      const found = await loadConfig(${JSON.stringify(dir)});
      if (!found.ok || found.config.site.title !== 'T') throw new Error(JSON.stringify(found));
      const loaded = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify(['jsonc-parser', 'fastest-levenshtein'].filter((name) => loaded.some((file) => file.includes(\`node_modules/\${name}/\`)))));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout.trim()), []);
  });

  it('reports every problem, not only the first', async () => {
    const errors = await errorsOf('{ "ouut": 1, "site": { "baseUrl": "ftp://x" } }');
    assert.equal(errors.length, 2);
  });

  it('reads a config file from disk and rejects an unreadable explicit path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samizdat-config-'));
    writeFileSync(join(dir, 'samizdat.config.json'), '{ "site": { "title": "T" } }');
    const found = await loadConfig(dir);
    assert.ok(found.ok && found.config.site.title === 'T');
    const missing = await loadConfig(dir, join(dir, 'nope.json'));
    assert.ok(!missing.ok && /cannot read the configuration/.test(missing.diagnostics[0].message));
  });
});
