/**
 * schemas/samizdat.rng, the edition's own grammar, is a strict subset of
 * TEI P5: whatever it accepts, tei_all accepts (jing is the judge), and it
 * closes the vocabularies the edition controls.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jingValidate, requireJing } from './support/jing.js';
import { descendants, parseXmlFile } from './support/tree.js';
import { teiAllSchema } from './support/paths.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const editionSchema = join(root, 'schemas/samizdat.rng');
const teiAll = teiAllSchema;
const fixtures = join(root, 'test/fixtures/edition-schema');
const everyElement = join(fixtures, 'every-element.xml');

const xmlIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.xml')).map((f) => join(dir, f));
/** The flagship and the sample edition `samizdat init` writes. */
const teiFiles = [...xmlIn(join(root, 'tei')), ...xmlIn(join(root, 'templates/init/tei'))];
const fixtureFiles = xmlIn(fixtures);

/** Variants of the every-element fixture that break a closed vocabulary. */
const outsideVocabulary: Array<[string, string, string]> = [
  ['gap reason', 'reason="illegible"', 'reason="whim"'],
  ['div type', 'type="chapter"', 'type="chapterette"'],
  ['note type', 'type="editorial"', 'type="musing"'],
  ['idno type', 'type="wikidata"', 'type="myspace"'],
  ['metamark function', 'function="ellipsis"', 'function="squiggle"'],
];

describe('the edition schema (schemas/samizdat.rng)', function () {
  before(function () {
    requireJing(this);
  });

  it('accepts the flagship edition, its register and the init sample', () => {
    for (const verdict of jingValidate(editionSchema, teiFiles)) {
      assert.ok(verdict.valid, `${verdict.file}:\n${verdict.messages.join('\n')}`);
    }
  });

  it('is exercised element by element by the fixture', () => {
    const grammar = parseXmlFile(editionSchema);
    const defined = new Set([...descendants(grammar)].filter((e) => e.name === 'element').map((e) => e.attrs.name));
    const used = new Set([...descendants(parseXmlFile(everyElement))].map((e) => e.name).concat('TEI'));
    const missing = [...defined].filter((name) => !used.has(name));
    assert.deepEqual(missing, [], 'every element the grammar defines appears in every-element.xml');
  });

  it('accepts nothing that tei_all.rng rejects (flagship and fixtures)', () => {
    const files = [...teiFiles, ...fixtureFiles];
    const ours = jingValidate(editionSchema, files);
    const tei = jingValidate(teiAll, files);
    const acceptedByOurs = ours.filter((v) => v.valid).map((v) => v.file);
    assert.ok(acceptedByOurs.length >= files.length, 'every fixture is meant to be valid against samizdat.rng');
    for (const file of acceptedByOurs) {
      const verdict = tei.find((v) => v.file === file)!;
      assert.ok(verdict.valid, `valid against samizdat.rng but not tei_all.rng: ${file}\n${verdict.messages.join('\n')}`);
    }
  });

  it('closes the vocabularies the edition controls (tei_all would accept these)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'samizdat-vocab-'));
    const base = readFileSync(everyElement, 'utf8');
    const variants = outsideVocabulary.map(([label, from, to]) => {
      assert.ok(base.includes(from), `fixture has ${from}`);
      const file = join(dir, `${label.replace(/\W+/g, '-')}.xml`);
      writeFileSync(file, base.replace(from, to));
      return file;
    });
    const ours = jingValidate(editionSchema, variants);
    const tei = jingValidate(teiAll, variants);
    ours.forEach((verdict, i) => {
      assert.ok(!verdict.valid, `samizdat.rng must reject ${outsideVocabulary[i][0]} ${outsideVocabulary[i][2]}`);
      assert.ok(tei[i].valid, `tei_all accepts ${outsideVocabulary[i][0]} ${outsideVocabulary[i][2]}: ${tei[i].messages}`);
    });
  });
});
