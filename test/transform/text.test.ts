/**
 * Plain text of TEI documents (`toText`, `samizdat text`): the flagship's
 * diplomatic text is its source, its reading text marks the omissions.
 */
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { TransformProblem, toText } from '../../src/transform/index.js';
import { sourcesDir, corporaDir } from '../support/paths.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const flagship = join(root, 'tei', '1923-opposition-ch01.xml');
const sourcePath = join(sourcesDir, '1923-opposition-ch01.txt');

/** The source less its web-page footer ("Table of Contents", archive names, "Last updated …"). */
function sourceDocumentText(): string {
  const lines = readFileSync(sourcePath, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const logical: string[] = [];
  for (const line of lines) {
    const previous = logical[logical.length - 1];
    if (previous !== undefined && previous.trimEnd().endsWith('|')) logical[logical.length - 1] = `${previous} ${line}`;
    else logical.push(line);
  }
  assert.match(logical[logical.length - 3], /^Table of Contents/);
  return logical.slice(0, -3).join('\n');
}

const normaliseSpace = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe('plain text (toText)', () => {
  it('diplomatic text of the flagship equals its source, white space aside', async () => {
    const text = normaliseSpace(await toText(flagship, { mode: 'diplomatic' }));
    const expected = normaliseSpace(sourceDocumentText());
    if (text !== expected) {
      let i = 0;
      while (i < text.length && text[i] === expected[i]) i++;
      assert.fail(`differs at ${i}:\n  text:   …${text.slice(Math.max(0, i - 40), i + 40)}…\n  source: …${expected.slice(Math.max(0, i - 40), i + 40)}…`);
    }
  });

  it('reading text shows each of the six omissions as […] and no printed ellipsis', async () => {
    const text = await toText(flagship);
    assert.equal(text.split('[…]').length - 1, 6);
    assert.ok(!text.includes('. . .'));
    assert.ok(!text.includes('Material left out'), 'the omissions\' descriptions stay out');
  });

  it('separates paragraphs by exactly one blank line and leaves the header out', async () => {
    const text = await toText(flagship);
    const blocks = text.trimEnd().split('\n\n');
    assert.ok(!/\n\n\n/.test(text));
    assert.ok(blocks.every((b) => !b.includes('\n') && b.trim() === b), 'each block is one line without stray space');
    assert.equal(blocks.filter((b) => b.startsWith('In the summer of 1923')).length, 1);
    assert.ok(!text.includes('Creative Commons'), 'the licence (header) is not text');
  });

  it('cuts the text at its blocks: loose text and notes between them, a block within a paragraph, white space none', async () => {
    const tei = `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>
      <publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader>
      <text><body>
        <div><head>One</head>
          <p>First <hi>words</hi> here</p>
          loose <hi>a</hi> <hi>b</hi><note>A note.</note>
          <sp><speaker>Ann</speaker><l>A line</l>  <l>Another</l></sp>
          <note>Between blocks.</note>
          <p>Before <quote><l>a verse</l><l>in a paragraph</l></quote> after</p>
          <list rend="inline"><item>x</item><item>y</item></list>
        </div>
      </body></text></TEI>`;
    assert.equal(await toText({ text: tei, file: 'blocks.xml' }), [
      'One', 'First words here', 'loose a b[1]', 'Ann', 'A line', 'Another', '[2]', 'Before', 'a verse', 'in a paragraph', 'after', 'x y',
      '[1] A note.', '[2] Between blocks.',
    ].join('\n\n') + '\n');
  });

  it('keeps apart the words of blocks a note holds, however close the encoding sets them', async () => {
    const tei = `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>
      <publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader>
      <text><body>
        <p>Text<note><p>one inside</p><p>named two</p><ab>ab one</ab><ab>ab two</ab><lg><head>verse head</head><l>line one</l></lg><list><item>item one</item></list><opener><dateline>Paris</dateline><salute>Dear</salute></opener></note></p>
      </body></text></TEI>`;
    assert.equal(await toText({ text: tei, file: 'note-blocks.xml' }),
      ['Text[1]', '[1] one inside named two ab one ab two verse head line one item one Paris Dear'].join('\n\n') + '\n');
  });

  it('keeps in its sentence a quotation, a reference or a title page\'s author set amid words, and sets one apart elsewhere', async () => {
    const tei = `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>
      <publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader>
      <text><front><titlePage><byline>by <docAuthor>Ann Lee</docAuthor></byline><docImprint>Paris, <docDate>1923</docDate></docImprint></titlePage></front>
      <body>
        <p>He said <quote>no more</quote>. And <bibl>Smith</bibl>, p. 3, <cit><quote>quoted</quote> <bibl>Jones</bibl></cit> too.</p>
        <div><quote>A motto.</quote><bibl>Its source</bibl><p>Text.</p></div>
        <p>Before <quote><l>a verse</l></quote> after</p>
      </body></text></TEI>`;
    assert.equal(await toText({ text: tei, file: 'in-sentence.xml' }), [
      'by Ann Lee', 'Paris, 1923',
      'He said “no more”. And Smith, p. 3, “quoted” Jones too.',
      'A motto.', 'Its source', 'Text.',
      'Before', 'a verse', 'after',
    ].join('\n\n') + '\n');
  });

  it('keeps apart the items of an inline list, and a stage direction amid a line\'s words in the line, in parentheses', async () => {
    const tei = `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>
      <publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader>
      <text><body>
        <p>Before <list rend="inline"><item>x</item><item>y</item></list> after; <list rend="inline"><item>one</item>, <item>two</item>,<item>three</item></list>.</p>
        <list rend="inline"><label>a)</label><item>one</item><label>b)</label><item>two</item></list>
        <sp><speaker>Ann</speaker><l>Come hither, <stage>kneels</stage> good sir.</l><stage>Exit.</stage><p>Then <stage> aside </stage>no more, <stage>[Laughs.]</stage></p></sp>
      </body></text></TEI>`;
    assert.equal(await toText({ text: tei, file: 'inline.xml' }), [
      'Before x y after; one, two, three.', 'a) one b) two',
      'Ann', 'Come hither, (kneels) good sir.', 'Exit.', 'Then (aside) no more, [Laughs.]',
    ].join('\n\n') + '\n');
  });

  it('reads TEI P4 (no namespace) documents', async () => {
    const text = await toText(join(corporaDir, 'tei-stylesheets-tests', 'testp4.xml'));
    assert.match(text, /Marley was dead/);
    assert.ok(!text.includes('Oxford Text Archive'), 'the P4 header stays out');
  });

  it('refuses a document with an external entity, without reading it', async () => {
    const doc = '<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]><TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&x;</p></body></text></TEI>';
    await assert.rejects(toText({ text: doc, file: 'evil.xml' }), (e: unknown) => e instanceof TransformProblem && e.problem.ruleId === 'xml-external-entity');
  });

  it('expands small internal text entities, which saxon-js would not', async () => {
    const doc = '<!DOCTYPE TEI [<!ENTITY ed "the &amp; editors">]><TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>By &ed;.</p></body></text></TEI>';
    assert.equal(await toText({ text: doc, file: 'entity.xml' }), 'By the & editors.\n');
  });

  it('refuses an entity-expansion ("billion laughs") document', async () => {
    await assert.rejects(toText(join(root, 'test', 'fixtures', 'validate', 'billion-laughs.xml')), (e: unknown) => e instanceof TransformProblem && e.problem.ruleId === 'xml-entity-expansion');
  });

  it('samizdat text prints the diplomatic text on stdout', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(root, 'bin', 'samizdat.js'), 'text', flagship, '--mode', 'diplomatic']);
    assert.equal(stdout.split('. . .').length - 1, 3);
    assert.equal(stdout.split('…').length - 1, 3);
  });
});
