/** The report formats: shapes and escaping, on a report built from real diagnostics' shape. */
import { strict as assert } from 'node:assert';
import { SaxesParser } from 'saxes';
import { getReporter } from '../../src/validate/report/index.js';
import type { ValidationReport } from '../../src/validate/index.js';

const tricky = 'bad "value" <x> & 50% done,\nsecond line: yes';
const report: ValidationReport = {
  files: [
    {
      file: 'tei/a,b:c.xml', schema: 'schemas/vendor/tei_all.rng', errors: 2, warnings: 1,
      diagnostics: [
        { file: 'tei/a,b:c.xml', line: 3, column: 7, severity: 'error', ruleId: 'rng', message: 'tag not allowed here: personName' },
        { file: 'tei/a,b:c.xml', line: 9, column: 1, severity: 'error', ruleId: 'rng', message: tricky },
        { file: 'tei/a,b:c.xml', line: 12, column: 2, severity: 'warning', ruleId: 'sch:gap-reason', message: 'gap without @reason' },
      ],
    },
    { file: 'tei/ok.xml', errors: 0, warnings: 0, diagnostics: [] },
  ],
  summary: { files: 2, invalidFiles: 1, errors: 2, warnings: 1 },
  threads: 0,
  remembered: 0,
};

function render(name: string): string {
  const reporter = getReporter(name);
  assert.ok(reporter, `no reporter ${name}`);
  return reporter.render(report);
}

describe('validate reports', () => {
  it('text: path:line:col: severity: message [rule-id], grouped per file, and a summary', () => {
    const lines = render('text').trimEnd().split('\n');
    assert.equal(lines[0], 'tei/a,b:c.xml:3:7: error: tag not allowed here: personName [rng]');
    assert.equal(lines[1], 'tei/a,b:c.xml:9:1: error: bad "value" <x> & 50% done, second line: yes [rng]');
    assert.equal(lines[2], 'tei/a,b:c.xml:12:2: warning: gap without @reason [sch:gap-reason]');
    assert.equal(lines.at(-1), '2 files, 2 errors, 1 warning');
  });

  it('json: the documented shape, version 1', () => {
    const json = JSON.parse(render('json'));
    assert.equal(json.format, 'samizdat-validate');
    assert.equal(json.version, 1);
    assert.deepEqual(json.summary, report.summary);
    assert.deepEqual(json.files[1], { file: 'tei/ok.xml', schema: null, valid: true, errors: 0, warnings: 0, diagnostics: [] });
    assert.deepEqual(json.files[0].diagnostics[1], { line: 9, column: 1, severity: 'error', ruleId: 'rng', message: tricky });
  });

  it('github: workflow commands with properties and data escaped', () => {
    const lines = render('github').trimEnd().split('\n');
    assert.equal(lines[0], '::error file=tei/a%2Cb%3Ac.xml,line=3,col=7,title=samizdat rng::tag not allowed here: personName');
    assert.equal(lines[1], '::error file=tei/a%2Cb%3Ac.xml,line=9,col=1,title=samizdat rng::bad "value" <x> & 50%25 done,%0Asecond line: yes');
    assert.equal(lines[2], '::warning file=tei/a%2Cb%3Ac.xml,line=12,col=2,title=samizdat sch%3Agap-reason::gap without @reason');
  });

  it('junit: well-formed XML, one test case per document, failures carry the messages', () => {
    const xml = render('junit');
    const cases: { name: string; failure?: string; message?: string }[] = [];
    const parser = new SaxesParser();
    let text = '';
    parser.on('opentag', (tag) => {
      if (tag.name === 'testcase') cases.push({ name: tag.attributes.name as string });
      if (tag.name === 'failure') { cases.at(-1)!.message = tag.attributes.message as string; text = ''; }
    });
    parser.on('text', (t) => { text += t; });
    parser.on('closetag', (tag) => { if (tag.name === 'failure') cases.at(-1)!.failure = text; });
    parser.write(xml).close(); // throws if not well-formed
    assert.equal(cases.length, 2);
    assert.equal(cases[0].name, 'tei/a,b:c.xml');
    assert.equal(cases[0].message, 'tag not allowed here: personName');
    assert.ok(cases[0].failure!.includes(tricky));
    assert.equal(cases[1].failure, undefined);
    assert.match(xml, /<testsuites name="samizdat validate" tests="2" failures="1"/);
  });

  it('junit: a line break in an attribute value survives', async () => {
    const { xmlAttribute: escapeAttribute } = await import('../../src/escape.js');
    const parser = new SaxesParser();
    let value = '';
    parser.on('opentag', (tag) => { value = tag.attributes.m as string; });
    parser.write(`<x m="${escapeAttribute(tricky)}"/>`).close();
    assert.equal(value, tricky);
  });

  it('an unknown format name has no reporter', () => {
    assert.equal(getReporter('xml'), undefined);
    assert.equal(getReporter('toString'), undefined);
  });
});
