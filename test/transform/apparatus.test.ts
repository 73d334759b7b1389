/**
 * The critical apparatus as the library reads it (readApparatus), and the
 * texts of witnesses (toText({ witness }), samizdat text --witness), on the
 * fixtures modelled on the TEI Guidelines' Wife of Bath examples
 * (test/fixtures/textcrit/README.md). The expected witness texts are the
 * manuscripts' lines as the Guidelines quote them, written out by hand.
 */
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  type ApparatusEntry, type ApparatusReading, type ReadingGroup, TransformProblem, WitnessTextProblem, readApparatus, toHtml, toText,
} from '../../src/transform/index.js';
import { repoRoot } from '../support/paths.js';

const fixtures = join(repoRoot, 'test', 'fixtures', 'textcrit');
const parallel = join(fixtures, 'parallel', 'wbp-parallel.xml');
const nested = join(fixtures, 'parallel', 'nested.xml');
const location = join(fixtures, 'location', 'wbp-location.xml');
const inline = join(fixtures, 'double-end-point', 'wbp-inline.xml');
const rules = join(repoRoot, 'test', 'fixtures', 'rules', 'apparatus');

/** An entry as a reader of a printed apparatus sees it: "lemma] sigla; reading sigla". */
function printed(entry: ApparatusEntry): string {
  const reading = (r: ApparatusReading | ReadingGroup): string => r.kind === 'group'
    ? `${r.type ? `${r.type}: ` : ''}${r.readings.map(reading).join(', ')}`
    : [r.omission ? (r.limits.length ? r.limits.join(' ') : 'om.') : [...r.limits, r.text].join(' '), ...r.sigla].join(' ');
  const lemma = entry.lemma ? [`${entry.lemma.text}]`, ...entry.lemma.sigla].join(' ') : undefined;
  return [lemma, ...entry.readings.map(reading)].filter((part) => part !== undefined).join('; ');
}

const lines = (text: string): string[] => text.trim().split(/\n\n+/);

describe('the critical apparatus (readApparatus)', function () {

  it('reads a parallel-segmentation apparatus entry by entry, in the order of the text', async () => {
    const apparatus = await readApparatus(parallel);
    assert.equal(apparatus.declaredMethod, 'parallel-segmentation');
    assert.equal(apparatus.witnessTexts, true);
    assert.deepEqual(apparatus.entries.map(printed), [
      'Experience] El Hg; Experiment La; Eryment Ra2',
      'though] El Ra2; orthographic: thogh Hg, thouh La',
      'noon Auctoritee] El Hg; none auctorite β; witStart auctorite X',
      'were] El; is Hg La X; it is Ra2',
      'ynogh] El Hg X; ynohe La; ynow Ra2',
      'to] El; for Hg La Ra2 X',
      'that] El Hg Ra2 X; om. La',
      'For, lordynges,] El Hg La X; lacunaStart Ra2',
      'eterne] El Hg X; eterna La',
      'Housbondes] El Hg La X; lacunaEnd housbondes Ra2',
    ]);
    assert.deepEqual(apparatus.entries.map((e) => e.number), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.equal(apparatus.entries[0].id, 'app-experience', 'an app with an xml:id keeps it');
    assert.equal(apparatus.entries[1].id, 'app-2');
  });

  it('takes sigla from witness/@n, else the xml:id, and a group by its own siglum', async () => {
    const { witnesses, entries } = await readApparatus(parallel);
    assert.deepEqual(witnesses.map((w) => [w.id, w.siglum]), [['El', 'El'], ['Hg', 'Hg'], ['grpB', 'β'], ['La', 'La'], ['Rawl', 'Ra2'], ['X', 'X']]);
    const group = witnesses.find((w) => w.id === 'grpB')!;
    assert.deepEqual(group.members, ['La', 'Rawl']);
    assert.equal(witnesses.find((w) => w.id === 'La')!.group, 'grpB');
    const grouped = entries[2].readings[0] as ApparatusReading;
    assert.deepEqual(grouped.sigla, ['β'], 'printed as the group');
    assert.deepEqual(grouped.witnesses, ['La', 'Rawl'], 'read as its members');
  });

  it('gives a reading without @wit the witnesses no other reading names, less those in a lacuna', async () => {
    const { entries } = await readApparatus(parallel);
    const ynogh = entries[4].lemma!;
    assert.equal(ynogh.implied, true);
    assert.deepEqual(ynogh.witnesses, ['El', 'Hg', 'X']);
    // Ra2's lacuna runs from line 4 to line 6: the implied reading of line 5 does not include it.
    const eterne = entries[8].lemma!;
    assert.deepEqual([eterne.text, eterne.implied, eterne.witnesses], ['eterne', true, ['El', 'Hg', 'X']]);
    assert.equal(entries[3].lemma!.implied, false);
  });

  it('records notes in an app, types and omissions', async () => {
    const { entries } = await readApparatus(parallel);
    assert.deepEqual(entries[6].notes, ['Lansdowne drops the relative pronoun, as it often does.']);
    const omitted = entries[6].readings[0] as ApparatusReading;
    assert.equal(omitted.omission, true);
    assert.equal(omitted.text, '');
    assert.equal((entries[0].readings[0] as ApparatusReading).type, 'substantive');
    assert.equal(entries[2].type, 'orthographic');
  });

  it('places entries and readings at their line and column', async () => {
    const { entries, witnesses } = await readApparatus(parallel);
    assert.deepEqual([entries[0].line, entries[0].column], [35, 20]);
    assert.deepEqual([entries[0].lemma!.line, entries[0].lemma!.column], [35, 49]);
    assert.deepEqual([witnesses[0].line, witnesses[0].column], [15, 11]);
  });

  it('numbers nested entries and implies the witnesses of the reading they are nested in', async () => {
    const { entries } = await readApparatus(nested);
    assert.deepEqual(entries.map(printed), [
      'Experience] El Hg; Experiment La; Eryment Ra2',
      'though] El Ra2; thogh Hg; thouh La',
      'noon Auctorite] El Hg; none auctorite La Ra2',
      'Auctoritee, though none experience] Chi3; Experience though noon Auctorite El Hg La Ra2',
    ]);
    assert.equal(entries[3].readings[0].kind === 'reading' && entries[3].readings[0].implied, true);
    // The inner entries stand in a reading that is not the one shown: their call-outs are not in the edited text.
    assert.deepEqual(entries.map((e) => e.shown), [false, false, false, true]);
  });

  it('reads a location-referenced apparatus kept in a listApp: @loc, no lemma where none is given', async () => {
    const apparatus = await readApparatus(location);
    assert.equal(apparatus.declaredMethod, 'location-referenced');
    assert.equal(apparatus.witnessTexts, false);
    assert.deepEqual(apparatus.entries.map((e) => [e.method, e.location, printed(e)]), [
      ['location-referenced', 'WBP 1', 'Experience] E; Experiment La; Eryment Ra2'],
      ['location-referenced', 'WBP 1', 'thogh Hg; thouh La'],
      ['location-referenced', 'WBP 2', 'were] E; is Hg La; it is Ra2'],
      ['location-referenced', 'wbp-3', 'that] E Hg Ra2; om. La'],
    ]);
    // "WBP 1" is <l n="1"> in <div n="WBP">; wbp-3 an xml:id: each call-out follows its line.
    assert.deepEqual(apparatus.entries.map((e) => e.attachedTo?.line), [29, 29, 30, 31]);
  });

  it('reads a double-end-point apparatus: the lemma from the base text between the anchors, overlapping lemmata', async () => {
    const apparatus = await readApparatus(inline);
    assert.deepEqual(apparatus.entries.map((e) => [e.method, printed(e)]), [
      ['double-end-point', 'Experience] El Hg Ha4; Experiment La; Eryment Ra2'],
      ['double-end-point', 'of so parfit wys] Hg; in what wise was Ha4'],
      ['double-end-point', 'wys a wight] Hg; was a wight El Ha4'],
    ]);
    assert.equal(apparatus.entries[0].lemma!.element, 'base', 'no lem: the base text is the lemma');
    assert.equal(apparatus.entries[0].lemma!.implied, true);
  });

  it('reads a document with no apparatus as an empty one', async () => {
    const apparatus = await readApparatus(join(repoRoot, 'tei', '1923-opposition-ch01.xml'));
    assert.deepEqual([apparatus.entries, apparatus.witnesses, apparatus.witnessTexts], [[], [], false]);
  });
});

describe('witness texts (toText({ witness }), samizdat text --witness)', function () {

  /** The six lines of the prologue in each manuscript, as the Guidelines quote them (X begins at "auctorite"; Ra2 has a lacuna). */
  const expected: Record<string, string[]> = {
    El: ['Experience though noon Auctoritee', 'Were in this world, were right ynogh to me', 'To speke of wo that is in mariage;',
      'For, lordynges, sith I twelf yeer was of age,', 'Ythonked be God that is eterne on lyve,', 'Housbondes at chirche dore I have had fyve—'],
    Hg: ['Experience thogh noon Auctoritee', 'Were in this world, is right ynogh for me', 'To speke of wo that is in mariage;',
      'For, lordynges, sith I twelf yeer was of age,', 'Ythonked be God that is eterne on lyve,', 'Housbondes at chirche dore I have had fyve—'],
    La: ['Experiment thouh none auctorite', 'Were in this world, is right ynohe for me', 'To speke of wo is in mariage;',
      'For, lordynges, sith I twelf yeer was of age,', 'Ythonked be God that is eterna on lyve,', 'Housbondes at chirche dore I have had fyve—'],
    Ra2: ['Eryment though none auctorite', 'Were in this world, it is right ynow for me', 'To speke of wo that is in mariage;',
      '[lacuna]', 'housbondes at chirche dore I have had fyve—'],
  };
  const heading = 'The Prologe of the Wyves Tale of Bathe';

  for (const [siglum, text] of Object.entries(expected)) {
    it(`gives the text of ${siglum}`, async () => {
      assert.deepEqual(lines(await toText(parallel, { witness: siglum })), [heading, ...text]);
    });
  }

  it('gives a fragment from where it begins (witStart), and takes a witness by xml:id too', async () => {
    assert.deepEqual(lines(await toText(parallel, { witness: 'X' })), ['auctorite', ...expected.Hg.slice(1)]);
    assert.deepEqual(await toText(parallel, { witness: 'Rawl' }), await toText(parallel, { witness: 'Ra2' }));
  });

  it('reads nested apparatus entries: the witness text of each of five manuscripts', async () => {
    const texts = await Promise.all(['El', 'Hg', 'La', 'Ra2', 'Chi3'].map((w) => toText(nested, { witness: w })));
    assert.deepEqual(texts.map((t) => t.trim()), [
      'Experience though noon Auctorite', 'Experience thogh noon Auctorite', 'Experiment thouh none auctorite',
      'Eryment though none auctorite', 'Auctoritee, though none experience',
    ]);
  });

  it('takes the last state of a witness corrected in place (@varSeq)', async () => {
    assert.equal((await toText(join(rules, 'witness-states.xml'), { witness: 'γ' })).trim(), 'The quyk fox.');
  });

  it('refuses a siglum the document does not list, naming those it does', async () => {
    await assert.rejects(toText(parallel, { witness: 'Q' }), (e: unknown) => e instanceof TransformProblem
      && e.problem.ruleId === 'usage' && /no witness 'Q'; its witnesses are: El, Hg, La, Ra2, X$/.test(e.problem.message));
  });

  it('refuses a group, naming its witnesses', async () => {
    await assert.rejects(toText(parallel, { witness: 'β' }), (e: unknown) => e instanceof TransformProblem
      && /'β' is a group of witnesses \(La, Ra2\)/.test(e.problem.message));
  });

  it('refuses a document whose apparatus is not in parallel segmentation', async () => {
    await assert.rejects(toText(location, { witness: 'La' }), (e: unknown) => e instanceof TransformProblem
      && e.problem.ruleId === 'usage' && /it is location-referenced, not in parallel segmentation/.test(e.problem.message));
  });

  it('fails, with both places, where a witness has no reading', async () => {
    const file = join(rules, 'witness-missing.xml');
    await assert.rejects(toText(file, { witness: 'γ' }), (e: unknown) => {
      assert.ok(e instanceof WitnessTextProblem);
      assert.equal(e.problems.length, 1);
      const [problem] = e.problems;
      assert.deepEqual([problem.file, problem.line, problem.column, problem.ruleId], [file, 21, 14, 'witness-text']);
      assert.match(problem.message, /entry 1 \(the <app> at 21:14\) has no reading for γ \(declared at 11:11\)/);
      return true;
    });
  });

  it('fails, with both readings, where a witness has two', async () => {
    await assert.rejects(toText(join(rules, 'witness-ambiguous.xml'), { witness: 'γ' }), (e: unknown) => e instanceof WitnessTextProblem
      && /gives γ 2 readings, at 21:47 and 21:83/.test(e.problems[0].message));
  });

  it('leaves out, in a witness\'s text, a block of text alone that falls in its lacuna', async () => {
    // text.xsl reads a block of text alone without its inline templates (faster): it must not do so in a
    // witness's text, where the text of a lacuna is left out by an inline template.
    const text = `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt>
      <sourceDesc><listWit><witness xml:id="A"/><witness xml:id="B"/></listWit></sourceDesc></fileDesc>
      <encodingDesc><variantEncoding method="parallel-segmentation" location="internal"/></encodingDesc></teiHeader>
      <text><body><lg><l>one <app><lem wit="#A">two</lem><rdg wit="#B"><lacunaStart/></rdg></app></l><l>three  four</l>
      <l><app><lem wit="#A">five</lem><rdg wit="#B"><lacunaEnd/>5</rdg></app> six</l></lg></body></text></TEI>`;
    const input = { text, file: 'lacuna.xml' };
    assert.deepEqual(lines(await toText(input)).slice(0, 3), ['one two', 'three four', 'five six'], 'the edited text (its apparatus follows)');
    assert.deepEqual(lines(await toText(input, { witness: 'A' })), ['one two', 'three four', 'five six']);
    assert.deepEqual(lines(await toText(input, { witness: 'B' })), ['one [lacuna]', '5 six']);
  });

  describe('samizdat text --witness', () => {
    const cli = (...args: string[]) => promisify(execFile)(process.execPath, [join(repoRoot, 'bin', 'samizdat.js'), 'text', ...args]);

    it('prints the witness text', async () => {
      const { stdout } = await cli(parallel, '--witness', 'La');
      assert.deepEqual(lines(stdout), [heading, ...expected.La]);
    });

    it('exits 2 on an unknown siglum, naming the sigla there are', async () => {
      await assert.rejects(cli(parallel, '--witness=Zz'), (e: { code: number; stderr: string; stdout: string }) => {
        assert.equal(e.code, 2);
        assert.equal(e.stdout, '');
        assert.match(e.stderr, /no witness 'Zz'; its witnesses are: El, Hg, La, Ra2, X/);
        return true;
      });
    });

    it('exits 1 where the text cannot be read, at file:line:column', async () => {
      const file = join(rules, 'witness-missing.xml');
      await assert.rejects(cli(file, '--witness', 'C'), (e: { code: number; stderr: string; stdout: string }) => {
        assert.equal(e.code, 1);
        assert.equal(e.stdout, '', 'nothing half-written');
        assert.ok(e.stderr.includes(`${file}:21:14: error:`), e.stderr);
        return true;
      });
    });
  });
});

describe('the apparatus in the plain text', function () {

  it('follows the edited text: "N lemma] sigla; reading sigla", then the witnesses', async () => {
    const blocks = lines(await toText(parallel));
    const at = blocks.indexOf('Apparatus criticus');
    assert.deepEqual(blocks.slice(0, at), expected());
    assert.deepEqual(blocks.slice(at + 1, at + 4), [
      '1 Experience] El Hg; Experiment La (substantive); Eryment Ra2 (substantive).',
      '2 though] El Ra2; orthographic: thogh Hg, thouh La.',
      '3 noon Auctoritee] El Hg; none auctorite β; text begins auctorite X — orthographic.',
    ]);
    assert.ok(blocks.includes('7 that] El Hg Ra2 X; om. La. Lansdowne drops the relative pronoun, as it often does.'));
    assert.deepEqual(blocks.slice(blocks.indexOf('Witnesses') + 1), [
      'El — Ellesmere, Huntington Library 26.C.9', 'Hg — Hengwrt, National Library of Wales, Aberystwyth, Peniarth 392D',
      'β — Group β', 'La — British Library Lansdowne 851', 'Ra2 — Bodleian Library Rawlinson Poetic 149',
      'X — A fragment that begins at auctorite in line 1',
    ]);

    function expected(): string[] {
      return ['The Prologe of the Wyves Tale of Bathe', 'Experience though noon Auctoritee', 'Were in this world, were right ynogh to me',
        'To speke of wo that is in mariage;', 'For, lordynges, sith I twelf yeer was of age,', 'Ythonked be God that is eterne on lyve,',
        'Housbondes at chirche dore I have had fyve—'];
    }
  });

  it('leaves an apparatus kept apart out of the text: the base text reads once', async () => {
    const blocks = lines(await toText(location));
    assert.deepEqual(blocks.slice(0, 4), ['The Prologe of the Wyves Tale of Bathe', 'Experience though noon Auctoritee',
      'Were in this world, were right ynogh to me', 'To speke of wo that is in mariage;']);
    assert.equal(blocks[4], 'Apparatus criticus');
    assert.equal(blocks[5], '1 WBP 1: Experience] E; Experiment La; Eryment Ra2.');
    assert.equal((await toText(inline)).split('\n\n')[1], 'And of so parfit wys a wight ywroght');
  });
});

describe('the apparatus on the page, customised', function () {

  it('goes after each top-level division and speaks the words a customisation gives', async () => {
    const html = await toHtml(parallel, { stylesheet: join(fixtures, 'custom.xsl') });
    const division = html.search(/<section [^>]*class="tei-div rend-prologue">/);
    const apparatus = html.indexOf('<section class="apparatus" id="apparatus-1" aria-labelledby="apparatus-1-heading"><h2 id="apparatus-1-heading">Lesarten: The Prologe of the Wyves Tale of Bathe</h2>');
    assert.ok(division >= 0 && apparatus > division, 'the division\'s apparatus follows it');
    assert.ok(apparatus < html.indexOf('</article>'));
    assert.ok(!html.includes('id="apparatus"'), 'no entry is left for the apparatus under the text');
    assert.match(html, /<i class="app-om">fehlt<\/i>/);
    assert.match(html, /<h2 id="witnesses-heading">Textzeugen<\/h2>/);
    assert.match(html, /<span class="app-limit">lacuna begins<\/span>/, 'a label not given keeps its default');
  });
});
