/**
 * The CSS an encoder writes (@style, tagsDecl/rendition) reaches the page only
 * through samizdat:css-declarations (xslt/html/css.xsl). Property-based
 * tests (fast-check) throw hostile and random declaration lists at it and
 * check what comes out: nothing that loads (url(), @import, image-set),
 * runs (expression(), javascript:), escapes (braces, angle brackets,
 * backslash escapes, comments, positioning) or breaks out of a style
 * element; only whitelisted properties; sanitising twice changes nothing;
 * plain typography survives.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { compileStylesheet, runStylesheet, type CompiledStylesheet } from '../../src/transform/index.js';
import { repoRoot } from '../support/paths.js';

const ALLOWED = new Set([
  'color', 'background-color', 'font-style', 'font-weight', 'font-variant', 'font-variant-caps', 'font-size', 'font-family', 'font-stretch',
  'text-decoration', 'text-decoration-line', 'text-decoration-style', 'text-decoration-color', 'text-decoration-thickness', 'text-underline-offset',
  'text-transform', 'text-align', 'text-indent', 'letter-spacing', 'word-spacing', 'line-height', 'vertical-align', 'white-space',
  'margin', 'margin-top', 'margin-right', 'margin-bottom', 'margin-left', 'padding', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border', 'border-top', 'border-right', 'border-bottom', 'border-left', 'border-style', 'border-width', 'border-color', 'border-radius',
  'display', 'float', 'clear', 'list-style-type', 'font-feature-settings',
]);

describe('the CSS sanitiser (@style, @rendition)', function () {
  let scratch: string;
  let harness: CompiledStylesheet;
  /** Sanitises many declaration lists in one transformation. */
  const sanitise = (inputs: readonly string[]): string[] =>
    JSON.parse(String(runStylesheet(harness, undefined, { initialTemplate: 'Q{urn:samizdat-test}run', params: { inputs: JSON.stringify(inputs) } }))) as string[];

  before(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'samizdat-css-'));
    const path = join(scratch, 'harness.xsl');
    writeFileSync(path, `<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:samizdat="urn:samizdat" xmlns:t="urn:samizdat-test">
      <xsl:import href="${pathToFileURL(join(repoRoot, 'xslt', 'html', 'css.xsl')).href}"/>
      <xsl:output method="text"/>
      <xsl:param name="inputs" as="xs:string"/>
      <xsl:template name="t:run"><xsl:sequence select="serialize(array { parse-json($inputs)?* ! samizdat:css-declarations(.) }, map { 'method': 'json' })"/></xsl:template>
      <xsl:template name="t:selectors"><xsl:sequence select="serialize(array { parse-json($inputs)?* ! array { samizdat:css-selector(.) } }, map { 'method': 'json' })"/></xsl:template>
    </xsl:stylesheet>`);
    harness = await compileStylesheet(path, { cacheDir: false });
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  /** Translates many rendition selectors in one transformation: for each, the page's selectors. */
  const selectors = (inputs: readonly string[]): string[][] =>
    JSON.parse(String(runStylesheet(harness, undefined, { initialTemplate: 'Q{urn:samizdat-test}selectors', params: { inputs: JSON.stringify(inputs) } }))) as string[][];

  it('translates rendition selectors over TEI elements into selectors over the page', () => {
    assert.deepEqual(selectors(['hi', 'p > hi[rend="italic"]', "quote hi, head + p", '*', '#part-one ~ div', '[rend~=smallcaps]', "hi[type='x.y'][rend=sc]", 'hi[rend="italic bold"]']), [
      ['.tei-hi'], ['.tei-p > .tei-hi.rend-italic'], ['.tei-quote .tei-hi', '.tei-head + .tei-p'], ['[class*="tei-"]'], ['#part-one ~ .tei-div'],
      ['.rend-smallcaps'], ['.tei-hi.rend-x_y.rend-sc'], ['.tei-hi.rend-italic.rend-bold'],
    ]);
  });

  it('leaves out selectors it cannot translate, keeping the others of the list', () => {
    assert.deepEqual(selectors(['hi:hover', 'a[href]', 'p > > hi', '> p', 'p >', 'tei|hi', 'hi::before', '[rend~="a b"]', 'hi[rend^=x]', 'hi, p:first-child, head']),
      [[], [], [], [], [], [], [], [], [], ['.tei-hi', '.tei-head']]);
  });

  it('makes nothing but names, ids, classes and combinators of any selector, however hostile', () => {
    const pieces = fc.oneof(fc.constantFrom('hi', 'p', '*', '#a', '[rend=x]', "[type='y']", ' ', ' > ', '+', '~', ',', '{', '}', ';', '<', '/', '\\', '"', "'", '::after', ':hover', '@import', 'url(x)', '</style>'), fc.string({ maxLength: 12 }));
    fc.assert(fc.property(fc.array(fc.array(pieces, { maxLength: 10 }).map((p) => p.join('')), { minLength: 1, maxLength: 40 }), (inputs) => {
      for (const [i, out] of selectors(inputs).entries()) {
        for (const selector of out) {
          // A class keeps letters and digits of any script (rend-größer): none of them can end a name or a rule.
          assert.match(selector, /^(?:(?:\.[\p{L}\p{N}_-]+|#[A-Za-z_][A-Za-z0-9_-]*|\[class\*="tei-"\])+(?: [>+~] | (?=[.#[]))?)+$/u, `from ${JSON.stringify(inputs[i])}`);
        }
      }
    }), { numRuns: 40 });
  });

  const hostile = ['url(https://evil.example/x.png)', 'url("javascript:alert(1)")', '@import "x.css"', 'expression(alert(1))', '\\75 rl(x)',
    '/* comment */', '} body { display: none', '</style><script>alert(1)</script>', 'position: fixed', 'top: 0', 'z-index: 9999',
    'image-set("x.png" 1x)', '-moz-binding: url(x.xml#y)', 'behavior: url(x.htc)', 'javascript:alert(1)', 'content: "x"', 'display: none',
    'margin-left: -999em', 'font-size: 9999px', 'width: 100000px'];
  const plain = ['font-style: italic', 'font-weight: bold', 'color: #a00', 'color: rgb(10, 20, 30)', 'text-decoration: underline wavy red',
    'font-family: "Junicode", serif', 'letter-spacing: 0.1em', 'text-indent: -1.5em', 'margin-left: 2em', 'font-variant: small-caps'];
  const fragment = fc.oneof(fc.constantFrom(...hostile), fc.constantFrom(...plain), fc.string({ maxLength: 30 }), fc.constantFrom(';', ':', '{', '}', '(', ')', '\\', '"', "'", '<', '>', '!important'));
  const declarations = fc.array(fragment, { maxLength: 8 }).map((parts) => parts.join(fc.sample(fc.constantFrom('; ', ';', ' ', ': ', ''), 1)[0]));

  it('lets nothing through that loads, runs or escapes its element, and only whitelisted properties', () => {
    fc.assert(fc.property(fc.array(declarations, { minLength: 1, maxLength: 50 }), (inputs) => {
      for (const [i, out] of sanitise(inputs).entries()) {
        assert.doesNotMatch(out, /url|expression|import|javascript|image-set|binding|behavior|[\\<>{}@]|\/\*|!/i, `from ${JSON.stringify(inputs[i])}`);
        if (out === '') continue;
        for (const declaration of out.split('; ')) {
          const [name, value] = declaration.split(': ');
          assert.ok(ALLOWED.has(name), `property ${name} from ${JSON.stringify(inputs[i])}`);
          assert.ok(value !== undefined && value.trim() !== '', `a value for ${name}`);
          assert.ok(!/^(position|top|left|z-index|content)$/.test(name));
          if (name === 'display') assert.notEqual(value, 'none');
        }
      }
    }), { numRuns: 60 });
  });

  it('gives the same declarations when sanitising its own output', () => {
    fc.assert(fc.property(fc.array(declarations, { minLength: 1, maxLength: 50 }), (inputs) => {
      const once = sanitise(inputs);
      assert.deepEqual(sanitise(once), once);
    }), { numRuns: 30 });
  });

  it('keeps plain typography as written, and drops each hostile declaration beside it', () => {
    const out = sanitise([...plain, ...hostile.map((h) => `font-style: italic; ${h}; font-weight: bold`)]);
    assert.deepEqual(out.slice(0, plain.length), plain);
    for (const [i, result] of out.slice(plain.length).entries()) assert.equal(result, 'font-style: italic; font-weight: bold', `around ${hostile[i]}`);
  });
});
