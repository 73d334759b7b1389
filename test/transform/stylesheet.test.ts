/**
 * Stylesheets are compiled to SEF once and cached by content: an unchanged
 * stylesheet is read from the cache; a change in any imported module makes
 * a new key.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { HTML_STYLESHEET, TransformProblem, compileStylesheet, runStylesheet, stylesheetKey, stylesheetModules, toHtml } from '../../src/transform/index.js';
import { loadXsltRuntime } from '../../src/transform/index.js';
import { vouchedFor } from '../../src/transform/stylesheet.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'samizdat-sef-'));

describe('compiled stylesheets (SEF cache)', function () {
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('compiles once, then finds the SEF in memory, and another process finds it in the cache folder', async () => {
    const cacheDir = join(scratch, 'cache');
    const xslt = join(scratch, 'xslt');
    cpSync(join(root, 'xslt'), xslt, { recursive: true });
    // A stylesheet no other test compiled: a SEF is known by its content, wherever the file is.
    const text = join(xslt, 'text', 'text.xsl');
    writeFileSync(text, readFileSync(text, 'utf8').replace('</xsl:stylesheet>', `<!-- ${scratch} --></xsl:stylesheet>`));
    const first = await compileStylesheet(text, { cacheDir });
    assert.equal(first.origin, 'compiled');
    assert.match(first.key, /^[0-9a-f]{64}$/);
    assert.deepEqual(readdirSync(cacheDir), [`${first.key}.sef.json`]);
    const again = await compileStylesheet(text, { cacheDir });
    assert.equal(again.origin, 'memory');
    assert.equal(again.key, first.key);
    const script = `import { compileStylesheet } from ${JSON.stringify(pathToFileURL(join(root, 'src', 'transform', 'index.ts')).href)};
      const found = await compileStylesheet(${JSON.stringify(text)}, { cacheDir: ${JSON.stringify(cacheDir)} });
      console.log(found.origin, found.key);`;
    const other = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    assert.equal(other.stdout.trim(), `cache ${first.key}`, other.stderr);
  });

  it('keys a stylesheet by its content, not by where it lies (a copy elsewhere finds the same SEF)', async () => {
    const elsewhere = join(scratch, 'moved', 'xslt');
    cpSync(join(root, 'xslt'), elsewhere, { recursive: true });
    assert.equal(await stylesheetKey(join(elsewhere, 'html', 'html.xsl')), await stylesheetKey(join(root, 'xslt', 'html', 'html.xsl')));
  });

  it('compiles again over a damaged SEF in the cache, and replaces it', async () => {
    const cacheDir = join(scratch, 'damaged-cache');
    const sheet = join(scratch, 'damaged.xsl');
    writeFileSync(sheet, `<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><!-- ${scratch} --><xsl:template match="/">ok</xsl:template></xsl:stylesheet>`);
    const key = await stylesheetKey(sheet);
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(join(cacheDir, `${key}.sef.json`), '{"N": "package", "C": [');
    const compiled = await compileStylesheet(sheet, { cacheDir });
    assert.equal(compiled.origin, 'compiled');
    assert.doesNotThrow(() => JSON.parse(readFileSync(join(cacheDir, `${key}.sef.json`), 'utf8')));
  });

  it('changes the key when an imported module changes', async () => {
    const xslt = join(scratch, 'xslt-2');
    cpSync(join(root, 'xslt'), xslt, { recursive: true });
    const before = await stylesheetKey(join(xslt, 'html', 'html.xsl'));
    const common = join(xslt, 'common', 'tei.xsl');
    writeFileSync(common, readFileSync(common, 'utf8').replace('</xsl:stylesheet>', '<!-- changed --></xsl:stylesheet>'));
    assert.notEqual(await stylesheetKey(join(xslt, 'html', 'html.xsl')), before);
  });

  it('follows imports and includes as URIs: relative, percent-encoded, file: URLs; not http:', async () => {
    const dir = join(scratch, 'modules');
    mkdirSync(join(dir, 'with space'), { recursive: true });
    const sheet = (body: string) => `<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">${body}</xsl:stylesheet>`;
    const html = join(root, 'xslt', 'html', 'html.xsl');
    writeFileSync(join(dir, 'main.xsl'), sheet(`<xsl:import href="with%20space/names.xsl"/><xsl:include href='${pathToFileURL(join(dir, 'dates.xsl')).href}'/><xsl:import href="https://example.org/remote.xsl"/>`));
    writeFileSync(join(dir, 'with space', 'names.xsl'), sheet(`<xsl:import href="../dates.xsl"/><xsl:import href="${pathToFileURL(html).href}"/>`));
    writeFileSync(join(dir, 'dates.xsl'), sheet(''));
    const modules = await stylesheetModules(join(dir, 'main.xsl'));
    assert.deepEqual(modules.slice(0, 4), [join(dir, 'main.xsl'), join(dir, 'with space', 'names.xsl'), join(dir, 'dates.xsl'), html]);
    assert.ok(modules.includes(join(root, 'xslt', 'common', 'tei.xsl')), 'the modules html.xsl imports in turn');
    assert.equal(new Set(modules).size, modules.length, 'each module once');
    assert.ok(!modules.some((m) => m.includes('remote')));
  });

  it('reports a stylesheet that does not compile as a problem naming the file', async () => {
    const broken = join(scratch, 'broken.xsl');
    writeFileSync(broken, '<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/"><xsl:value-of select="1 +"/></xsl:template></xsl:stylesheet>');
    await assert.rejects(compileStylesheet(broken, { cacheDir: false }), (e: unknown) => e instanceof TransformProblem && e.problem.ruleId === 'xslt-compile' && e.problem.file === broken);
  });

  it('runs a user stylesheet that imports html.xsl and overrides one template', async () => {
    const html = await toHtml(join(root, 'tei', '1923-opposition-ch01.xml'), { stylesheet: join(root, 'test', 'fixtures', 'build', 'override.xsl') });
    assert.match(html, /<span class="my-person">Dzerzhinsky<\/span>/);
  });

  it('vouches for the SEFs it produced (precompiled, or compiled just now), not for one in the cache folder; saxon-js checks the checksum of the others', async () => {
    const vouched = (sef: object) => (sef as { samizdatVouched?: boolean }).samizdatVouched === true;
    const precompiled = await compileStylesheet(HTML_STYLESHEET, { cacheDir: false });
    if (precompiled.origin === 'precompiled') assert.ok(vouched(precompiled.sef));
    const cacheDir = join(scratch, 'vouched-cache');
    const sheet = join(scratch, 'vouched.xsl');
    writeFileSync(sheet, `<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><!-- ${scratch} --><xsl:output method="text"/><xsl:template name="go">ok</xsl:template></xsl:stylesheet>`);
    const compiled = await compileStylesheet(sheet, { cacheDir });
    assert.equal(compiled.origin, 'compiled');
    assert.ok(vouched(compiled.sef));
    // Not enumerable: the SEF serializes (and checksums) as xslt3 wrote it.
    assert.ok(!Object.keys(compiled.sef).includes('samizdatVouched'));
    assert.equal(JSON.stringify(compiled.sef), JSON.stringify(JSON.parse(readFileSync(join(cacheDir, `${compiled.key}.sef.json`), 'utf8'))));
    // Another process finds it in the cache folder, which anyone may edit: not vouched for.
    const script = `import { compileStylesheet } from ${JSON.stringify(pathToFileURL(join(root, 'src', 'transform', 'index.ts')).href)};
      const found = await compileStylesheet(${JSON.stringify(sheet)}, { cacheDir: ${JSON.stringify(cacheDir)} });
      console.log(found.origin, found.sef.samizdatVouched === true);`;
    const other = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    assert.equal(other.stdout.trim(), 'cache false', other.stderr);
    // A SEF whose checksum does not match is refused unless vouched for (saxon-js's check is skipped then, nothing else).
    const tampered = (): object => ({ ...JSON.parse(readFileSync(join(cacheDir, `${compiled.key}.sef.json`), 'utf8')) as object, '\u03a3': '0' });
    const run = (sef: object) => String(runStylesheet({ ...compiled, sef }, undefined, { initialTemplate: 'go' }));
    loadXsltRuntime();
    assert.throws(() => run(tampered()), /checksum/i);
    assert.equal(run(vouchedFor(tampered())), 'ok');
    assert.equal(run(compiled.sef), 'ok');
  });
});
