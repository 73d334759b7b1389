/**
 * Every page samizdat writes is valid HTML5 with unique ids and no broken
 * internal link (test/support/html-check.ts): the flagship edition, every
 * fixture under test/fixtures/render/ (built as one edition: a new fixture
 * dropped there is checked with nothing else to do), the critical apparatus
 * fixtures (test/fixtures/textcrit/, the three linking methods, with their
 * witness pages), and every document of the corpus subset in test/corpora.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../../src/build/index.js';
import { checkEdition, formatProblems } from '../support/html-check.js';
import { corporaDir, repoRoot } from '../support/paths.js';

const editions: [string, string][] = [
  ['the flagship edition (tei/)', join(repoRoot, 'tei')],
  ['the rendering fixtures (test/fixtures/render/)', join(repoRoot, 'test', 'fixtures', 'render')],
  ['the apparatus fixtures (test/fixtures/textcrit/)', join(repoRoot, 'test', 'fixtures', 'textcrit')],
  ['ELTeC novels', join(corporaDir, 'eltec', 'ELTeC-eng', 'level1')],
  ['DraCor plays', join(corporaDir, 'shakedracor', 'tei')],
  ['the TEI Stylesheets\' test files', join(corporaDir, 'tei-stylesheets-tests')],
];

describe('valid HTML: every page of every edition the tests carry', function () {
  this.timeout(600_000);
  let scratch: string;
  before(() => { scratch = mkdtempSync(join(tmpdir(), 'samizdat-valid-')); });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  editions.forEach(([what, folder], i) => {
    it(`${what}: valid HTML5, unique ids, internal links resolve`, async () => {
      const out = join(scratch, `dist-${i}`);
      const report = await build(folder, { out, buildCacheDir: join(scratch, 'cache'), citations: {} });
      assert.deepEqual(report.diagnostics.filter((d) => d.severity === 'error'), []);
      const problems = await checkEdition(out);
      assert.equal(problems.length, 0, `${problems.length} problem(s):\n${formatProblems(problems)}`);
    });
  });
});
