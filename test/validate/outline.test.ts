/**
 * The outline the rules layer reports firings by (where element n starts,
 * and the attribute values that may name files): `validate` gathers it in
 * the pass that checks well-formedness and RELAX NG (OutlineEvents) instead
 * of parsing the document again with saxes (outlineDocument, which other
 * callers still use). On real documents (the flagship, the corpus subset:
 * novels, plays, the TEI Stylesheets' test files; documents with CDATA,
 * comments, entities and a DOCTYPE) each place must hold that element's
 * start tag, and agree with saxes's, except where saxes's is wrong: it finds
 * the "<" by searching back for "<name", so an element followed at once by
 * one whose name begins with its own (`<l><label>`) was placed at the second.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { validate } from '../../src/validate/index.js';
import { OutlineEvents, outlineDocument, type StartTag } from '../../src/validate/schematron/locations.js';
import { checkXml, type Position, type XmlStartTag } from '../../src/xml/index.js';
import { corporaDir, repoRoot } from '../support/paths.js';

function xmlFilesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.xml'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

const documents = [
  join(repoRoot, 'tei', '1923-opposition-ch01.xml'),
  join(repoRoot, 'tei', 'register.xml'),
  join(repoRoot, 'test', 'fixtures', 'validate', 'internal-entity.xml'),
  join(repoRoot, 'test', 'fixtures', 'schematron', 'features.xml'),
  ...['eltec', 'shakedracor', 'tei-stylesheets-tests'].flatMap((corpus) => xmlFilesUnder(join(corporaDir, corpus))),
];

describe('validate: the outline of a document, taken while it is checked', function () {

  for (const file of documents) {
    it(`places every element at its start tag, and finds the attribute values saxes finds: ${relative(repoRoot, file)}`, () => {
      const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      const events = new OutlineEvents();
      const names: string[] = [];
      const read = checkXml(text, file, {}, {
        startElement: (tag: XmlStartTag, at: Position) => { names.push(tag.name); events.startElement(tag, at); },
        endElement: () => undefined,
        text: () => undefined,
        end: () => undefined,
      });
      assert.ok(read.ok, `${file} is well-formed`);
      const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
      const offsetOf = (start: StartTag): number => lineStarts[start.line - 1] + start.column - 1;
      const holdsStartTag = (start: StartTag, name: string): boolean => text.startsWith(`<${name}`, offsetOf(start)) && /[\s/>]/.test(text[offsetOf(start) + name.length + 1]);
      const mine = events.outline.elements;
      const saxes = outlineDocument(text);
      assert.equal(mine.length, saxes.elements.length);
      assert.ok(mine.length > 0);
      mine.forEach((start, n) => {
        assert.ok(holdsStartTag(start, names[n]), `element ${n + 1} <${names[n]}> is not at ${start.line}:${start.column}`);
        if (n > 0) assert.ok(offsetOf(start) > offsetOf(mine[n - 1]), `element ${n + 1} comes after element ${n}`);
        const other = saxes.elements[n];
        if (other.line !== start.line || other.column !== start.column) assert.ok(!holdsStartTag(other, names[n]), `saxes places element ${n + 1} <${names[n]}> at ${other.line}:${other.column} too`);
      });
      // saxes reports namespace declarations among the attributes, in the order written; the set is what counts.
      assert.deepEqual([...events.outline.attributeValues].sort(), [...saxes.attributeValues].sort());
    });
  }

  it('reports a firing at its element\'s start tag when the rules run in the same pass', async () => {
    const file = join(repoRoot, 'test', 'fixtures', 'schematron', 'features.xml');
    const report = await validate([file], { jobs: 1, cacheDir: false, schematron: { sources: [{ path: join(repoRoot, 'test', 'fixtures', 'schematron', 'features.sch') }] } });
    const outline = outlineDocument(readFileSync(file, 'utf8'));
    const fired = report.files[0].diagnostics.filter((d) => d.ruleId.startsWith('sch:'));
    assert.ok(fired.length > 0, JSON.stringify(report.files[0].diagnostics));
    for (const firing of fired) {
      assert.ok(outline.elements.some((start) => start.line === firing.line && start.column === firing.column), `${firing.ruleId} at ${firing.line}:${firing.column} is at a start tag`);
    }
  });
});
