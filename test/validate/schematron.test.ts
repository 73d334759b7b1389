import { strict as assert } from 'node:assert';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../src/diagnostics.js';
import {
  defaultCacheDir, loadRules, runRules, runSchematron, schematronSourcesOf, severityOfRole, type CompiledRules,
} from '../../src/validate/schematron.js';
import { filesNamedBy } from '../../src/validate/schematron/sandbox.js';
import { corporaDir } from '../support/paths.js';

const fixtures = fileURLToPath(new URL('../fixtures/schematron/', import.meta.url));
const eltec = join(corporaDir, 'eltec') + '/';
const cacheDir = defaultCacheDir();

async function documentAt(path: string) {
  return { path, text: await readFile(path, 'utf8') };
}

function brief(diagnostics: Diagnostic[]) {
  return diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId} ${d.message}`);
}

describe('Schematron engine', function () {

  describe('ISO features (test/fixtures/schematron/features.sch)', () => {
    let rules: CompiledRules;
    let found: string[];
    before(async () => {
      rules = await loadRules([{ path: join(fixtures, 'features.sch') }], { cacheDir });
      assert.deepEqual(rules.problems, []);
      found = brief(await runRules(rules, await documentAt(join(fixtures, 'features.xml'))));
    });

    it('fires at most the first matching rule of a pattern per node', () => {
      assert.ok(found.includes('7:9 info sch:numbered-paragraph paragraph 1 of 2 is numbered'), found.join('\n'));
      assert.ok(found.includes('8:9 warning sch:plain-paragraph a plain p'), found.join('\n'));
      assert.equal(found.filter((f) => f.startsWith('7:9 ') && f.includes('plain')).length, 0, 'the second rule must not fire for p n="1"');
    });

    it('evaluates lets at schema, pattern and rule level, and value-of in messages', () => {
      assert.ok(found.some((f) => f.endsWith('paragraph 1 of 2 is numbered')));
    });

    it('runs abstract rules through extends, with the role mapped to a severity', () => {
      assert.ok(found.includes('10:7 error sch:needs-type the div has no @type'), found.join('\n'));
      assert.equal(found.filter((f) => f.includes('needs-type')).length, 1, 'the typed div passes');
    });

    it('instantiates abstract patterns with their parameters', () => {
      assert.ok(found.includes('11:9 error sch:too-long the head is longer than 10 characters'), found.join('\n'));
      assert.equal(found.filter((f) => f.includes('too-long')).length, 1, 'the short head passes');
    });

    it('locates a firing on an attribute at its element, and names the pattern when the assert has no id', () => {
      assert.ok(found.includes('8:9 warning sch:attribute-context rend="shout" on p'), found.join('\n'));
    });

    it('reports nothing else', () => {
      assert.equal(found.length, 5, found.join('\n'));
    });

    it('switches rules off by id, with or without the sch: prefix', async () => {
      const document = await documentAt(join(fixtures, 'features.xml'));
      const rest = brief(await runRules(rules, document, { disabledRules: ['too-long', 'sch:needs-type'] }));
      assert.ok(!rest.some((f) => f.includes('too-long') || f.includes('needs-type')), rest.join('\n'));
      assert.equal(rest.length, 3);
    });
  });

  it('finds the nodes of every form of rule context, whether looked up by name or selected as written (test/fixtures/schematron/contexts.sch)', async () => {
    const rules = await loadRules([{ path: join(fixtures, 'contexts.sch') }], { cacheDir });
    assert.deepEqual(rules.problems, []);
    const found = brief(await runRules(rules, await documentAt(join(fixtures, 'contexts.xml')))).map((f) => f.replace(/ error sch:/, ' '))
      .filter((f) => !/^\S+ ordered /.test(f));
    assert.deepEqual(found.sort(), [
      '10:7 plain-element plain bare',
      '11:10 internal-target ref points inside',
      '2:1 root the root is TEI',
      '5:24 dated date dated 1923-10-08',
      '5:7 identified p identified as p1',
      '5:7 needle a text node holds the needle',
      '6:12 margin-note margin note 1',
      '6:56 other-note note 2',
      '6:84 other-note x:note 3',
      '7:46 attribute rend=italic on hi',
      '7:71 attribute x:mark=star on seg',
      '8:19 list-label label one in a list',
      '12:10 period date from 1923 to 1924',
      '12:79 between-or-second date between',
      '6:56 between-or-second note foot',
    ].sort(), 'not the label outside the list, nor the x:date (not TEI), nor the seg\'s rend (not on a hi), nor the external ref, nor a date without @to');
  });

  it('reports a pattern\'s firings in document order, pattern after pattern, though it looks candidates up name by name', async () => {
    const rules = await loadRules([{ path: join(fixtures, 'contexts.sch') }], { cacheDir });
    const found = (await runRules(rules, await documentAt(join(fixtures, 'contexts.xml')))).map((d) => `${d.line}:${d.column} ${d.ruleId}`);
    assert.deepEqual(found, [
      '6:12 sch:margin-note', '6:56 sch:other-note', '6:84 sch:other-note', '8:19 sch:list-label', '10:7 sch:plain-element',
      '5:7 sch:identified', '5:24 sch:dated',
      '6:56 sch:between-or-second', '12:10 sch:period', '12:79 sch:between-or-second',
      '6:12 sch:ordered', '6:56 sch:ordered', '8:19 sch:ordered', '9:7 sch:ordered', '11:10 sch:ordered', '11:38 sch:ordered',
      '7:46 sch:attribute', '7:71 sch:attribute',
      '2:1 sch:root', '5:7 sch:needle', '11:10 sch:internal-target',
    ]);
  });

  it('maps roles to severities', () => {
    assert.equal(severityOfRole(undefined), 'error');
    assert.equal(severityOfRole('fatal'), 'error');
    assert.equal(severityOfRole('ERROR'), 'error');
    assert.equal(severityOfRole('warn'), 'warning');
    assert.equal(severityOfRole('nonfatal'), 'warning');
    assert.equal(severityOfRole('information'), 'info');
  });

  it('reports a Schematron with a broken XPath as a problem of the schema, not a crash', async () => {
    const rules = await loadRules([{ path: join(fixtures, 'broken.sch') }], { cacheDir });
    assert.equal(rules.sets.length, 0);
    assert.equal(rules.problems.length, 1);
    assert.equal(rules.problems[0].ruleId, 'sch-compile');
    assert.equal(rules.problems[0].file, join(fixtures, 'broken.sch'));
  });

  it('refuses a query binding other than XSLT/XPath, saying which', async () => {
    const rules = await loadRules([{ path: join(fixtures, 'xquery.sch') }], { cacheDir });
    assert.equal(rules.sets.length, 0);
    assert.equal(rules.problems[0].ruleId, 'sch-compile');
    assert.match(rules.problems[0].message, /queryBinding "xquery" is not supported; use xslt2 or xslt3/);
  });

  it('runs patterns brought in by sch:include', async () => {
    const rules = await loadRules([{ path: join(fixtures, 'includes.sch') }], { cacheDir });
    const found = brief(await runRules(rules, await documentAt(join(fixtures, 'features.xml'))));
    assert.deepEqual(found, ['6:9 info sch:included-head head: Short', '11:9 info sch:included-head head: A much longer heading']);
  });

  it('finds the Schematron a document names in its xml-model PI and runs it', async () => {
    const document = await documentAt(join(fixtures, 'with-model.xml'));
    assert.deepEqual((await schematronSourcesOf(document)).sources, [{ path: join(fixtures, 'features.sch') }]);
    const found = brief(await runSchematron(document, { cacheDir }));
    assert.deepEqual(found, ['6:7 warning sch:plain-paragraph a plain p']);
  });

  it('compiles unchanged rules once: a second load finds them without recompiling', async () => {
    const fresh = await mkdtemp(join(tmpdir(), 'samizdat-sch-'));
    try {
      // Rules no other test compiled (a SEF is known by its content, wherever the file is).
      const path = join(fresh, 'rules.sch');
      await writeFile(path, (await readFile(join(fixtures, 'features.sch'), 'utf8')).replace('</schema>', `<!-- ${fresh} --></schema>`));
      const first = await loadRules([{ path }], { cacheDir: fresh });
      assert.deepEqual(first.problems, []);
      assert.equal(first.sets[0].origin, 'compiled');
      const sef = join(fresh, `${first.sets[0].key}.sef.json`);
      const compiledAt = (await stat(sef)).mtimeMs;
      const second = await loadRules([{ path }], { cacheDir: fresh });
      assert.equal(second.sets[0].origin, 'memory');
      assert.equal(second.sets[0].key, first.sets[0].key);
      assert.equal((await stat(sef)).mtimeMs, compiledAt);
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  });

  describe('Schematron embedded in ELTeC\'s eltec-1.rng', () => {
    let rules: CompiledRules;
    let novel: { path: string; text: string };
    before(async () => {
      rules = await loadRules([{ path: join(eltec, 'Schemas/eltec-1.rng') }], { cacheDir });
      assert.deepEqual(rules.problems, []);
      novel = await documentAt(join(eltec, 'ELTeC-eng/level1/ENG18400_Trollope.xml'));
    });

    it('is found through the novel\'s own xml-model PI', async () => {
      assert.deepEqual((await schematronSourcesOf(novel)).sources, [{ path: join(eltec, 'Schemas/eltec-1.rng') }]);
      assert.deepEqual(brief(await runSchematron(novel, { cacheDir })), []);
    });

    it('finds nothing to report in a published ELTeC novel', async () => {
      assert.deepEqual(brief(await runRules(rules, novel)), []);
    });

    it('reports a date in the text and a missing word count, at their lines', async () => {
      const text = novel.text
        .replace('<measure unit="words">', '<measure unit="pages">')
        .replace(/(<body>\s*<div[^>]*>)/, '$1<date>1840</date>');
      const found = await runRules(rules, { path: novel.path, text });
      const lines = text.split('\n');
      const date = found.find((d) => d.message.includes('date element should not be used outside the TEI Header'));
      assert.ok(date, brief(found).join('\n'));
      assert.equal(date.severity, 'error');
      assert.match(lines[date.line! - 1].slice(date.column! - 1), /^<date>1840/);
      const count = found.find((d) => d.ruleId === 'sch:eltec-1-extent-wordCountMandatory-constraint-assert-2');
      assert.ok(count, brief(found).join('\n'));
      assert.match(count.message, /You must provide a word count/);
      assert.match(lines[count.line! - 1].slice(count.column! - 1), /^<extent/);
      assert.equal(found.length, 2, brief(found).join('\n'));
    });
  });
});

describe('Schematron sandbox', function () {

  it('lets rules read only local files the document names, never other files or the network', async () => {
    const rules = await loadRules([{ path: join(fixtures, 'reads-files.sch') }], { cacheDir });
    assert.deepEqual(rules.problems, []);
    const found = await runRules(rules, await documentAt(join(fixtures, 'names-a-file.xml')));
    assert.deepEqual(found.map((d) => d.ruleId), ['sch:read-named']);
  });

  it('never lets a named file\'s external entity read what the document does not name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samizdat-entity-'));
    writeFileSync(join(dir, 'secret.txt'), 'TOP-SECRET');
    writeFileSync(join(dir, 'register.xml'), '<!DOCTYPE r [<!ENTITY s SYSTEM "secret.txt">]><r>&s;</r>');
    writeFileSync(join(dir, 'letter.xml'), '<letter corresp="register.xml"/>');
    const rules = await loadRules([{ path: 'leak.sch', text: '<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt3"><pattern><rule context="/*">' +
      '<report test="true()" id="leak">register says: <value-of select="string(doc(resolve-uri(\'register.xml\', base-uri(.))))"/></report></rule></pattern></schema>' }], { cacheDir });
    const found = await runRules(rules, await documentAt(join(dir, 'letter.xml')));
    assert.ok(found.length > 0, 'the rule ran or said why it could not');
    for (const d of found) assert.doesNotMatch(d.message, /TOP-SECRET/);
  });
});

describe('the files a document names (what its rules may read)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samizdat-named-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('resolves each distinct token once: existing files inside the folder are readable, missing file names are remembered, other values ignored', () => {
    mkdirSync(join(dir, 'edition', 'notes'), { recursive: true });
    writeFileSync(join(dir, 'edition', 'register.xml'), '<r/>');
    writeFileSync(join(dir, 'edition', 'notes', 'a note.xml'), '<n/>');
    writeFileSync(join(dir, 'outside.xml'), '<o/>');
    const document = join(dir, 'edition', 'letter.xml');
    const values = ['register.xml#p1 register.xml#p2', '#speaker p1 1923-10-08', 'notes/a%20note.xml', 'people.xml#x', '../outside.xml', 'https://example.org/r.xml', 'reg:$1'];
    const { readable, dependsOn } = filesNamedBy(document, values);
    assert.deepEqual([...readable.keys()].sort(), [join(dir, 'edition', 'notes', 'a note.xml'), join(dir, 'edition', 'register.xml')]);
    assert.deepEqual([...dependsOn].sort(), [join(dir, 'edition', 'notes', 'a note.xml'), join(dir, 'edition', 'people.xml'), join(dir, 'edition', 'register.xml')]);
  });

  it('finds a file that appeared since it last looked (the folder\'s listing is read again when the folder changes)', () => {
    const document = join(dir, 'edition', 'letter.xml');
    assert.equal(filesNamedBy(document, ['persons.xml#a']).readable.size, 0);
    writeFileSync(join(dir, 'edition', 'persons.xml'), '<p/>');
    assert.deepEqual([...filesNamedBy(document, ['persons.xml#a']).readable.keys()], [join(dir, 'edition', 'persons.xml')]);
  });
});
