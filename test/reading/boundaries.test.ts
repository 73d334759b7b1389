/**
 * What a document (or a folder of sources) can make samizdat read: symbolic
 * links are followed only inside the edition or where the configuration
 * allows; `<?xml-model?>` names schemas only inside the edition, the
 * catalog's files and samizdat's own schemas; a message never quotes a file
 * that is not a schema.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../../src/build/index.js';
import { validate } from '../../src/validate/index.js';
import { repoRoot } from '../support/paths.js';

const flagship = readFileSync(join(repoRoot, 'tei', '1923-opposition-ch01.xml'), 'utf8');
// Beside every copy of the flagship, or its names would warn as unresolved.
const register = readFileSync(join(repoRoot, 'tei', 'register.xml'), 'utf8');
const TOKEN = `PRIVATE-${process.pid}-${Date.now()}`;

describe('boundaries: what the sources can make samizdat read', function () {
  this.timeout(300_000);
  const scratch = mkdtempSync(join(tmpdir(), 'samizdat-boundaries-'));
  const edition = join(scratch, 'edition');
  const elsewhere = join(scratch, 'elsewhere');
  const tei = join(edition, 'tei');

  before(() => {
    mkdirSync(tei, { recursive: true });
    mkdirSync(join(edition, 'shared'));
    mkdirSync(join(elsewhere, 'drafts'), { recursive: true });
    writeFileSync(join(tei, 'ch01.xml'), flagship);
    // A private document outside the edition, a shared one inside it, and links to both.
    writeFileSync(join(elsewhere, 'private.xml'), flagship.replace('>Trotsky opens the attack</title>', `>${TOKEN}</title>`));
    // The draft's names point at the register one folder up: a second register.xml in the edition would repeat every anchor.
    writeFileSync(join(elsewhere, 'drafts', 'draft.xml'), flagship.replace('>Trotsky opens the attack</title>', `>${TOKEN} draft</title>`).replace('replacementPattern="register.xml#', 'replacementPattern="../register.xml#'));
    writeFileSync(join(edition, 'shared', 'common.xml'), flagship.replace('>Trotsky opens the attack</title>', '>Shared chapter</title>'));
    symlinkSync(join(edition, 'shared', 'common.xml'), join(tei, 'common.xml'));
    for (const folder of [tei, join(edition, 'shared'), elsewhere]) writeFileSync(join(folder, 'register.xml'), register);
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('follows a link to a document inside the edition', async () => {
    const report = await build(tei, { out: join(edition, 'dist'), root: edition, buildCacheDir: join(scratch, 'cache') });
    assert.deepEqual(report.diagnostics, []);
    assert.match(readFileSync(join(edition, 'dist', 'common', 'index.html'), 'utf8'), /Shared chapter/);
  });

  it('does not follow a link to a document outside the edition: build and validate say so, and publish nothing of it', async () => {
    symlinkSync(join(elsewhere, 'private.xml'), join(tei, 'private.xml'));
    try {
      const out = join(edition, 'dist-private');
      const report = await build(tei, { out, root: edition, buildCacheDir: join(scratch, 'cache') });
      assert.equal(report.written, false);
      const problem = report.diagnostics.find((d) => d.ruleId === 'outside-edition');
      assert.ok(problem, JSON.stringify(report.diagnostics));
      assert.match(problem.message, /tei\/private\.xml is a symbolic link .* outside the edition; samizdat follows links only inside it, so it is not read.*"allowRead"/);
      assert.ok(!existsSync(out));
      const checked = await validate([tei], { root: edition, grammarOnly: true, cacheDir: join(scratch, 'grammar') });
      const reported = checked.files.flatMap((f) => f.diagnostics);
      assert.ok(reported.some((d) => d.ruleId === 'outside-edition' && d.file.endsWith('private.xml')));
      assert.ok(!JSON.stringify(checked).includes(TOKEN) && !JSON.stringify(report).includes(TOKEN), 'the private document was read');
    } finally {
      rmSync(join(tei, 'private.xml'));
    }
  });

  it('does not walk a linked folder outside the edition (a warning), unless the configuration allows it', async () => {
    symlinkSync(join(elsewhere, 'drafts'), join(tei, 'drafts'));
    try {
      const out = join(edition, 'dist-drafts');
      const refused = await build(tei, { out, root: edition, buildCacheDir: join(scratch, 'cache') });
      assert.ok(refused.written);
      const warning = refused.diagnostics.find((d) => d.ruleId === 'outside-edition');
      assert.equal(warning?.severity, 'warning');
      assert.match(warning!.message, /its documents are not read/);
      assert.ok(!existsSync(join(out, 'draft')));
      const allowed = await build(tei, { out, root: edition, allowRead: [elsewhere], buildCacheDir: join(scratch, 'cache') });
      assert.deepEqual(allowed.diagnostics, []);
      assert.match(readFileSync(join(out, 'draft', 'index.html'), 'utf8'), new RegExp(`${TOKEN} draft`));
    } finally {
      rmSync(join(tei, 'drafts'));
    }
  });

  describe('<?xml-model?>', () => {
    const secret = join(elsewhere, 'secret.xml');
    const model = (href: string, ns: string) => `<?xml-model href="${href}" schematypens="${ns}"?>`;
    const RNG = 'http://relaxng.org/ns/structure/1.0';
    const SCH = 'http://purl.oclc.org/dsdl/schematron';
    const documentNaming = (href: string) =>
      flagship.replace(/<\?xml-model[^>]*\?>\n/g, '').replace('<TEI ', `${model(href, RNG)}\n${model(href, SCH)}\n<TEI `);

    before(() => {
      writeFileSync(secret, `<accounts><account user="root" password="${TOKEN}"/></accounts>\n`);
      writeFileSync(join(edition, 'notes.txt'), `${TOKEN}: not XML at all\n`);
      writeFileSync(join(edition, 'register-like.xml'), `<people><person>${TOKEN}</person></people>\n`);
      // A grammar that accepts anything, outside the edition.
      writeFileSync(join(elsewhere, 'open.rng'), `<grammar xmlns="${RNG}"><start><element><anyName/><ref name="any"/></element></start><define name="any"><zeroOrMore><choice><attribute><anyName/></attribute><text/><element><anyName/><ref name="any"/></element></choice></zeroOrMore></define></grammar>\n`);
    });

    async function problemsOf(href: string, extra: { allowRead?: string[]; catalog?: Record<string, string> } = {}) {
      const file = join(edition, 'named.xml');
      writeFileSync(file, documentNaming(href));
      const report = await validate([file], { root: edition, cacheDir: false, ...extra, schematron: {} });
      return report.files[0]!.diagnostics;
    }

    it('refuses a schema and rules outside the edition without reading them', async () => {
      const problems = await problemsOf(secret);
      const outside = problems.filter((d) => /named by <\?xml-model\?> lies outside the edition/.test(d.message));
      assert.deepEqual(outside.map((d) => d.ruleId).sort(), ['rng-schema-unavailable', 'sch-schema-unavailable']);
      assert.deepEqual(outside.map((d) => d.line).sort(), [2, 3]);
      assert.ok(!JSON.stringify(problems).includes(TOKEN) && !JSON.stringify(problems).includes('accounts'));
    });

    it('names no content of a file inside the edition that is not a schema, XML or not', async () => {
      for (const href of ['register-like.xml', 'notes.txt']) {
        const problems = await problemsOf(href);
        assert.ok(problems.some((d) => /is not (a RELAX NG schema|an XML file)/.test(d.message)), JSON.stringify(problems));
        const text = JSON.stringify(problems);
        assert.ok(!text.includes(TOKEN) && !text.includes('people') && !text.includes('person'), text);
      }
    });

    it('recognises a schema whose root element comes after a long prolog (read a piece at a time)', async () => {
      const open = readFileSync(join(elsewhere, 'open.rng'), 'utf8');
      writeFileSync(join(edition, 'long-prolog.rng'), `<?xml version="1.0" encoding="UTF-8"?>\n<!-- ${'A grammar that accepts anything. '.repeat(1000)}-->\n${open}`);
      const problems = await problemsOf('long-prolog.rng');
      assert.deepEqual(problems.filter((d) => d.ruleId === 'rng-schema-unavailable'), []);
    });

    it('reads a schema outside the edition when the configuration allows its folder', async () => {
      const problems = await problemsOf(join(elsewhere, 'open.rng'), { allowRead: [elsewhere] });
      assert.deepEqual(problems.filter((d) => d.ruleId.startsWith('rng')), []);
    });

    it('reads samizdat\'s own schemas and the catalog\'s files wherever they are', async () => {
      const own = await problemsOf(join(repoRoot, 'schemas', 'samizdat.rng'));
      assert.deepEqual(own.filter((d) => d.ruleId === 'rng-schema-unavailable'), []);
      const url = 'https://schemas.example.org/open.rng';
      const mapped = await problemsOf(url, { catalog: { [url]: join(elsewhere, 'open.rng') } });
      assert.deepEqual(mapped.filter((d) => d.ruleId.startsWith('rng')), []);
    });
  });
});
