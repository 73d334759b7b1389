/**
 * Rules tried on every node. saxon-js files a template rule under the element name its pattern ends with; a rule
 * whose pattern ends in `*` or `text()` it tries on every element or text node of the mode, wherever the rule ranks
 * above the node's own (xslt/common/present.xsl). In the page's and the plain text's busy modes, such a rule is for
 * a few elements (a biblStruct's fields, a register entry's parts, a cast list's white space) and first tests a
 * switch saying whether the document's texts use them: a boolean costs a fifth of the name tests it saves.
 *
 * Held here: every such rule begins with that test; and the switches see the elements wherever those modes meet
 * them: in a TEI P4 document (no namespace, moved into TEI's by samizdat:tei), in each document of a teiCorpus.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toHtml, toText } from '../../src/transform/index.js';
import { XSLT_DIR } from '../../src/transform/stylesheet.js';

/** The modes that render every node of a text: the page's and the plain text's. */
const BUSY_MODES = ['text', 'inline'];
/** Rules of last resort: they rank below every other, so they are tried only when no other matches. */
const LAST_RESORT = ['html/fallback.xsl'];

/** `source` split at the top-level occurrences of `separator` (outside brackets, parentheses and quotes). */
function splitTopLevel(source: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quote) { if (c === quote) quote = ''; continue; }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') depth--;
    else if (depth === 0 && source.startsWith(separator, i) && !(separator === '/' && source[i + 1] === '/')) {
      parts.push(source.slice(start, i));
      start = i + separator.length;
    }
  }
  parts.push(source.slice(start));
  return parts;
}

/** A pattern alternative's last step: its node test, and its first predicate (without brackets) if any. */
function lastStep(alternative: string): { test: string; predicate?: string } {
  const step = splitTopLevel(alternative.trim(), '/').at(-1)!.trim();
  const [test, ...predicates] = splitTopLevel(step.replace(/\[/g, '\u0000['), '\u0000');
  const first = predicates[0]?.trim();
  return { test: test.trim(), predicate: first?.slice(1, first.lastIndexOf(']')) };
}

const unescape = (attribute: string): string => attribute.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('rules tried on every node of a text', function () {

  it('each begins by asking whether the document uses the elements it is for', () => {
    const unguarded: string[] = [];
    let generic = 0;
    for (const folder of ['html', 'text', 'search']) {
      for (const name of readdirSync(join(XSLT_DIR, folder)).filter((file) => file.endsWith('.xsl'))) {
        const module = `${folder}/${name}`;
        if (LAST_RESORT.includes(module)) continue;
        const source = readFileSync(join(XSLT_DIR, folder, name), 'utf8');
        for (const [template] of source.matchAll(/<xsl:template\b[^>]*>/g)) {
          const mode = /\bmode="([^"]*)"/.exec(template)?.[1].split(/\s+/) ?? [];
          const match = /\bmatch="([^"]*)"/.exec(template)?.[1];
          if (!match || !mode.some((m) => BUSY_MODES.includes(m))) continue;
          for (const alternative of splitTopLevel(unescape(match), '|')) {
            const { test, predicate } = lastStep(alternative);
            if (!['*', 'text()', 'node()'].includes(test)) continue;
            generic++;
            if (!predicate?.trim().startsWith('$')) unguarded.push(`${module}: ${alternative.trim()}`);
          }
        }
      }
    }
    assert.ok(generic >= 10, `the rules of this kind were found (${generic})`);
    assert.deepEqual(unguarded, []);
  });

  const article = '<biblStruct><analytic><author>Doe, J.</author><title level="a">Article</title></analytic>'
    + '<monogr><title level="j">Journal</title><imprint><biblScope unit="volume">3</biblScope><date>1999</date></imprint></monogr></biblStruct>';
  const punctuated = 'Doe, J. “Article.” Journal, vol. 3, 1999.';

  it('sees the elements of a TEI P4 document, which has no namespace', async () => {
    const text = '<TEI.2><teiHeader><fileDesc><titleStmt><title>P4</title></titleStmt><publicationStmt><p>Test.</p></publicationStmt>'
      + `<sourceDesc><p>Made up.</p></sourceDesc></fileDesc></teiHeader><text><body><div><listBibl>${article}</listBibl></div></body></text></TEI.2>`;
    const source = { file: 'p4.xml', text };
    assert.equal((await toText(source)).trim(), punctuated);
    assert.match((await toHtml(source)).replace(/<[^>]*>/g, ''), new RegExp(punctuated.replace(/[.?]/g, '\\$&')));
  });

  it('sees the elements of each document of a corpus', async () => {
    const header = (title: string) => `<teiHeader><fileDesc><titleStmt><title>${title}</title></titleStmt><publicationStmt><p>Test.</p></publicationStmt>`
      + '<sourceDesc><p>Made up.</p></sourceDesc></fileDesc></teiHeader>';
    const text = `<teiCorpus xmlns="http://www.tei-c.org/ns/1.0">${header('Corpus')}`
      + `<TEI>${header('One')}<text><body><p>First.</p></body></text></TEI>`
      + `<TEI>${header('Two')}<text><body><div><listBibl>${article}</listBibl></div></body></text></TEI></teiCorpus>`;
    const source = { file: 'corpus.xml', text };
    assert.match(await toText(source), new RegExp(punctuated.replace(/[.?]/g, '\\$&')));
    assert.match((await toHtml(source)).replace(/<[^>]*>/g, ''), new RegExp(punctuated.replace(/[.?]/g, '\\$&')));
  });
});
