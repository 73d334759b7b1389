/**
 * One reader for every command: validate, build, text and cite read a
 * document exactly the same way or refuse it with the same message at the
 * same place — encodings (ISO-8859-1, windows-1252, UTF-16, Latin-1 bytes
 * declared as UTF-8), nesting at and beyond the depth limit, entity
 * expansion, invalid UTF-8.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../../src/build/index.js';
import { readCitableFile } from '../../src/cite/index.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { TransformProblem, toText } from '../../src/transform/index.js';
import { checkDocument } from '../../src/validate/document.js';
import { teiAllSchema } from '../support/paths.js';

const TEI_NS = 'http://www.tei-c.org/ns/1.0';
const scratch = mkdtempSync(join(tmpdir(), 'samizdat-reading-'));

/** A small TEI document: `title` in its header, `body` (markup) as its text. */
function tei(title: string, body: string, declaration = '<?xml version="1.0" encoding="UTF-8"?>'): string {
  return `${declaration}
<TEI xmlns="${TEI_NS}"><teiHeader><fileDesc><titleStmt><title>${title}</title><author>A. Writer</author></titleStmt><publicationStmt><publisher>The samizdat project</publisher><date when="2026">2026</date></publicationStmt><sourceDesc><p>Born digital.</p></sourceDesc></fileDesc></teiHeader>
<text><body>${body}</body></text></TEI>
`;
}

let counter = 0;
function fileWith(bytes: Buffer | string): string {
  const file = join(scratch, `doc${++counter}.xml`);
  writeFileSync(file, bytes);
  return file;
}

/** What each command makes of a document: its text, page, citation title, and validation's reading problems. */
async function everyCommand(file: string, limits?: { maxDepth?: number }): Promise<{
  validate: Diagnostic[]; text: string | Diagnostic; page: string | Diagnostic[]; cite: string | Diagnostic[];
}> {
  const validated = await checkDocument(file, { schema: teiAllSchema, limits });
  const validate = validated.diagnostics.filter((d) => d.ruleId.startsWith('xml-') || d.ruleId === 'io');
  let text: string | Diagnostic;
  try {
    text = await toText(file, { limits });
  } catch (error) {
    if (!(error instanceof TransformProblem)) throw error;
    text = error.problem;
  }
  const out = join(scratch, `out${counter}`);
  const built = await build(file, { out, buildCacheDir: join(scratch, 'cache'), root: scratch, limits });
  const page = built.written ? readFileSync(join(out, built.documents[0]!.name, 'index.html'), 'utf8') : built.diagnostics;
  const cited = await readCitableFile(file, { limits });
  const cite = cited.ok ? cited.value.item.title ?? '' : cited.problems;
  return { validate, text, page, cite };
}

/** Every command refused the document with this one problem. */
function refusedAlike(results: Awaited<ReturnType<typeof everyCommand>>, ruleId: string): Diagnostic {
  const problem = results.validate[0];
  assert.ok(problem, 'validate found no reading problem');
  assert.equal(problem.ruleId, ruleId, JSON.stringify(problem));
  const same = ({ ruleId: r, line, column, message }: Diagnostic) => ({ ruleId: r, line, column, message });
  assert.equal(typeof results.text, 'object', 'text read the document');
  assert.deepEqual(same(results.text as Diagnostic), same(problem), 'text');
  assert.ok(Array.isArray(results.page), 'build published the document');
  assert.deepEqual((results.page as Diagnostic[]).filter((d) => d.ruleId === ruleId).map(same), [same(problem)], 'build');
  assert.ok(Array.isArray(results.cite), 'cite read the document');
  assert.deepEqual((results.cite as Diagnostic[]).map(same), [same(problem)], 'cite');
  return problem;
}

describe('one reader for every command', function () {
  this.timeout(300_000);
  after(() => rmSync(scratch, { recursive: true, force: true }));

  describe('encodings', () => {
    const title = 'Café “au lait” — naïve';
    const body = '<p>Ærøskøbing, Łódź? No: café, crème brûlée, 5 € and “quotes”.</p>';

    it('reads windows-1252 exactly in every command (the euro sign and curly quotes are 0x80, 0x93, 0x94)', async () => {
      // The bytes of windows-1252: Latin-1's, but for the five characters it has at 0x80–0x9F here.
      const cp1252: Record<string, number> = { '€': 0x80, '“': 0x93, '”': 0x94, '—': 0x97 };
      const encoded = Buffer.from([...tei(title, body.replace('Łódź', 'Lodz'), '<?xml version="1.0" encoding="windows-1252"?>')].map((c) => cp1252[c] ?? c.charCodeAt(0)));
      assert.ok(encoded.every((byte) => byte <= 0xff));
      const results = await everyCommand(fileWith(encoded));
      assert.deepEqual(results.validate, []);
      assert.match(results.text as string, /Ærøskøbing, Lodz\? No: café, crème brûlée, 5 € and “quotes”\./);
      assert.match(results.page as string, /<title>Café “au lait” — naïve<\/title>/);
      assert.match(results.page as string, /5 € and “quotes”/);
      assert.equal(results.cite, title);
    });

    it('reads ISO-8859-1 exactly in every command (and 0x80–0x9F as the C1 controls it has there, not as windows-1252)', async () => {
      const latin = tei('Café naïve', '<p>Ærøskøbing: café, crème brûlée.</p>', '<?xml version="1.0" encoding="ISO-8859-1"?>');
      const results = await everyCommand(fileWith(Buffer.from(latin, 'latin1')));
      assert.deepEqual(results.validate, []);
      assert.match(results.text as string, /Ærøskøbing: café, crème brûlée\./);
      assert.match(results.page as string, /<title>Café naïve<\/title>/);
      assert.equal(results.cite, 'Café naïve');
    });

    it('reads UTF-16, both byte orders, with and without a byte-order mark, in every command', async () => {
      const text = tei(title, body, '<?xml version="1.0" encoding="UTF-16"?>');
      const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      const be = Buffer.from(le.subarray(2)).swap16();
      for (const bytes of [le, Buffer.concat([Buffer.from([0xfe, 0xff]), be]), Buffer.from(text, 'utf16le')]) {
        const results = await everyCommand(fileWith(bytes));
        assert.deepEqual(results.validate, []);
        assert.match(results.text as string, /Łódź\? No: café, crème brûlée, 5 € and “quotes”\./);
        assert.match(results.page as string, /<title>Café “au lait” — naïve<\/title>/);
        assert.equal(results.cite, title);
      }
    });

    it('refuses Latin-1 bytes declared as UTF-8 in every command, at the bad byte itself', async () => {
      const text = tei('Cafe', '<p>A caf\u00e9 latte.</p>');
      const file = fileWith(Buffer.from(text, 'latin1'));
      const problem = refusedAlike(await everyCommand(file), 'xml-encoding');
      const lines = text.split('\n');
      const line = lines.findIndex((l) => l.includes('caf\u00e9')) + 1;
      assert.deepEqual([problem.line, problem.column], [line, lines[line - 1]!.indexOf('\u00e9') + 1]);
      assert.match(problem.message, /not valid UTF-8 at \d+:\d+ \(byte 0xe9\)\. If the file is in another encoding \(ISO-8859-1 or windows-1252, say\), declare it/);
    });

    it('reports each kind of invalid UTF-8 at the first byte of the bad character, after multi-byte characters on the same line', async () => {
      const prefix = '<p>Пётр, 東京, 😀 ';
      const [head] = tei('t', `${prefix}\u0000`).split('\u0000');
      for (const [bad, first] of [[[0x80], 0x80], [[0xe2, 0x28, 0xa1], 0xe2], [[0xc0, 0xaf], 0xc0], [[0xed, 0xa0, 0x80], 0xed], [[0xf0, 0x9f, 0x98], 0xf0]] as const) {
        const bytes = Buffer.concat([Buffer.from(head!), Buffer.from(bad), Buffer.from('x</p></body></text></TEI>\n')]);
        const problem = refusedAlike(await everyCommand(fileWith(bytes)), 'xml-encoding');
        const lineText = head!.split('\n')[2]!;
        assert.equal(problem.line, 3);
        // Columns count characters: 😀 is one.
        assert.equal(problem.column, [...lineText].length + 1, `bytes ${bad.map((b) => b.toString(16)).join(' ')}`);
        assert.match(problem.message, new RegExp(`\\(byte 0x${first.toString(16)}\\)`));
      }
    });
  });

  describe('depth', () => {
    // TEI, text, body and p are four levels; divs make up the rest.
    const nested = (depth: number) => tei('Deep', `${'<div>'.repeat(depth - 4)}<p>deep</p>${'</div>'.repeat(depth - 4)}`);

    it('processes a document nested exactly to the limit (500 levels) in every command: no stack overflow', async () => {
      const results = await everyCommand(fileWith(nested(500)));
      assert.deepEqual(results.validate, []);
      assert.equal((results.text as string).trim(), 'deep');
      assert.match(results.page as string, /<h1>Deep<\/h1>/);
      assert.match(results.page as string, /class="cite-this"/, 'the page has its citations');
      assert.equal(results.cite, 'Deep');
    });

    it('refuses one level more in every command, with the same message at the same place', async () => {
      const problem = refusedAlike(await everyCommand(fileWith(nested(501))), 'xml-depth');
      assert.match(problem.message, /nested more than 500 levels deep.*--max-depth/);
      assert.equal(problem.line, 3);
    });

    it('cites a 100-deep document, and build publishes its page with its citations', async () => {
      const results = await everyCommand(fileWith(nested(100)));
      assert.equal(results.cite, 'Deep');
      assert.match(results.page as string, /class="cite-this"/);
    });

    it('processes deeper documents when the limit is raised (1,200 levels)', async () => {
      const results = await everyCommand(fileWith(nested(1_200)), { maxDepth: 1_200 });
      assert.deepEqual(results.validate, []);
      assert.equal((results.text as string).trim(), 'deep');
      assert.equal(results.cite, 'Deep');
    });
  });

  describe('entity expansion', () => {
    const entity = 'x'.repeat(10_000);
    const expanding = (references: number) => `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE TEI [
<!ENTITY big "${entity}">
]>
${tei('Entities', `<p>${'&big;'.repeat(references)}</p>`, '').trimStart()}`;

    it('refuses 2,000 references to a 10 KB entity (a 16 KB file, 20 MB expanded) in every command, with the same message', async () => {
      const file = fileWith(expanding(2_000));
      const problem = refusedAlike(await everyCommand(file), 'xml-entity-expansion');
      assert.match(problem.message, /expand to more than 1000000 characters in all/);
    });

    it('refuses 100,000 references quickly, with the same message (no "Invalid string length")', async () => {
      const started = Date.now();
      const problem = refusedAlike(await everyCommand(fileWith(expanding(100_000))), 'xml-entity-expansion');
      assert.match(problem.message, /billion laughs/);
      assert.ok(Date.now() - started < 60_000);
    });

    it('expands entities within the limit in every command', async () => {
      const results = await everyCommand(fileWith(`<?xml version="1.0"?>
<!DOCTYPE TEI [
<!ENTITY ed "the editors of the collection">
]>
${tei('By &ed;', '<p>Chosen by &ed;, &amp; kept.</p>', '').trimStart()}`));
      assert.deepEqual(results.validate, []);
      assert.match(results.text as string, /Chosen by the editors of the collection, & kept\./);
      assert.match(results.page as string, /<title>By the editors of the collection<\/title>/);
      assert.equal(results.cite, 'By the editors of the collection');
    });
  });

  it('reports a file it cannot read the same way in every command', async () => {
    const missing = join(scratch, 'no-such-document.xml');
    mkdirSync(join(scratch, 'a-folder.xml'));
    for (const file of [missing, join(scratch, 'a-folder.xml')]) {
      const results = await everyCommand(file);
      const problem = results.validate[0]!;
      assert.equal(problem.ruleId, 'io');
      assert.equal((results.text as Diagnostic).message, problem.message);
      assert.deepEqual((results.cite as Diagnostic[]).map((d) => d.message), [problem.message]);
    }
  });
});
