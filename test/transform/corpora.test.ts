/**
 * Any TEI, not only ours: every document of the corpus subset in test/corpora (novels,
 * plays, the TEI Stylesheets' odd test files, some TEI P4) is published
 * without errors, and its reading text keeps every word of its <text>, in
 * order. The reference words are read with an independent parser
 * (test/support/tree.ts); what the reading text leaves out on purpose is
 * mirrored: the unchosen side of a choice, the explanation (desc) of an
 * omission; an app gives its lemma in the text and every reading in the
 * apparatus after it; notes come last, in order.
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

/** The readings of an app, its own (in its rdgGrps too), not those of apps nested in them. */
function readings(app: XmlElement): XmlElement[] {
  return app.children.flatMap((c) => (typeof c === 'string' ? [] : ['lem', 'rdg'].includes(localName(c)) ? [c] : localName(c) === 'rdgGrp' ? readings(c) : []));
}

/**
 * Tokens of a node's text as the reading text keeps it; notes are gathered
 * into `notes`, apparatus entries (apps, innermost first) into `apparatus`.
 */
function tokens(node: XmlNode, out: string[], notes: XmlElement[] | undefined, apparatus: XmlElement[] | undefined): void {
  if (typeof node === 'string') { out.push(...(node.match(/[\p{L}\p{N}]+/gu) ?? [])); return; }
  if (isTei(node, 'note') && notes) { notes.push(node); return; }
  if (isTei(node, 'desc') && node.parent && isTei(node.parent, 'ellipsis')) return;
  if (isTei(node, 'teiHeader')) return;
  let children = node.children;
  const elements = children.filter((c): c is XmlElement => typeof c !== 'string');
  if (isTei(node, 'choice')) children = [elements.find((c) => ['corr', 'reg', 'expan'].includes(localName(c))) ?? elements[0]].filter(Boolean);
  if (isTei(node, 'app')) {
    // The reading in the text (its notes are the entry's); every reading again in the apparatus after the text.
    const shown = readings(node).find((r) => localName(r) === 'lem') ?? readings(node)[0];
    for (const child of shown?.children ?? []) tokens(child, out, undefined, apparatus);
    apparatus?.push(node);
    return;
  }
  for (const child of children) tokens(child, out, notes, apparatus);
}

/** An entry's words: the lemma, the other readings, the notes. */
function entryTokens(app: XmlElement, out: string[]): void {
  const all = readings(app);
  const lemma = all.find((r) => localName(r) === 'lem') ?? all[0];
  const notes: XmlElement[] = [];
  const skipNotes = (node: XmlNode): void => {
    if (typeof node !== 'string' && isTei(node, 'note')) { notes.push(node); return; }
    if (typeof node !== 'string' && isTei(node, 'app')) { const inner = readings(node); const shown = inner.find((r) => localName(r) === 'lem') ?? inner[0]; shown?.children.forEach(skipNotes); return; }
    if (typeof node === 'string') tokens(node, out, undefined, undefined);
    else node.children.forEach(skipNotes);
  };
  for (const reading of [lemma, ...all.filter((r) => r !== lemma)].filter(Boolean)) skipNotes(reading);
  for (const note of [...notes, ...app.children.filter((c): c is XmlElement => typeof c !== 'string' && isTei(c, 'note'))]) tokens(note, out, undefined, undefined);
}

function outermostTexts(e: XmlElement): XmlElement[] {
  if (isTei(e, 'text')) return [e];
  return e.children.flatMap((c) => (typeof c === 'string' ? [] : outermostTexts(c)));
}

/** The words of the document's <text>: body first, then the apparatus, then the notes. */
function referenceWords(file: string): string[] {
  const document = parseXmlFile(file);
  const texts = outermostTexts(document);
  const words: string[] = [];
  const notes: XmlElement[] = [];
  const apparatus: XmlElement[] = [];
  for (const text of texts.length > 0 ? texts : [document]) tokens(text, words, notes, apparatus);
  for (const app of apparatus) entryTokens(app, words);
  for (const note of notes) tokens(note, words, undefined, undefined);
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
