/**
 * No string templating of markup: random strings (fast-check) — `$`
 * replacement patterns, `</script>`, comment openers, quotes, control
 * characters, any Unicode — as a document's title, a paragraph's number, a
 * register entry's name and description, and a document's file name. Every
 * page must parse (parse5, the HTML standard's parser) to the expected
 * structure: one title holding exactly the title, one JSON-LD block that is
 * JSON naming it, no other script, links that lead to the published files.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { build, documentName } from '../../src/build/index.js';
import { htmlAttribute, htmlText, isFileName, jsonInScript, urlPath } from '../../src/escape.js';
import { repoRoot } from '../support/paths.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const flagship = readFileSync(join(repoRoot, 'tei', '1923-opposition-ch01.xml'), 'utf8');
const register = readFileSync(join(repoRoot, 'tei', 'register.xml'), 'utf8');

/** Pieces that broke (or could break) string templating, mixed into random text. */
const NASTY = ['$\'', '$&', '$`', '$1', '$$', '$<name>', '</script>', '</SCRIPT ', '<!--', '-->', ']]>', '"', "'", '<b>', '&amp;', '&', '<', '>', '\u2028', '\u2029', '\u0085', '\u00a0', '\u200f', '😀', 'Ελληνικά', '\t', '\n'];

/**
 * Characters XML 1.0 can carry (a TEI document cannot hold the others at
 * all), less the C1 controls: the HTML serializer writes them as numeric
 * references, which HTML parsers read as windows-1252 characters (a
 * limitation of the serializer, docs/guarantees.md).
 */
const xmlChar = (c: string) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u0080-\u009F\uFFFE\uFFFF]|[\uD800-\uDFFF]/.test(c);

const text = fc.array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary', maxLength: 6 })), { minLength: 1, maxLength: 6 })
  .map((parts) => [...parts.join('')].filter(xmlChar).join(''))
  .filter((t) => t.trim() !== '' && t.replace(/\s+/g, ' ').trim() !== '');

/** A file name any file system here takes: no `/`, no NUL, not hidden, not too long. */
const fileName = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
  .map((name) => name.replace(/[/\u0000]/g, '-'))
  .filter((name) => !name.startsWith('.') && Buffer.byteLength(name) < 100 && name.trim() !== '');

const xml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const spaced = (value: string) => value.replace(/\s+/g, ' ').trim();

function* all(node: Node): Generator<Element> {
  if ('tagName' in node) yield node;
  if ('childNodes' in node) for (const child of node.childNodes) yield* all(child);
  if ('content' in node && node.content) yield* all(node.content as Node);
}
const textOf = (node: Node): string => ('value' in node && node.nodeName === '#text' ? node.value : 'childNodes' in node ? node.childNodes.map(textOf).join('') : '');
const attribute = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;

describe('hostile text in titles, attributes, register entries and file names (property-based)', function () {
  this.timeout(900_000);
  const scratch = mkdtempSync(join(tmpdir(), 'samizdat-hostile-text-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));
  let run = 0;

  it('every page parses to the expected structure, its JSON-LD is JSON, and every link leads to a published file', async () => {
    await fc.assert(fc.asyncProperty(
      fc.uniqueArray(fc.record({ file: fileName, title: text, n: text }), { minLength: 1, maxLength: 3, selector: (d) => documentName(`${d.file}.xml`).normalize('NFC').toLowerCase() }),
      fc.record({ name: text, description: text }),
      async (documents, entry) => {
        const tei = join(scratch, `tei${++run}`);
        const out = join(scratch, `out${run}`);
        mkdirSync(tei);
        // Replaced by functions: the strings are full of `$` patterns.
        writeFileSync(join(tei, 'register.xml'), register
          .replace('<persName type="preferred">Leon Trotsky</persName>', () => `<persName type="preferred">${xml(entry.name)}</persName>`)
          .replace(/(<person xml:id="trotsky"[\s\S]*?<note type="description">)[\s\S]*?(<\/note>)/, (_, open: string, close: string) => `${open}${xml(entry.description)}${close}`));
        for (const document of documents) {
          writeFileSync(join(tei, `${document.file}.xml`), flagship
            .replace('<title level="a" type="main">Trotsky opens the attack</title>', () => `<title level="a" type="main">${xml(document.title)}</title>`)
            .replace('<p xml:id="p1" n="1">', () => `<p xml:id="p1" n="${xml(document.n)}">`));
        }
        const report = await build(tei, { out, root: scratch, buildCacheDir: join(scratch, 'cache') });
        assert.deepEqual(report.diagnostics, []);

        for (const document of documents) {
          const name = documentName(`${document.file}.xml`);
          const html = readFileSync(join(out, name, 'index.html'), 'utf8');
          const page = parse(html);
          const elements = [...all(page)];
          const titles = elements.filter((e) => e.tagName === 'title');
          assert.equal(titles.length, 1, 'one <title>');
          assert.equal(spaced(textOf(titles[0]!)), spaced(document.title));
          assert.equal(spaced(textOf(elements.find((e) => e.tagName === 'h1')!)), spaced(document.title));
          const scripts = elements.filter((e) => e.tagName === 'script');
          assert.deepEqual(scripts.map((s) => attribute(s, 'type')), ['application/ld+json'], 'no script but the JSON-LD');
          const jsonLd = JSON.parse(textOf(scripts[0]!)) as { name: string };
          assert.equal(spaced(jsonLd.name), spaced(document.title));
          const meta = elements.find((e) => e.tagName === 'meta' && attribute(e, 'name') === 'citation_title');
          assert.equal(spaced(attribute(meta!, 'content')!), spaced(document.title));
          const paragraph = elements.find((e) => e.tagName === 'li' && attribute(e, 'id') === 'cite-p1');
          assert.ok(paragraph && spaced(textOf(paragraph)).includes(`Paragraph ${spaced(document.n)}`), 'the paragraph number as text');
          for (const link of elements.filter((e) => e.tagName === 'a').map((a) => attribute(a, 'href')).filter((href): href is string => href !== undefined)) {
            assert.ok(!/^\s*(javascript|data|vbscript):/i.test(link), link);
            if (/^[a-z][a-z0-9+.-]*:|^#|^\/\//i.test(link)) continue;
            const path = decodeURIComponent(link.split('#')[0]!);
            if (path !== '') assert.ok(existsSync(join(out, name, path)), `${name}/index.html links to ${link}, which is not published`);
          }
        }
        const list = [...all(parse(readFileSync(join(out, 'index.html'), 'utf8')))];
        for (const document of documents) {
          const name = documentName(`${document.file}.xml`);
          // Found by its address: two titles may be alike once white space is collapsed ("'" and "' ").
          const link = list.find((e) => e.tagName === 'a' && decodeURIComponent(attribute(e, 'href') ?? '') === `${name}/index.html`);
          assert.ok(link, `the list of documents links ${name}/index.html`);
          assert.equal(spaced(textOf(link)), spaced(document.title), `the list of documents names ${JSON.stringify(document.title)}`);
        }
        const index = [...all(parse(readFileSync(join(out, 'entities', 'index.html'), 'utf8')))];
        assert.equal(index.filter((e) => e.tagName === 'script').length, 0);
        assert.ok(index.some((e) => spaced(textOf(e)) === spaced(entry.name)), `the entity index names ${JSON.stringify(entry.name)}`);
        assert.ok(index.some((e) => spaced(textOf(e)).includes(spaced(entry.description))), 'the entity index describes the entry');
        rmSync(tei, { recursive: true });
        rmSync(out, { recursive: true });
      },
    ), {
      numRuns: 12, endOnFailure: true,
      // Found by this property (seed -832632805): a file whose name holds a backslash, legal here, had its page but no citation file.
      examples: [[[{ file: '\\\uA783\u{10F19}', title: '&amp; ', n: ' \u200F' }], { name: '\u118D$\'', description: '<' }]],
    });
  });
});

describe('the escaping functions (property-based)', () => {
  const anyText = fc.string({ unit: 'binary' });

  it('htmlText and htmlAttribute: the HTML parser gives the text back, in an element and in a quoted attribute', () => {
    fc.assert(fc.property(anyText.map((t) => [...t].filter((c) => c !== '\u0000' && c !== '\r' && !/[\uD800-\uDFFF]/.test(c)).join('')), (value) => {
      const fragment = [...all(parse(`<!DOCTYPE html><p title="${htmlAttribute(value)}">${htmlText(value)}</p>`))].find((e) => e.tagName === 'p')!;
      assert.equal(attribute(fragment, 'title'), value);
      assert.equal(textOf(fragment), value);
    }), { numRuns: 500 });
  });

  it('jsonInScript: one script element whose content is JSON for the value', () => {
    fc.assert(fc.property(fc.jsonValue(), anyText, (value, extra) => {
      const data = { value, extra };
      const elements = [...all(parse(`<!DOCTYPE html><head><script type="application/ld+json">${jsonInScript(data)}</script></head>`))];
      const scripts = elements.filter((e) => e.tagName === 'script');
      assert.equal(scripts.length, 1);
      assert.deepEqual(JSON.parse(textOf(scripts[0]!)), JSON.parse(JSON.stringify(data)));
    }), { numRuns: 500 });
  });

  it('isFileName: one name in a folder, a backslash a character of it except on Windows', () => {
    for (const name of ['draft.bib', '\\draft.bib', 'a\\b', 'Сормово 1923.ris']) assert.equal(isFileName(name, 'linux'), true, name);
    for (const name of ['', '.', '..', '.hidden', 'a/b', '/etc', 'a\u0000b', 'tab\there', 'x'.repeat(256)]) assert.equal(isFileName(name, 'linux'), false, JSON.stringify(name));
    for (const name of ['\\draft.bib', 'a\\b', '..\\up']) assert.equal(isFileName(name, 'win32'), false, name);
    assert.equal(isFileName('draft.bib', 'win32'), true);
  });

  it('urlPath: a relative link that resolves to the same path of names', () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: 'grapheme', minLength: 1 }).filter((s) => !s.includes('/') && s !== '.' && s !== '..'), { minLength: 1, maxLength: 3 }), (names) => {
      const url = new URL(urlPath(names.join('/')), 'https://example.org/edition/');
      assert.equal(decodeURIComponent(url.pathname), `/edition/${names.join('/')}`);
    }), { numRuns: 500 });
  });
});
