/**
 * Any TEI, not only ours: every document of the corpus subset in test/corpora (novels,
 * plays, the TEI Stylesheets' odd test files, some TEI P4) is published
 * without errors, and its reading text keeps every word of its <text>, in
 * order. The reference words are read with an independent parser
 * (test/support/tree.ts); what the reading text leaves out on purpose is
 * mirrored: the unchosen side of a choice or app, the explanation (desc) of an
 * omission; notes come after the text, in order.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../../src/build/index.js';
import { toText } from '../../src/transform/index.js';
import { type XmlElement, type XmlNode, parseXmlFile } from '../support/tree.js';
import { corporaDir } from '../support/paths.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpora = corporaDir;
const folders = ['eltec/ELTeC-eng/level1', 'shakedracor/tei', 'tei-stylesheets-tests'];
const TEI = 'http://www.tei-c.org/ns/1.0';

const localName = (e: XmlElement): string => e.name.replace(/^.*:/, '');

/** The element's namespace, from xmlns declarations on it and its ancestors ('' for none). */
function namespaceOf(e: XmlElement): string {
  const prefix = e.name.includes(':') ? e.name.slice(0, e.name.indexOf(':')) : '';
  const attribute = prefix ? `xmlns:${prefix}` : 'xmlns';
  for (let at: XmlElement | undefined = e; at; at = at.parent) if (attribute in at.attrs) return at.attrs[attribute];
  return '';
}
const isTei = (e: XmlElement, name?: string): boolean => {
  const ns = namespaceOf(e);
  return (ns === TEI || ns === '') && (name === undefined || localName(e) === name);
};

/** Tokens of a node's text as the reading text keeps it; notes are gathered into `notes`. */
function tokens(node: XmlNode, out: string[], notes: XmlElement[] | undefined): void {
  if (typeof node === 'string') { out.push(...(node.match(/[\p{L}\p{N}]+/gu) ?? [])); return; }
  if (isTei(node, 'note') && notes) { notes.push(node); return; }
  if (isTei(node, 'desc') && node.parent && isTei(node.parent, 'ellipsis')) return;
  if (isTei(node, 'teiHeader')) return;
  let children = node.children;
  const elements = children.filter((c): c is XmlElement => typeof c !== 'string');
  if (isTei(node, 'choice')) children = [elements.find((c) => ['corr', 'reg', 'expan'].includes(localName(c))) ?? elements[0]].filter(Boolean);
  if (isTei(node, 'app')) children = [elements.find((c) => localName(c) === 'lem') ?? elements.find((c) => localName(c) === 'rdg') ?? elements[0]].filter(Boolean);
  for (const child of children) tokens(child, out, notes);
}

function outermostTexts(e: XmlElement): XmlElement[] {
  if (isTei(e, 'text')) return [e];
  return e.children.flatMap((c) => (typeof c === 'string' ? [] : outermostTexts(c)));
}

/** The words of the document's <text>: body first, then the notes. */
function referenceWords(file: string): string[] {
  const document = parseXmlFile(file);
  const texts = outermostTexts(document);
  const words: string[] = [];
  const notes: XmlElement[] = [];
  for (const text of texts.length > 0 ? texts : [document]) tokens(text, words, notes);
  for (const note of notes) tokens(note, words, undefined);
  return words;
}

/** Index of the first reference word not found, in order, in the output; -1 when all are. */
function firstMissing(words: readonly string[], output: string): number {
  const stream = (output.match(/[\p{L}\p{N}]+/gu) ?? []).join('');
  let at = 0;
  for (let i = 0; i < words.length; i++) {
    const found = stream.indexOf(words[i], at);
    if (found < 0) return i;
    at = found + words[i].length;
  }
  return -1;
}

describe('any TEI: the corpus subset', function () {
  this.timeout(600_000);
  for (const folder of folders) {
    const dir = join(corpora, folder);
    const files = readdirSync(dir).filter((f) => f.endsWith('.xml')).sort();

    describe(folder, () => {
      for (const name of files) {
        it(`${name}: the reading text keeps every word of <text>, in order`, async () => {
          const file = join(dir, name);
          const words = referenceWords(file);
          const text = await toText(file);
          const missing = firstMissing(words, text);
          assert.equal(missing, -1, missing < 0 ? '' : `word ${missing} "${words[missing]}" (after "${words.slice(Math.max(0, missing - 8), missing).join(' ')}") is missing`);
        });
      }

      it('builds as an edition without errors', async () => {
        const out = mkdtempSync(join(tmpdir(), 'samizdat-corpus-'));
        try {
          const report = await build(dir, { out: join(out, 'dist') });
          // Warnings are allowed: the TEI Stylesheets' test files name images this repository does not carry.
          assert.deepEqual(report.diagnostics.filter((d) => d.severity !== 'warning'), []);
          assert.equal(report.documents.length, files.length);
        } finally {
          rmSync(out, { recursive: true, force: true });
        }
      });
    });
  }
});
