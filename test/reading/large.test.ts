/**
 * Large inputs: a document larger than the limit for holding it whole
 * (`--max-document-size`, default 16 MB) is refused at once by the commands
 * that transform it, with a message naming the limit; validation streams it
 * through the well-formedness and RELAX NG layers whatever its size, and
 * says the rules layer was not run. The limit is set on the command line or
 * in the configuration.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../../src/build/index.js';
import { readCitableFile } from '../../src/cite/index.js';
import { TransformProblem, toText } from '../../src/transform/index.js';
import { validate } from '../../src/validate/index.js';
import { repoRoot, teiAllSchema } from '../support/paths.js';

const TEI_NS = 'http://www.tei-c.org/ns/1.0';
const HEADER = '<teiHeader><fileDesc><titleStmt><title>Large</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>';
const cli = join(repoRoot, 'bin', 'samizdat.js');

describe('large documents', function () {
  this.timeout(300_000);
  const scratch = mkdtempSync(join(tmpdir(), 'samizdat-large-'));
  const large = join(scratch, 'tei', 'large.xml');
  after(() => rmSync(scratch, { recursive: true, force: true }));

  before(async () => {
    mkdirSync(join(scratch, 'tei'));
    const out = createWriteStream(large);
    out.write(`<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="${TEI_NS}">${HEADER}<text><body>\n`);
    const paragraph = `<p>${'Comrades, the opposition met and nothing was decided. '.repeat(30)}</p>\n`.repeat(100);
    for (let size = 0; size < 17 * 1024 * 1024; size += paragraph.length) if (!out.write(paragraph)) await once(out, 'drain');
    out.end('</body></text></TEI>\n');
    await once(out, 'finish');
  });

  it('build, text and cite refuse a 17 MB document at once, naming the limit and how to raise it', async () => {
    const started = Date.now();
    const report = await build(large, { out: join(scratch, 'dist'), root: scratch, buildCacheDir: join(scratch, 'cache') });
    assert.equal(report.written, false);
    const problem = report.diagnostics[0]!;
    assert.equal(problem.ruleId, 'xml-too-large');
    assert.match(problem.message, /large\.xml is 17\.\d MB, more than the 16 MB limit for one document .*--max-document-size/);
    await assert.rejects(toText(large), (error: unknown) => error instanceof TransformProblem && error.problem.message === problem.message);
    const cited = await readCitableFile(large);
    assert.deepEqual(!cited.ok && cited.problems.map((p) => p.message), [problem.message]);
    assert.ok(Date.now() - started < 20_000, `took ${Date.now() - started} ms`);
  });

  it('validate checks it through RELAX NG (streamed), and says the rules layer was not run', async () => {
    const grammar = await validate([large], { schema: teiAllSchema, grammarOnly: true, cacheDir: false });
    assert.deepEqual(grammar.files[0]!.diagnostics, []);
    const full = await validate([large], { schema: teiAllSchema, cacheDir: false, schematron: {} });
    const problems = full.files[0]!.diagnostics;
    assert.deepEqual(problems.map((d) => d.ruleId), ['xml-too-large']);
    assert.match(problems[0]!.message, /the rules layer holds a document whole; its well-formedness and RELAX NG were checked in full/);
  });

  it('takes the limit from --max-document-size and from the configuration', () => {
    const small = join(scratch, 'small.xml');
    writeFileSync(small, `<?xml version="1.0"?>\n<TEI xmlns="${TEI_NS}">${HEADER}<text><body><p>${'x'.repeat(2_000)}</p></body></text></TEI>\n`);
    const flagged = spawnSync(process.execPath, [cli, 'text', small, '--max-document-size', '1KB'], { encoding: 'utf8', cwd: scratch });
    assert.equal(flagged.status, 1);
    assert.match(flagged.stderr, /more than the 1 KB limit/);
    writeFileSync(join(scratch, 'samizdat.config.json'), JSON.stringify({ limits: { maxDocumentSize: '1KB' } }));
    const configured = spawnSync(process.execPath, [cli, 'cite', small], { encoding: 'utf8', cwd: scratch });
    assert.equal(configured.status, 1);
    assert.match(configured.stderr, /more than the 1 KB limit/);
    const raised = spawnSync(process.execPath, [cli, 'text', small, '--max-document-size=64KB'], { encoding: 'utf8', cwd: scratch });
    assert.equal(raised.status, 0, raised.stderr);
    const wrong = spawnSync(process.execPath, [cli, 'build', '--max-document-size', 'lots'], { encoding: 'utf8', cwd: scratch });
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /--max-document-size needs a size such as 64MB/);
  });
});
