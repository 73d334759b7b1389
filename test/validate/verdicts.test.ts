/**
 * Verdicts remembered between runs: given again only while the document and
 * everything its verdict depends on (register, schema, rules, settings) are
 * unchanged; checked again as soon as one of them changes.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import { validate, type ValidateOptions, type ValidationReport } from '../../src/validate/index.js';
import { scratchEdition, type ScratchEdition } from '../watch/support.js';

/** The report without what says how it was reached. */
function verdicts(report: ValidationReport) {
  return report.files.map(({ file, schema, diagnostics }) => ({ file, schema, diagnostics }));
}

const ruleIds = (report: ValidationReport, file: string) =>
  report.files.find((f) => f.file === file)?.diagnostics.map((d) => d.ruleId) ?? [];

describe('validate: verdicts remembered between runs', function () {
  let edition: ScratchEdition;
  let register: string;
  let options: ValidateOptions;
  const run = (paths: string[] = [edition.tei], extra: ValidateOptions = {}) => validate(paths, { ...options, ...extra });

  beforeEach(() => {
    edition = scratchEdition();
    register = join(edition.tei, 'register.xml');
    options = { jobs: 1, cacheDir: join(edition.dir, '.samizdat', 'cache'), schematron: {} };
  });
  afterEach(() => edition.remove());

  it('gives the same report again without checking, problems included', async () => {
    writeFileSync(edition.document, edition.original.replace('when="1923-10-08"', 'when="8 October 1923"'));
    const first = await run();
    assert.equal(first.remembered, 0);
    assert.ok(ruleIds(first, edition.document).includes('sch:date-iso'), JSON.stringify(first.files));
    const second = await run();
    assert.equal(second.remembered, 2);
    assert.deepEqual(verdicts(second), verdicts(first));
    assert.deepEqual(second.summary, first.summary);
  });

  it('checks an edited document again, and only that one', async () => {
    await run();
    writeFileSync(edition.document, edition.original.replace('<persName', '<persNam'));
    const after = await run();
    assert.equal(after.remembered, 1);
    assert.ok(ruleIds(after, edition.document).some((id) => id.startsWith('xml-')), 'the new verdict: not well-formed');
    const again = await run();
    assert.equal(again.remembered, 2, 'a document read only up to its fatal error is remembered too');
    assert.deepEqual(verdicts(again), verdicts(after));
  });

  it('checks again the documents that name an edited register', async () => {
    const first = await run();
    assert.equal(first.summary.errors, 0);
    const letter = first.files.find((f) => f.file === edition.document);
    assert.ok(letter?.dependsOn?.includes(register), 'the letter depends on the register it names');
    assert.ok(!letter?.dependsOn?.includes(join(edition.tei, 'p1')), 'not on every attribute value read as a file name');
    writeFileSync(register, readFileSync(register, 'utf8').replace('xml:id="trotsky"', 'xml:id="trotsky-renamed"'));
    const after = await run();
    assert.equal(after.remembered, 0, 'the register changed, and the letter names it');
    assert.ok(ruleIds(after, edition.document).includes('sch:ref-resolves'));
  });

  it('checks again what was checked with an edited schema or rule file', async () => {
    await run();
    const schema = join(edition.dir, 'schemas', 'samizdat.rng');
    const grammar = readFileSync(schema, 'utf8');
    writeFileSync(schema, grammar.replace('<element name="persName">', '<element name="personName">'));
    let after = await run();
    assert.equal(after.remembered, 0);
    assert.ok(ruleIds(after, edition.document).includes('rng'));
    writeFileSync(schema, grammar);
    await run();
    const rules = join(edition.dir, 'schemas', 'samizdat-rules.sch');
    writeFileSync(rules, readFileSync(rules, 'utf8').replace('</schema>',
      '<pattern id="always"><rule context="tei:TEI"><report test="true()" id="always" role="warning">Edited rules.</report></rule></pattern></schema>'));
    after = await run();
    assert.equal(after.remembered, 0);
    assert.ok(ruleIds(after, edition.document).includes('sch:always'));
  });

  it('checks again what was checked with rules that include an edited file (sch:include)', async () => {
    const rules = join(edition.dir, 'schemas', 'samizdat-rules.sch');
    const extra = join(edition.dir, 'schemas', 'extra.sch');
    const pattern = (test: string) => `<pattern xmlns="http://purl.oclc.org/dsdl/schematron" id="extra"><rule context="tei:TEI"><report test="${test}" id="extra" role="warning">Included rules.</report></rule></pattern>`;
    writeFileSync(extra, pattern('false()'));
    writeFileSync(rules, readFileSync(rules, 'utf8').replace('</schema>', '<include href="extra.sch"/></schema>'));
    const first = await run();
    assert.ok(!ruleIds(first, edition.document).includes('sch:extra'));
    assert.ok(first.files[0].dependsOn?.includes(extra), JSON.stringify(first.files[0].dependsOn));
    writeFileSync(extra, pattern('true()'));
    const after = await run();
    assert.equal(after.remembered, 0);
    assert.ok(ruleIds(after, edition.document).includes('sch:extra'), JSON.stringify(after.files[0].diagnostics));
  });

  it('does not remember a verdict reached because the schema could not be read', async () => {
    const schema = join(edition.dir, 'schemas', 'samizdat.rng');
    const moved = `${schema}.away`;
    cpSync(schema, moved);
    rmSync(schema);
    const without = await run();
    assert.ok(ruleIds(without, edition.document).includes('rng-schema-unavailable'));
    cpSync(moved, schema);
    const back = await run();
    assert.equal(back.remembered, 0);
    assert.equal(back.summary.errors, 0, JSON.stringify(back.files));
  });

  it('keeps verdicts apart for different settings: grammar only, rules switched off, another schema', async () => {
    writeFileSync(edition.document, edition.original.replace('when="1923-10-08"', 'when="8 October 1923"'));
    const grammarOnly = await run([edition.tei], { grammarOnly: true });
    assert.ok(!ruleIds(grammarOnly, edition.document).includes('sch:date-iso'));
    const full = await run();
    assert.equal(full.remembered, 0);
    assert.ok(ruleIds(full, edition.document).includes('sch:date-iso'));
    const disabled = await run([edition.tei], { schematron: { disabledRules: ['date-iso'] } });
    assert.equal(disabled.remembered, 0);
    assert.ok(!ruleIds(disabled, edition.document).includes('sch:date-iso'));
    const named = await run([edition.tei], { schema: join(edition.dir, 'schemas', 'samizdat.rng') });
    assert.equal(named.remembered, 0);
  });

  it('answers for a document however its path is written, reporting it as written', async () => {
    const absolute = await run([edition.document]);
    const written = relative(process.cwd(), edition.document);
    const again = await run([written]);
    assert.equal(again.remembered, 1);
    assert.equal(again.files[0].file, written);
    assert.deepEqual(again.files[0].diagnostics, absolute.files[0].diagnostics.map((d) => ({ ...d, file: d.file === edition.document ? written : d.file })));
  });

  it('starts no worker thread when every verdict is remembered', async () => {
    for (const n of [2, 3, 4]) writeFileSync(join(edition.tei, `copy-${n}.xml`), edition.original.replace(/Trotsky opens the attack/g, `Copy ${n}`));
    const first = await run([edition.tei], { jobs: 2 });
    assert.equal(first.threads, 2);
    const second = await run([edition.tei], { jobs: 2 });
    assert.equal(second.remembered, 5);
    assert.equal(second.threads, 0);
    assert.deepEqual(verdicts(second), verdicts(first));
  });

  it('has stopped its worker threads and written the verdicts by the time it resolves', async () => {
    for (const n of [2, 3, 4]) writeFileSync(join(edition.tei, `copy-${n}.xml`), edition.original.replace(/Trotsky opens the attack/g, `Copy ${n}`));
    // The workers are stopped while the verdicts are written: both are done when the run is.
    const stopped: Worker[] = [];
    const terminate = Worker.prototype.terminate;
    Worker.prototype.terminate = function (this: Worker) {
      stopped.push(this);
      return terminate.call(this);
    };
    try {
      const report = await run([edition.tei], { jobs: 2, grammarOnly: true });
      assert.equal(report.threads, 2);
      assert.equal(stopped.length, 1, 'the one worker beside the calling thread is stopped');
      assert.equal(readdirSync(join(edition.dir, '.samizdat', 'cache', 'verdicts')).filter((name) => name.endsWith('.pack')).length, 1);
      assert.equal((await run([edition.tei], { jobs: 2, grammarOnly: true })).remembered, 5);
    } finally {
      Worker.prototype.terminate = terminate;
    }
  });

  it('trusts, in a new process, the pack of a run in parallel that found none (samizdat fingerprinted while its documents were checked)', () => {
    // A run in parallel that finds no pack takes samizdat's fingerprint in the background; one that finds a pack takes it at once, to compare: both must agree.
    for (const n of [2, 3, 4]) writeFileSync(join(edition.tei, `copy-${n}.xml`), edition.original.replace(/Trotsky opens the attack/g, `Copy ${n}`));
    const script = `import { validate } from ${JSON.stringify(new URL('../../src/validate/index.ts', import.meta.url).href)};
const report = await validate([${JSON.stringify(edition.tei)}], { jobs: 2, grammarOnly: true, cacheDir: ${JSON.stringify(options.cacheDir)} });
process.stdout.write(\`\${report.remembered} \${report.threads}\`);`;
    const run = () => spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    const first = run();
    assert.equal(first.stdout, '0 2', first.stderr);
    const second = run();
    assert.equal(second.stdout, '5 0', second.stderr);
  });

  it('keeps nothing with cacheDir: false', async () => {
    await run([edition.tei], { cacheDir: false });
    const again = await run([edition.tei], { cacheDir: false });
    assert.equal(again.remembered, 0);
    assert.ok(!existsSync(join(edition.dir, '.samizdat', 'cache', 'verdicts')));
  });

  describe('the pack file', () => {
    const verdictsFolder = () => join(edition.dir, '.samizdat', 'cache', 'verdicts');
    const packs = () => readdirSync(verdictsFolder()).filter((name) => name.endsWith('.pack')).map((name) => join(verdictsFolder(), name));
    const grammarOnly = (paths: string[] = [edition.tei]) => run(paths, { grammarOnly: true });

    it('keeps the verdicts of one setting in one pack, written at the end of the run', async () => {
      await grammarOnly();
      assert.equal(packs().length, 1);
      await run();
      assert.equal(packs().length, 2, 'grammar only, and with the rules: two settings');
      assert.equal((await grammarOnly()).remembered, 2);
    });

    it('ignores a torn pack (cut short while written) and writes a whole one again', async () => {
      const first = await grammarOnly();
      const [pack] = packs();
      const whole = readFileSync(pack);
      writeFileSync(pack, whole.subarray(0, Math.floor(whole.length / 2)));
      const torn = await grammarOnly();
      assert.equal(torn.remembered, 0);
      assert.deepEqual(verdicts(torn), verdicts(first));
      assert.equal((await grammarOnly()).remembered, 2, 'the pack was written whole again');
    });

    it('does not trust a pack whose contents do not match its hash', async () => {
      writeFileSync(edition.document, edition.original.replace('<persName', '<persNam'));
      await grammarOnly();
      const [pack] = packs();
      // A verdict edited in place (here: its problems erased) must not be given.
      const text = readFileSync(pack, 'utf8');
      const erased = text.replace(/"diagnostics":\[\{[^\]]*\]/, '"diagnostics":[]');
      assert.notEqual(erased, text);
      writeFileSync(pack, erased);
      const after = await grammarOnly();
      assert.equal(after.remembered, 0);
      assert.ok(ruleIds(after, edition.document).some((id) => id.startsWith('xml-')));
    });

    it('gives a verdict again for a document touched but not changed', async () => {
      await grammarOnly();
      const later = new Date(Date.now() + 60_000);
      utimesSync(edition.document, later, later);
      assert.equal((await grammarOnly()).remembered, 2);
    });

    it('trusts how a file looked only once it has been still for a while, and checks a rewritten file with the same size and times again', async function () {
      // A file's look is trusted only when its times are two seconds old (see file-look.ts).
      const old = new Date(Date.now() - 60_000);
      utimesSync(edition.document, old, old);
      await new Promise((wait) => setTimeout(wait, 2100));
      await grammarOnly();
      const [pack] = packs();
      const stored = JSON.parse(readFileSync(pack, 'utf8').slice(readFileSync(pack, 'utf8').indexOf('\n') + 1)).verdicts[edition.document];
      assert.equal(stored.look?.size, statSync(edition.document).size, 'the look is kept with the verdict');
      // Same length, same modification time: only the change time tells.
      const rewritten = edition.original.replace('<persName', '<persNam ');
      assert.equal(rewritten.length, edition.original.length);
      writeFileSync(edition.document, rewritten);
      utimesSync(edition.document, old, old);
      const after = await grammarOnly();
      assert.equal(after.remembered, 1);
      assert.ok(ruleIds(after, edition.document).some((id) => id.startsWith('xml-')));
    });

    it('forgets, when it writes the pack, the verdicts of documents that are gone, and keeps those of documents not checked this time', async () => {
      const copy = join(edition.tei, 'copy.xml');
      writeFileSync(copy, edition.original);
      await grammarOnly();
      rmSync(copy);
      // The pack is written again when a run reaches a new verdict.
      writeFileSync(edition.document, edition.original.replace(/Trotsky opens the attack/g, 'Retitled'));
      assert.equal((await grammarOnly([edition.document])).remembered, 0);
      const text = readFileSync(packs()[0], 'utf8');
      assert.ok(!text.includes(JSON.stringify(copy)), 'the verdict of the removed document is forgotten');
      assert.ok(text.includes(JSON.stringify(register)), 'the register, not checked this time, is still remembered');
    });

    it('removes the one-file-per-verdict folders of earlier samizdat', async () => {
      const old = join(verdictsFolder(), 'ab');
      mkdirSync(old, { recursive: true });
      writeFileSync(join(old, `ab${'0'.repeat(62)}.json`), '{}');
      await grammarOnly();
      assert.ok(!existsSync(old));
    });
  });
});
