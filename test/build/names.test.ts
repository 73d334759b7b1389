/**
 * Any file name the file system allows is a document name: underscores and
 * dashes first, spaces, `%`, non-Latin letters; links to it are
 * percent-encoded. Names that would be one folder (after Unicode
 * normalisation or case folding), or that the edition's own files use, are
 * errors naming both files.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../../src/build/index.js';
import { repoRoot } from '../support/paths.js';

const flagship = readFileSync(join(repoRoot, 'tei', '1923-opposition-ch01.xml'), 'utf8');
/** The flagship's names point into the register: without it beside them, every name would be an unresolved-entry warning. */
const register = readFileSync(join(repoRoot, 'tei', 'register.xml'), 'utf8');

describe('document names', function () {
  this.timeout(300_000);
  const scratch = mkdtempSync(join(tmpdir(), 'samizdat-names-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  function edition(name: string, files: string[]): string {
    const tei = join(scratch, name);
    mkdirSync(tei);
    files.forEach((file, i) => writeFileSync(join(tei, file), flagship.replace('>Trotsky opens the attack</title>', `>Document ${i + 1}</title>`)));
    writeFileSync(join(tei, 'register.xml'), register);
    return tei;
  }

  it('publishes documents whose names start with _ or -, hold spaces, % or # , or are not in Latin letters, with percent-encoded links', async () => {
    const names = ['_intro', '-draft', 'Ελληνικά', 'a b', '50% #1'];
    const tei = edition('varied', names.map((n) => `${n}.xml`));
    const out = join(scratch, 'varied-out');
    const report = await build(tei, { out, root: scratch, buildCacheDir: join(scratch, 'cache') });
    assert.deepEqual(report.diagnostics, []);
    const list = readFileSync(join(out, 'index.html'), 'utf8');
    for (const name of names) {
      assert.ok(existsSync(join(out, name, 'index.html')), name);
      assert.ok(existsSync(join(out, name, `${name}.bib`)), `${name}: its citation downloads`);
      const href = `${encodeURIComponent(name)}/index.html`;
      assert.ok(list.includes(`href="${href}"`), `the list links ${name} as ${href}`);
      const page = readFileSync(join(out, name, 'index.html'), 'utf8');
      assert.ok(page.includes(`href="${encodeURIComponent(`${name}.bib`)}"`), `${name}: the BibTeX link is percent-encoded`);
    }
  });

  it('reports two files that would be one folder, naming both: Unicode normalisation and case', async () => {
    for (const [label, files] of [['nfc', ['Caf\u00e9.xml', 'Cafe\u0301.xml']], ['case', ['Letter.xml', 'letter.xml']]] as const) {
      const report = await build(edition(label, [...files]), { out: join(scratch, `${label}-out`), root: scratch, buildCacheDir: join(scratch, 'cache') });
      assert.equal(report.written, false);
      const message = report.diagnostics.map((d) => d.message).join('\n');
      for (const file of files) assert.ok(message.includes(file), `${message} names ${file}`);
      assert.match(message, /would both be published as/);
      assert.ok(!existsSync(join(scratch, `${label}-out`)));
    }
  });

  it('refuses a document named like the edition\'s own files (entities, index.html, samizdat.css)', async () => {
    for (const file of ['entities.xml', 'index.html.xml', 'samizdat.css.xml', 'Entities.xml']) {
      const label = `reserved-${file.replace(/\W/g, '')}`;
      const report = await build(edition(label, ['ch01.xml', file]), { out: join(scratch, `${label}-out`), root: scratch, buildCacheDir: join(scratch, 'cache') });
      assert.equal(report.written, false, file);
      assert.match(report.diagnostics[0]?.message ?? '', new RegExp(`${file.replace(/\./g, '\\.')} would be published as .*, a name the edition's own files use`));
    }
  });
});
