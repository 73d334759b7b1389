/**
 * Remembered verdicts survive a project moved or copied with its `.samizdat/`
 * (a CI checkout at another path restoring its cache): they are kept by the
 * document's path from the cache's folder, unless the verdict may depend on
 * where the document lies.
 */
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { validate, type ValidateOptions, type ValidationReport } from '../../src/validate/index.js';
import { scratchEdition, type ScratchEdition } from '../watch/support.js';

const DOCUMENT = join('tei', '1923-opposition-ch01.xml');

/** The report as it would read for a project at `dir`: its paths from there. */
function seenFrom(dir: string, report: ValidationReport) {
  const local = (path: string | undefined) => path?.split(dir).join('<project>');
  return report.files.map(({ file, schema, diagnostics, dependsOn }) => ({
    file: local(file), schema: local(schema), dependsOn: dependsOn?.map(local),
    diagnostics: diagnostics.map((d) => ({ ...d, file: local(d.file), message: local(d.message) })),
  }));
}

describe('validate: remembered verdicts in a moved or copied project', function () {
  let edition: ScratchEdition;
  /** Where projects are copied or moved to, removed after each test. */
  let elsewhere: string;
  const run = (dir: string, extra: ValidateOptions = {}) =>
    validate([join(dir, 'tei')], { jobs: 1, cacheDir: join(dir, '.samizdat', 'cache'), schematron: {}, root: dir, ...extra });
  const copyTo = (name: string) => {
    const to = join(elsewhere, name);
    cpSync(edition.dir, to, { recursive: true });
    return to;
  };

  beforeEach(() => {
    edition = scratchEdition();
    elsewhere = mkdtempSync(join(tmpdir(), 'samizdat-elsewhere-'));
    // A problem the rules find.
    writeFileSync(edition.document, edition.original.replace('when="1923-10-08"', 'when="8 October 1923"'));
  });
  afterEach(() => {
    edition.remove();
    rmSync(elsewhere, { recursive: true, force: true });
  });

  it('gives every verdict again in a copy at another path (and another depth), naming the copy\'s files', async () => {
    const first = await run(edition.dir);
    assert.equal(first.remembered, 0);
    assert.ok(first.files.some((f) => f.diagnostics.some((d) => d.ruleId === 'sch:date-iso')));
    const copy = copyTo(join('deeper', 'copy'));
    const again = await run(copy);
    assert.equal(again.remembered, 2, 'nothing checked again');
    assert.deepEqual(seenFrom(copy, again), seenFrom(edition.dir, first));
    assert.ok(!JSON.stringify(again).includes(edition.dir), 'nothing names the original');
  });

  it('checks again a document changed in the copy, and only that one', async () => {
    await run(edition.dir);
    const copy = copyTo('copy');
    writeFileSync(join(copy, DOCUMENT), readFileSync(join(copy, DOCUMENT), 'utf8').replace('<persName', '<persNam'));
    const again = await run(copy);
    assert.equal(again.remembered, 1);
    assert.ok(again.files.find((f) => f.file === join(copy, DOCUMENT))?.diagnostics.some((d) => d.ruleId.startsWith('xml-')));
    assert.equal((await run(edition.dir)).remembered, 2, 'the original\'s verdicts hold for the original');
  });

  it('checks again, after a move, a document that names a file by its absolute path', async () => {
    const register = join(edition.tei, 'register.xml');
    writeFileSync(edition.document, readFileSync(edition.document, 'utf8').replace('<persName', `<persName ref="${register}#trotsky"`));
    await run(edition.dir);
    const moved = join(elsewhere, 'moved');
    renameSync(edition.dir, moved);
    try {
      const again = await run(moved);
      assert.equal(again.remembered, 1, 'the register is given again');
      const letter = again.files.find((f) => f.file === join(moved, DOCUMENT));
      assert.ok(letter?.diagnostics.some((d) => d.ruleId === 'sch:ref-resolves'), 'checked: the register it names is gone');
    } finally {
      renameSync(moved, edition.dir);
    }
  });

  it('checks again, after a move, a document whose verdict climbs to the root (../ more times than it is deep)', async () => {
    const climbing = '../'.repeat(edition.tei.split('/').length + 1);
    writeFileSync(edition.document, readFileSync(edition.document, 'utf8').replace('<persName', `<persName ref="${climbing}register.xml#trotsky"`));
    await run(edition.dir);
    const copy = copyTo('copy');
    assert.equal((await run(copy)).remembered, 1);
  });

  it('reads a document in UTF-16 as it is encoded when its verdict moves, and sees its absolute reference', async () => {
    const register = join(edition.tei, 'register.xml');
    const text = readFileSync(edition.document, 'utf8').replace(/^<\?xml[^?]*\?>/, '<?xml version="1.0" encoding="UTF-16"?>');
    writeFileSync(edition.document, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace('<persName', `<persName ref="${register}#trotsky"`), 'utf16le')]));
    await run(edition.dir);
    assert.equal((await run(copyTo('absolute'))).remembered, 1, 'the register alone: the document names a file absolutely');
    writeFileSync(edition.document, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    await run(edition.dir);
    assert.equal((await run(copyTo('relative'))).remembered, 2, 'both: its references stay in the project');
  });

  it('reads a moved verdict\'s document once at its new place: the verdict then holds there as at home', async () => {
    await run(edition.dir);
    const copy = copyTo('copy');
    const pack = () => readdirSync(join(copy, '.samizdat', 'cache', 'verdicts')).filter((f) => f.endsWith('.pack')).map((f) => readFileSync(join(copy, '.samizdat', 'cache', 'verdicts', f), 'utf8')).join();
    const before = pack();
    assert.equal((await run(copy)).remembered, 2);
    const after = pack();
    assert.notEqual(after, before, 'the verdicts record their new place');
    assert.equal((await run(copy)).remembered, 2);
    assert.equal(pack(), after, 'nothing more to record');
  });

  it('ties every verdict to the place when a configured rule file reads base URIs', async () => {
    const rules = join(edition.dir, 'schemas', 'where.sch');
    writeFileSync(rules, `<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">
  <pattern><rule context="/*"><report id="where" test="false()">in <value-of select="base-uri(.)"/></report></rule></pattern>
</schema>
`);
    const withRules = (dir: string) => run(dir, { schematron: { sources: [{ path: join(dir, 'schemas', 'where.sch') }] } });
    assert.equal((await withRules(edition.dir)).remembered, 0);
    assert.equal((await withRules(edition.dir)).remembered, 2, 'remembered in place');
    const copy = copyTo('copy');
    assert.equal((await withRules(copy)).remembered, 0, 'rules that may see the place: every verdict checked again');
    // Rules that read no place are moved with the project.
    writeFileSync(rules, readFileSync(rules, 'utf8').replace('base-uri(.)', 'name(.)'));
    await withRules(edition.dir);
    assert.equal((await withRules(copyTo('copy2'))).remembered, 2);
  });

  it('moves the verdict of a document that is not well-formed', async () => {
    writeFileSync(edition.document, edition.original.replace('<persName', '<persNam'));
    await run(edition.dir);
    const again = await run(copyTo('copy'));
    assert.equal(again.remembered, 2);
    assert.ok(again.files.some((f) => f.diagnostics.some((d) => d.ruleId.startsWith('xml-'))));
  });

  it('keeps no absolute path of the project in a pack of verdicts that can move', async () => {
    await run(edition.dir);
    const folder = join(edition.dir, '.samizdat', 'cache', 'verdicts');
    for (const pack of readdirSync(folder).filter((name) => name.endsWith('.pack'))) {
      assert.ok(!readFileSync(join(folder, pack), 'utf8').includes(edition.dir), pack);
    }
  });

  it('removes the pack an earlier samizdat kept for the setting (named by absolute paths)', async () => {
    await run(edition.dir);
    const cache = join(edition.dir, '.samizdat', 'cache');
    const folder = join(cache, 'verdicts');
    const [pack] = readdirSync(folder).filter((name) => name.endsWith('.pack'));
    const { setting } = JSON.parse(readFileSync(join(folder, pack), 'utf8').split('\n')[1]) as { setting: string };
    const absolute = JSON.stringify(JSON.parse(setting), (_, value: unknown) => (typeof value === 'string' && value.startsWith('place:') ? resolve(cache, value.slice(6)) : value));
    const legacy = join(folder, `${createHash('sha256').update(`samizdat-verdicts-2\0${absolute}`).digest('hex')}.pack`);
    writeFileSync(legacy, 'samizdat-verdicts-2 0\n{}');
    writeFileSync(edition.document, edition.original);
    await run(edition.dir);
    assert.deepEqual(readdirSync(folder).filter((name) => name.endsWith('.pack')), [pack]);
  });
});
