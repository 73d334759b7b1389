/**
 * Faithfulness of the flagship encoding to its source: nothing of the text
 * lost or altered, every omission and every named entity marked, every
 * pointer resolving, and both files valid TEI (jing as the oracle).
 */
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jingValidate, requireJing } from './support/jing.js';
import {
  type XmlElement,
  child,
  descendants,
  elements,
  normaliseSpace,
  parseXmlFile,
  textOf,
} from './support/tree.js';
import { sourcesDir, teiAllSchema } from './support/paths.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const teiDir = join(root, 'tei');
const documentPath = join(teiDir, '1923-opposition-ch01.xml');
const registerPath = join(teiDir, 'register.xml');
const sourcePath = join(sourcesDir, '1923-opposition-ch01.txt');
const teiAll = teiAllSchema;

/**
 * The source's document text: the file less the web page's footer. The
 * sources README counts the footer as three lines ("Table of Contents", the
 * archive names, "Last updated …"); the archive names run over two physical
 * lines joined by a trailing "|", so lines are joined there before counting.
 */
function sourceDocumentText(): string {
  const lines = readFileSync(sourcePath, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const logical: string[] = [];
  for (const line of lines) {
    const previous = logical[logical.length - 1];
    if (previous !== undefined && previous.trimEnd().endsWith('|')) logical[logical.length - 1] = `${previous} ${line}`;
    else logical.push(line);
  }
  assert.match(logical[logical.length - 3], /^Table of Contents/, 'the footer starts where the README says');
  return logical.slice(0, -3).join('\n');
}

/** An omission stands for the glyphs the source printed there (its metamark). */
function printedGlyphs(e: XmlElement): string | undefined {
  if (e.name !== 'ellipsis') return undefined;
  const metamark = child(e, 'metamark');
  return metamark ? textOf(metamark) : '';
}

const edition = parseXmlFile(documentPath);
const register = parseXmlFile(registerPath);
const text = elements(edition, 'text')[0];
const source = sourceDocumentText();

describe('the flagship edition (tei/1923-opposition-ch01.xml)', () => {
  describe('faithfulness to the source text', () => {
    it('reproduces the source character for character, omissions as their printed glyphs', () => {
      const encoded = normaliseSpace(textOf(text, printedGlyphs));
      const expected = normaliseSpace(source);
      if (encoded !== expected) {
        let i = 0;
        while (i < encoded.length && encoded[i] === expected[i]) i++;
        assert.fail(
          `text differs at character ${i}:\n  encoded: …${encoded.slice(Math.max(0, i - 40), i + 40)}…\n` +
            `  source:  …${expected.slice(Math.max(0, i - 40), i + 40)}…`,
        );
      }
    });

    it('keeps curly apostrophes, em dashes and accented letters', () => {
      const encoded = textOf(text, printedGlyphs);
      for (const glyph of ['’', '—', 'é', '…']) {
        assert.equal(
          encoded.split(glyph).length,
          source.split(glyph).length,
          `count of ${JSON.stringify(glyph)} differs from the source`,
        );
      }
      assert.ok(!encoded.includes("'"), 'no straight apostrophe replaces a curly one');
    });

    it('gives every paragraph a stable xml:id and number, in order', () => {
      const paragraphs = elements(text, 'p');
      assert.equal(paragraphs.length, 8, 'four paragraphs of introduction and four of the letter');
      paragraphs.forEach((p, i) => {
        assert.equal(p.attrs['xml:id'], `p${i + 1}`);
        assert.equal(p.attrs.n, String(i + 1));
      });
    });

    it('encodes the introduction and the letter as distinct divisions, the letter as a floatingText', () => {
      const intro = elements(text, 'div').find((d) => d.attrs.type === 'introduction');
      const letter = elements(text, 'floatingText').find((f) => f.attrs.type === 'letter');
      assert.ok(intro && letter);
      assert.deepEqual(elements(intro, 'p').map((p) => p.attrs['xml:id']), ['p1', 'p2', 'p3', 'p4']);
      assert.deepEqual(elements(letter, 'p').map((p) => p.attrs['xml:id']), ['p5', 'p6', 'p7', 'p8']);
    });

    it('keeps the enumeration "a) … b) …" as a list with its printed labels', () => {
      const [list] = elements(text, 'list');
      assert.ok(list, 'a list');
      assert.deepEqual(elements(list, 'label').map((l) => textOf(l)), ['a)', 'b)']);
      assert.deepEqual(elements(list, 'item').map((i) => i.attrs.n), ['a', 'b']);
    });
  });

  describe('ellipses and omissions', () => {
    const omissions = elements(text, 'ellipsis');

    it('encodes all six printed ellipses as omissions with exactly the printed glyphs', () => {
      assert.deepEqual(
        omissions.map((o) => textOf(child(o, 'metamark')!)),
        ['. . .', '. . .', '…', '. . .', '…', '…'],
      );
      // Every ellipsis the source prints is accounted for by an omission, and no other.
      const printedInSource = source.match(/\. \. \.|…/g) ?? [];
      assert.equal(omissions.length, printedInSource.length);
    });

    it('says who omitted, that the extent is unknown, and why', () => {
      const ids = new Set([...descendants(edition)].map((e) => e.attrs['xml:id']).filter(Boolean));
      for (const omission of omissions) {
        assert.equal(omission.attrs.resp, '#collection-editors');
        assert.ok(ids.has(omission.attrs.resp.slice(1)), 'resp points at a respStmt in the header');
        assert.equal(omission.attrs.extent, 'unknown');
        assert.match(normaliseSpace(textOf(child(omission, 'desc')!)), /editors of the collection/);
      }
    });

    it('keeps the full stop after "…" outside the omission (it is the sentence’s own)', () => {
      const followedByStop = omissions.filter((o) => {
        const siblings = o.parent!.children;
        const next = siblings[siblings.indexOf(o) + 1];
        return typeof next === 'string' && next.startsWith('.');
      });
      assert.equal(followedByStop.length, 2);
      assert.ok(followedByStop.every((o) => textOf(child(o, 'metamark')!) === '…'));
    });

    it('uses no gap: the encoder leaves nothing out', () => {
      assert.equal(elements(edition, 'gap').length, 0);
    });
  });

  describe('named entities', () => {
    /**
     * Each row: an element, the register entry it points to, and the form of
     * the name in the source. Every occurrence of the form in the source must
     * fall inside such an element, so the counts must agree.
     */
    const mentions: Array<[string, string, RegExp]> = [
      ['persName', 'trotsky', /\bTrotsky\b/g],
      ['persName', 'dzerzhinsky', /\bDzerzhinsky\b/g],
      ['persName', 'kamenev', /\bKamenev\b/g],
      ['persName', 'zinoviev', /\bZinoviev\b/g],
      ['persName', 'stalin', /\bStalin\b/g],
      ['placeName', 'soviet-union', /\bSoviet Union\b/g],
      ['placeName', 'sormovo', /\bSormovo\b/g],
      ['placeName', 'kharkov', /\bKharkov\b/g],
      ['placeName', 'donets-basin', /\bDonets Basin\b/g],
      ['orgName', 'state-bank', /\bState Bank\b/g],
      ['orgName', 'rcp', /\bParty\b/g],
      ['orgName', 'central-committee', /\bCentral Committee\b/g],
      ['orgName', 'central-control-commission', /\bCentral Control Commission\b/g],
      ['orgName', 'politburo', /\bPolitburo\b/g],
      ['orgName', 'gpu', /\bGPU\b/g],
      ['orgName', 'dzerzhinsky-commission', /\bDzerzhinsky’s commission\b/g],
      ['eventName', 'twelfth-congress', /\bTwelfth Congress\b/g],
      ['eventName', 'october-revolution', /\bOctober Revolution\b/g],
      ['eventName', 'war-communism', /\bWar Communism\b/g],
      ['name', 'kulaks', /\bKulaks\b/g],
      ['name', 'nepmen', /\bNepmen\b/g],
    ];

    for (const [elementName, entry, form] of mentions) {
      it(`marks every mention of ${form.source.replace(/\\b/g, '')} as ${elementName} → ${entry}`, () => {
        const inSource = source.match(form)?.length ?? 0;
        assert.ok(inSource > 0, 'the form occurs in the source');
        const marked = elements(text, elementName).filter((e) => e.attrs.ref === `reg:${entry}`);
        const inMarkup = marked.reduce((n, e) => n + (normaliseSpace(textOf(e)).match(form)?.length ?? 0), 0);
        assert.equal(inMarkup, inSource, `${inSource} in the source, ${inMarkup} inside <${elementName} ref="reg:${entry}">`);
      });
    }

    it('marks and normalises every date', () => {
      const dates = elements(text, 'date').map((d) => ({ text: normaliseSpace(textOf(d)), ...d.attrs }));
      assert.deepEqual(dates, [
        { text: 'summer of 1923', notBefore: '1923-06-01', notAfter: '1923-08-31' },
        { text: 'August', when: '1923-08' },
        { text: 'the end of September 1923', notBefore: '1923-09-21', notAfter: '1923-09-30' },
        { text: 'October 8', when: '1923-10-08' },
        { text: 'six years after the October Revolution', when: '1923' },
      ]);
    });
  });

  describe('pointers and identifiers', () => {
    /** Expands `reg:x` through the document's own prefixDef, as a TEI processor would. */
    function expand(pointer: string, doc: XmlElement): string {
      const match = /^([a-z][a-z0-9+.-]*):(.*)$/i.exec(pointer);
      if (!match) return pointer;
      const prefixDef = elements(doc, 'prefixDef').find((p) => p.attrs.ident === match[1]);
      if (!prefixDef) return pointer;
      const pattern = new RegExp(`^${prefixDef.attrs.matchPattern}$`);
      assert.match(match[2], pattern, `${pointer} fits the prefixDef's matchPattern`);
      return match[2].replace(pattern, prefixDef.attrs.replacementPattern);
    }

    const idsOf = (doc: XmlElement) => [...descendants(doc)].map((e) => e.attrs['xml:id']).filter(Boolean);

    it('resolves every @ref to a register entry', () => {
      const registerIds = new Set(idsOf(register));
      const refs = [...descendants(edition)].filter((e) => e.attrs.ref).map((e) => e.attrs.ref);
      assert.ok(refs.length > 0, "the edition points into the register");
      for (const ref of refs) {
        const target = expand(ref, edition);
        const [file, id] = target.split('#');
        assert.equal(file, 'register.xml', `${ref} points into the register`);
        assert.ok(registerIds.has(id), `${ref}: no entry "${id}" in register.xml`);
      }
    });

    it('mentions every register entry in some document, or marks it as deliberately unused', () => {
      const documents = readdirSync(teiDir)
        .filter((f) => f.endsWith('.xml') && f !== 'register.xml')
        .map((f) => parseXmlFile(join(teiDir, f)));
      const mentioned = new Set(
        documents.flatMap((doc) =>
          [...descendants(doc)].filter((e) => e.attrs.ref).map((e) => expand(e.attrs.ref, doc).split('#')[1]),
        ),
      );
      const entries = [...descendants(register)].filter((e) =>
        ['person', 'personGrp', 'place', 'org', 'event'].includes(e.name),
      );
      assert.equal(entries.length, 21);
      for (const entry of entries) {
        const unused = entry.children.some((c) => typeof c !== 'string' && c.name === 'note' && c.attrs.type === 'unused');
        assert.ok(mentioned.has(entry.attrs['xml:id']) || unused, `${entry.attrs['xml:id']} is never mentioned`);
      }
    });

    it('gives each register entry a preferred name and a one-line description', () => {
      for (const entry of [...descendants(register)].filter((e) => e.attrs['xml:id'] && e.parent?.name.startsWith('list'))) {
        const names = entry.children.filter((c): c is XmlElement => typeof c !== 'string' && /Name$|^name$/.test(c.name));
        assert.equal(names[0]?.attrs.type, 'preferred', `${entry.attrs['xml:id']}: first name is preferred`);
        const description = entry.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === 'note' && c.attrs.type === 'description');
        assert.ok(description && normaliseSpace(textOf(description)).length > 10, `${entry.attrs['xml:id']}: description`);
      }
    });

    it('uses only authority identifiers confirmed in the sources', () => {
      const authorities = readFileSync(join(sourcesDir, 'authorities.md'), 'utf8');
      const idnos = elements(register, 'idno');
      for (const idno of idnos) {
        const value = textOf(idno).trim();
        const entry = idno.parent!;
        const name = normaliseSpace(textOf(child(entry, 'persName') ?? child(entry, 'placeName') ?? child(entry, 'orgName')!));
        const row = authorities.split('\n').find((line) => line.startsWith(`| ${name} |`));
        assert.ok(row, `${name} is listed in authorities.md`);
        assert.ok(row.includes(`| ${value} |`), `${value} is the identifier listed for ${name}`);
      }
      assert.deepEqual(idnos.map((i) => textOf(i)), ['Q855']);
    });

    it('keeps every xml:id unique within each file', () => {
      for (const doc of [edition, register]) {
        const ids = idsOf(doc);
        assert.equal(new Set(ids).size, ids.length, `duplicates: ${ids.filter((id, i) => ids.indexOf(id) !== i)}`);
      }
    });
  });

  describe('validity', () => {
    it('both files are valid against tei_all.rng (TEI P5 4.11.0) according to jing', function () {
      requireJing(this);
      for (const verdict of jingValidate(teiAll, [documentPath, registerPath])) {
        assert.ok(verdict.valid, `${verdict.file}:\n${verdict.messages.join('\n')}`);
      }
    });
  });
});
