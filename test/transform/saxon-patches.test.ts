/**
 * The edits samizdat makes to saxon-js's script as it loads it
 * (transform/saxon-patches.ts): they apply to the saxon-js samizdat depends
 * on (a new saxon-js that no longer matches fails here, not silently in the
 * bench), they leave any other script as it is, and saxon-js patched and
 * unpatched give the same results, page for page and comparison for
 * comparison, including on a second run of the same stylesheet, which is
 * where the kept walks are used. Each saxon-js runs in a process of its own:
 * two instances in one process share globals.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SAXON_PATCHES, patchSource, type SourcePatch } from '../../src/transform/saxon-patches.js';
import { saxonScript } from '../../src/transform/saxon.js';
import { HTML_STYLESHEET, TEXT_STYLESHEET } from '../../src/transform/index.js';

const FLAGSHIP = fileURLToPath(new URL('../../tei/1923-opposition-ch01.xml', import.meta.url));
/** A function declared cache="yes" and one not, each making a new element per call. */
const CACHED_FUNCTION = fileURLToPath(new URL('../fixtures/transform/cached-function.xsl', import.meta.url));
/** Keys matching every element, every attribute, and some of them. */
const KIND_KEYS = fileURLToPath(new URL('../fixtures/transform/kind-keys.xsl', import.meta.url));
/** A source for KIND_KEYS: nodes outside the root, namespaces, attributes in namespaces, names shared by elements and attributes. */
/** Union patterns of element names and of other tests, in a key, template rules and an accumulator. */
const NAME_UNIONS = fileURLToPath(new URL('../fixtures/transform/name-unions.xsl', import.meta.url));
/** A source for NAME_UNIONS: names in no namespace and in one, attributes, text, a comment and processing instructions. */
const UNIONED = '<?p top?><r xmlns:b="urn:b"><a/><b:a/><c x="1">t</c><d><e/>u<b:e><f/></b:e><?q?></d><!--c--><f y="2"/><g/><b:g/><h/><i x="2"/><j/><e/></r>';
const KEYED = '<?xml version="1.0"?><!--c--><?pi x?><r xmlns:b="urn:b" xmlns="urn:r" a="1" b:c="2" xml:id="x"> t <e a="3" b:a="4"><a e="x"/></e><!--k--><b:e a="3"/><?p?><e/></r><!--z-->';
const src = (path: string) => new URL(`../../src/${path}`, import.meta.url).href;

/**
 * Comparisons of strings within and beyond the Basic Multilingual Plane
 * (XPath compares by code point), and regular expressions used twice, with
 * flags, with a "g" flag saxon-js adds itself (replace, tokenize), and on
 * text beyond the BMP.
 */
const COMPARISONS = `('a\u{1D504}b' = 'a\u{1D504}b', 'a\u{1D504}' = 'a\u{1D505}', compare('a\u{1D504}', 'a\u{1D505}'),
  compare('\u{FFFD}', '\u{1D504}'), compare('\u{D7FF}x', 'x'), sort(('\u{1D504}', '\u{FFFD}', 'z', 'é')),
  (1 to 2) ! (matches('Sormovo', '^s\\p{Ll}+$'), matches('Sormovo', '^s\\p{Ll}+$', 'i')), (1 to 2) ! replace('8 October 1923', '\\d+', '#'),
  (1 to 2) ! tokenize('Trotsky  to the   Central Committee', '\\s+'), (1 to 2) ! matches('a\u{1D504}', '^a.$'),
  string-length('Sormovo'), string-length('a\u{1D504}b'), string-length(''),
  for $s in ('Kharkov', 'K\u{1D504}arkov'), $a in (-1, 0, 1.5, 2.5, 7, 9, xs:double('NaN'), xs:double('INF'), xs:double('-INF')),
    $b in ('none', -1, 0, 1.4, 2.5, 3, 99, xs:double('NaN'), xs:double('INF'))
  return '[' || (if ($b instance of xs:string) then substring($s, $a) else substring($s, $a, $b)) || ']')`;

/**
 * The descendant axes from a document node (whose own text and XML
 * declaration are not its children), an element, and a leaf: each node
 * named with its string value, in the order the axis gives.
 */
const DESCENDANTS = `let $d := parse-xml('<?xml version="1.0"?><!--c--><?pi x?><a> t <b><c/>u<![CDATA[v]]></b><!--k--><d><e><f/></e><g/></d> w </a><!--z-->'),
  $label := function ($n) { (local-name($n), '') [1] || '=' || string($n) }
  return ($d//node() ! $label(.), '|', $d/descendant-or-self::node() ! $label(.), '|', $d//d/descendant::node() ! $label(.), '|',
    $d//c/descendant-or-self::node() ! $label(.), '|', count($d//c/descendant::node()), count($d//*), $d//*[not(*)] ! local-name(.), '|', ($d//e, $d//b)//* ! local-name(.))`;

/**
 * Maps (saxon-js's hash trie) put to, looked up, removed from and listed,
 * with keys of several types and lengths: their keys come in the order of
 * the trie, which must not change.
 */
const MAPS = `let $m := map:merge(((1 to 300) ! map { 'k' || . : . }, map { 7: 'seven' }, map { xs:date('1923-10-08'): 'declaration' }, map { '': 'empty' }, map { 'Sormovo\u{1D504}': 'astral' }))
  return (map:size($m), map:keys($m) ! string(.), $m('k17'), $m(7), $m(xs:date('1923-10-08')), $m(''), $m('Sormovo\u{1D504}'), $m('k301'),
    map:keys(map:remove($m, ('k5', 7))) ! string(.), map:keys(map:put($m, 'k1', 'again')) ! string(.), map:put($m, 'k1', 'again')('k1'))`;

/**
 * The order of maps' keys where the trie's rule shows (hash-trie-in-a-js-map):
 * keys beginning with digits and letters, put in out of order; long keys
 * (hashed to base 36) and short ones (their own hash); numbers, negative,
 * decimal and large; a key removed and another put after it (a removed
 * key's nodes stay and keep their place); merges keeping the first, the
 * last or all values; a map read as a function and serialized as JSON;
 * and a page's mention map built as entities.xsl builds it. Then equal
 * strings and strings that differ (equal-strings-compared-at-once), within
 * and beyond the BMP, compared, sorted and looked up.
 */
const MAP_ORDERS = `let $m := map:merge(('zeta', 'b', '9a', 'a1', '10', '1', 'paragraphNumber', 'paragraph', 'élément', 'b2', 'ba', '_', ' ', 'k-1', '') ! map { . : string-length(.) }),
    $n := map:merge(((-5, 3.5, 12345678901, 0, 7, 70, 700, 1e3, -1e-3, 36, 35) ! map { . : string(.) }, map { 36: 'again' }), map { 'duplicates': 'use-last' }),
    $r := map:put(map:put(map:remove($m, ('b', 'zeta', '9a')), 'c', 0), 'zeta', 'back'),
    $c := map:merge(($m, map { 'b': 'two', 'new': 'n' }, map { 'b': 'three' }), map { 'duplicates': 'combine' }),
    $mention := map:merge((map { 'entry': 'e1', 'kind': 'name', 'element': 'persName', 'text': 'Trotsky', 'before': '…', 'after': 'opens' }, map { 'paragraph': 'para-3', 'paragraphNumber': '3' }))
  return (map:keys($m) ! string(.), '|', map:keys($n) ! string(.), $n(36), '|', map:keys($r) ! string(.), $r('zeta'), $r('b'), '|',
    map:keys($c) ! string(.), $c('b'), '|', map:keys($mention), serialize($mention, map { 'method': 'json' }),
    serialize(map:merge((1 to 40) ! map { 'key' || . : . }), map { 'method': 'json' }), map:contains($r, 'b'), map:size($r), $m('paragraph'),
    compare('a\u{1D504}', 'a\u{1D504}'), compare('', ''), 'Sormovo' eq 'Sormovo', 'a\u{1D504}' eq 'a\u{1D504}', 'a\u{1D504}' lt 'a\u{1D504}', map { 'K\u{1D504}': 1 }('K\u{1D504}'), distinct-values(('a', 'a', 'b\u{1D504}', 'b\u{1D504}')),
    sort(('b\u{1D504}', 'b\u{FFFD}', 'b\u{D7FF}', 'b', 'bz', 'a\u{1D504}z', 'a\u{1D504}y', 'a\u{1D505}', '\u{E000}', 'c', 'b\u{1D504}a')) ! string-to-codepoints(.) ! string(.), compare('b\u{FFFD}', 'b\u{1D504}'), compare('bz', 'b'), 'x' lt 'y')`;

/**
 * `castable as` over values that cast and values that do not (the edition
 * rules' date check), to the types it tries, with the limit of stack frames
 * read after: a failed cast must leave it as it was.
 */
const CASTS = `for $v in ('1923', '1923-10', '1923-10-08', '1923-10-08T12:00:00', '--10-08', '--10', '---08', '12:00:00', '1923-13-01', 'October', '', ' 1923 ', '-0044', '1923-10-08Z', '1923-02-29')
  return ($v castable as xs:date, $v castable as xs:gYear, $v castable as xs:gYearMonth, $v castable as xs:dateTime,
    $v castable as xs:gMonthDay, $v castable as xs:gMonth, $v castable as xs:gDay, $v castable as xs:time, $v castable as xs:integer, $v castable as xs:QName)`;

/**
 * replace() with groups in its pattern, each three times: the replacement
 * may name only the groups the pattern has ($2 of a one-group pattern
 * stands for nothing), which it learns from the translation, kept after the
 * first call.
 */
const REPLACEMENTS = `(1 to 3) ! (replace('reg:rcp', '^reg:([a-z0-9\\-]+)$', 'register.xml#$1 $2'), replace('1923-10-08', '^(\\d{4,})-(\\d\\d)(-\\d\\d)?$', '$2/$1$3$4'),
  replace('Trotsky', 'o', '[$0]'), replace('Trotsky', '(o)(t)?', '$2$1'))`;

/**
 * The attribute axis twice over the same elements (where kept nodes are
 * given again): names, namespaces, values and parents, identity, unions and
 * differences, and an element whose attribute a second tree (a copy, its
 * value changed) holds under the same name.
 */
const ATTRIBUTES = `let $d := parse-xml('<r xmlns:b="urn:b" xmlns="urn:r" a="1" b:c="2" xml:id="x"><e a="3" b:a="4"/><e a="3"/></r>'),
  $copy := parse-xml(replace(serialize($d), 'a="3"', 'a="5"'))
  return ((1 to 2) ! ($d//@* ! (name(.), local-name(.), namespace-uri(.), string(.), local-name(..))), $copy//@a ! string(.),
    $d/*/@a is $d/*/@a, count($d/*/@* | $d/*/@*), count($d//@* intersect $d/*/@*), ($d/*/@* except $d/*/@a) ! name(.),
    generate-id($d/*/@a) = generate-id($d/*/@a), count($d//*:e/@a[. = '3']), deep-equal($d//*:e[1]/@*, $d//*:e[1]/@*), $d//@a[. = '3']/../count(@*))`;

/**
 * Strings serialized as JSON (records.xsl's output method): every character
 * the serializer escapes (the short escapes, the C0 and C1 controls, the
 * solidus), beside text it leaves alone, beyond the BMP and lone surrogates
 * included (the controls and surrogates passed in as $controls: XPath cannot
 * make them); as map keys and values, in UTF-8 (the default), UTF-16, and
 * the two encodings that cannot hold every character (their characters
 * beyond them escaped too), and through a character map.
 */
const JSON_STRINGS = `let $all := $controls || string-join((9, 10, 13, 32 to 200) ! codepoints-to-string(.)) || 'Sormovo \u{1D504} «Trotsky» </p>',
  $strings := ($all, '', 'plain', '"quoted"', 'a\\b/c'),
  $value := map { 'passages': array { $strings ! map { 'text': ., .: 'key' } } }
  return (('UTF-8', 'utf-16', 'US-ASCII', 'iso-8859-1') ! serialize($value, map { 'method': 'json', 'encoding': . }),
    serialize($value, map { 'method': 'json', 'use-character-maps': map { 'x': 'CROSS' } }), serialize(array { $strings }, map { 'method': 'json' }))`;
const CONTROLS = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('') + '\uD800x\uDC00';

/**
 * The lookup operator over arrays and maps whose members are empty, single
 * items and sequences (which it spreads, as concat did), with ?*, ?name,
 * ?3 and a list of keys, over sequences of many arrays and maps, in order.
 */
const LOOKUPS = `let $arrays := ([], [1], [(2, 3), (), 4], ['a', ['nested', 'array'], ('b', 'c')]),
  $maps := (map {}, map { 'k': (5, 6), 'e': () }, map { 'k': 7 }),
  $many := (1 to 400) ! map { 'n': ., 'pair': (., -.), 'members': [., (), (. * 2, . * 3)] }
  return (count($arrays?*), $arrays?* ! (if (. instance of array(*)) then 'array of ' || array:size(.) else string(.)), count($maps?*), sort($maps?*), $maps?k, $maps?e, $maps?('k', 'e', 'k'),
    [1, (2, 3), 4]?(3, 2, 2), ($arrays[3], $arrays[4])?2, count($many?pair), sum($many?n), $many?pair[. lt -395], count($many?members?*),
    ($many?members)?3[. gt 1190], count($many?*), [$many]?*?n[. gt 398], array:size(array { $many?n }))`;

/**
 * Dynamic contexts made one inside another (made bare by
 * `contexts-made-bare`, then filled in by newContext): recursive and
 * higher-order function calls with local variables, focus changes inside
 * them, sort keys (a context that shares its parent's variables), regular
 * expression groups, and maps built and read in nested calls.
 */
const CONTEXTS = `let $depth := function ($f, $n) { if ($n le 0) then () else ($n, $f($f, $n - 1)) },
  $words := tokenize('Sormovo Kharkov Trotsky Sormovo Moscow'),
  $m := map:merge(for $i in 1 to count($words) return map { $words[$i]: $i }, map { 'duplicates': 'combine' })
  return ($depth($depth, 12), sort($words, (), function ($w) { (string-length($w), $w) }), for-each($words, function ($w) { $w ! upper-case(.) ! substring(., 1, 3) }),
    analyze-string('8 October 1923', '(\\d+) (\\w+)')//*:group ! string(.), map:keys($m) ! (. || '=' || string-join($m(.) ! string(.), ',')),
    fold-left($words, map {}, function ($acc, $w) { map:put($acc, $w, ($acc($w), count($acc?*) + 1)) }) ! map:size(.), (1 to 5)[. mod 2 = 1] ! (. * position()))`;

/**
 * Value and general comparisons of every kind of atomic value, each twice
 * (the second with the comparer kept from the first), in ascending and
 * descending orders, with untyped values, NaN, empty sequences and a
 * collation of its own (a comparer that is not kept).
 */
const COMPARERS = `(1 to 2) ! (1 eq 1, 1 lt 2.5, xs:double('NaN') eq xs:double('NaN'), xs:double('NaN') ne xs:double('NaN'), xs:float('1.5') ge 1.5,
  'Sormovo' lt 'Sormovo\u{1D504}', 'b' gt 'B', xs:untypedAtomic('10') = 10, xs:untypedAtomic('10') = '10', xs:untypedAtomic('b') lt xs:untypedAtomic('a'),
  xs:date('1923-10-08') lt xs:date('1923-10-15'), xs:dateTime('1923-10-08T12:00:00Z') eq xs:dateTime('1923-10-08T13:00:00+01:00'),
  xs:dayTimeDuration('PT1H') lt xs:dayTimeDuration('PT61M'), xs:yearMonthDuration('P1Y') eq xs:yearMonthDuration('P12M'), QName('urn:a', 'a:x') eq QName('urn:a', 'b:x'),
  true() gt false(), (1, 2) = (2, 3), (1, 2) != 1, ('a', 'b') < ('a'), () = 1, empty(() eq 1), xs:anyURI('urn:x') eq 'urn:x', xs:hexBinary('0A') eq xs:hexBinary('0a'),
  ('b', 'a', 'C', 'é')[. = ('a', 'C')], sort(('b', 'a', 'C', 'é', '10', '9')), sort((3, 1.5, xs:double('NaN'), 2)), compare('a', 'B', 'http://www.w3.org/2005/xpath-functions/collation/html-ascii-case-insensitive'),
  for $v in ('1923', xs:untypedAtomic('1923')) return ($v = '1923', $v = '1923.0'), 1923 = xs:untypedAtomic('1923.0'), xs:gYear('1923') eq xs:gYear('1923'))`;

/**
 * generate-id() of every kind of node of two documents (the document, an
 * element, attributes, text, a comment, a processing instruction),
 * asked twice for each node (generated-ids-kept keeps
 * the first answer), with the count of distinct ids against that of nodes.
 */
const GENERATED_IDS = `let $d := parse-xml('<?xml version="1.0"?><!--c--><a x="1" y="2"> t <b><c/>u</b><?p q?><b z="3"/></a>'),
    $e := parse-xml('<a><b/>v</a>'),
    $nodes := ($d, $d//node(), $d//@*, $e, $e//node())
  return ((1 to 2) ! ($nodes ! generate-id(.)), count(distinct-values($nodes ! generate-id(.))), count($nodes),
    generate-id(()), generate-id(($d//b)[2]) = generate-id($d/a/b[2]), generate-id($d//@z) = generate-id(($d//b)[2]/@z))`;

interface Outcome {
  applied: string[];
  /** How often a source tree was turned into text (toString) by a run at log level 1, then at level 2. */
  described: [number, number];
  /** Each stylesheet's page (principal result and secondary results), run twice. */
  runs: string[][];
  comparisons: unknown;
  ids: unknown;
  comparers: unknown;
  descendants: unknown;
  maps: unknown;
  mapOrders: unknown;
  casts: unknown;
  replacements: unknown;
  attributes: unknown;
  json: unknown;
  lookups: unknown;
  contexts: unknown;
  /** cached-function.xsl run twice: which calls gave the same element, and the elements made. */
  cached: string[];
  /** kind-keys.xsl run twice. */
  keyed: string[];
  /** name-unions.xsl run twice. */
  unioned: string[];
  /** Error.stackTraceLimit after the casts (set to 17 before them). */
  stackTraceLimit: number;
}

/** Runs the flagship through the page and text stylesheets, twice each, and the comparisons, in a new process whose saxon-js has `patches` applied. */
function outcome(patches: 'none' | 'all'): Outcome {
  const script = `
    import { readFileSync } from 'node:fs';
    import { Module } from 'node:module';
    import { dirname } from 'node:path';
    const { patchSource, SAXON_PATCHES } = await import(${JSON.stringify(src('transform/saxon-patches.ts'))});
    const { saxonScript } = await import(${JSON.stringify(src('transform/saxon.ts'))});
    const { compileStylesheet } = await import(${JSON.stringify(src('transform/stylesheet.ts'))});
    const { cachedFunctionNames, markCachedFunctions } = await import(${JSON.stringify(src('transform/cached-functions.ts'))});
    const file = saxonScript();
    const { source, applied } = patchSource(readFileSync(file, 'latin1'), ${patches === 'all' ? 'SAXON_PATCHES' : '[]'});
    const module = new Module(file);
    module.filename = file;
    module.paths = Module._nodeModulePaths(dirname(file));
    module._compile(source, file);
    const saxon = module.exports;
    const text = readFileSync(${JSON.stringify(FLAGSHIP)}, 'utf8');
    const params = [{ output: 'page+entities' }, { mode: 'reading' }];
    // Compiled in this process: a SEF saxon-js has run is linked to its parents and no longer JSON.
    const sefs = await Promise.all(${JSON.stringify([HTML_STYLESHEET, TEXT_STYLESHEET])}.map(async (path) => (await compileStylesheet(path)).sef));
    const runs = sefs.map((sef, i) => {
      return [1, 2].map(() => {
        const { principalResult, resultDocuments } = saxon.transform({
          stylesheetInternal: sef, sourceText: text, sourceBaseURI: ${JSON.stringify(pathToFileURL(FLAGSHIP).href)},
          destination: 'serialized', stylesheetParams: params[i],
          deliverResultDocument: () => ({ destination: 'serialized' }), baseOutputURI: 'file:///results/',
        });
        return String(principalResult) + JSON.stringify(resultDocuments ?? {});
      });
    });
    // A source given as a tree: saxon-js describes it (serializing it) for a log line of level 2.
    const described = [1, 2].map((level) => {
      const tree = saxon.XPath.evaluate("parse-xml('<TEI><p>Sormovo</p></TEI>')", null);
      let calls = 0;
      const { toString } = tree;
      tree.toString = function () { calls++; return toString.call(this); };
      saxon.setLogLevel(level);
      const printed = console.log;
      console.log = () => undefined;
      try {
        saxon.transform({ stylesheetInternal: sefs[1], sourceNode: tree, destination: 'serialized', stylesheetParams: params[1] });
      } finally {
        console.log = printed;
        saxon.setLogLevel(1);
      }
      return calls;
    });
    const cachedSef = (await compileStylesheet(${JSON.stringify(CACHED_FUNCTION)}, { cacheDir: false })).sef;
    markCachedFunctions(cachedSef, cachedFunctionNames(readFileSync(${JSON.stringify(CACHED_FUNCTION)}, 'utf8')));
    const cached = [1, 2].map(() => String(saxon.transform({ stylesheetInternal: cachedSef, sourceText: '<TEI/>', destination: 'serialized' }).principalResult));
    const keysSef = (await compileStylesheet(${JSON.stringify(KIND_KEYS)}, { cacheDir: false })).sef;
    const keyed = [1, 2].map(() => String(saxon.transform({ stylesheetInternal: keysSef, sourceText: ${JSON.stringify(KEYED)}, destination: 'serialized' }).principalResult));
    const unionsSef = (await compileStylesheet(${JSON.stringify(NAME_UNIONS)}, { cacheDir: false })).sef;
    const unioned = [1, 2].map(() => String(saxon.transform({ stylesheetInternal: unionsSef, sourceText: ${JSON.stringify(UNIONED)}, destination: 'serialized' }).principalResult));
    console.log(JSON.stringify({ applied, cached, keyed, unioned, described, runs, comparisons: saxon.XPath.evaluate(${JSON.stringify(COMPARISONS)}, null), comparers: saxon.XPath.evaluate(${JSON.stringify(COMPARERS)}, null), descendants: saxon.XPath.evaluate(${JSON.stringify(DESCENDANTS)}, null), maps: saxon.XPath.evaluate(${JSON.stringify(MAPS)}, null), mapOrders: saxon.XPath.evaluate(${JSON.stringify(MAP_ORDERS)}, null), casts: (Error.stackTraceLimit = 17, saxon.XPath.evaluate(${JSON.stringify(CASTS)}, null)), stackTraceLimit: Error.stackTraceLimit, replacements: saxon.XPath.evaluate(${JSON.stringify(REPLACEMENTS)}, null), attributes: saxon.XPath.evaluate(${JSON.stringify(ATTRIBUTES)}, null), json: saxon.XPath.evaluate(${JSON.stringify(JSON_STRINGS)}, null, { params: { controls: ${JSON.stringify(CONTROLS)} } }), lookups: saxon.XPath.evaluate(${JSON.stringify(LOOKUPS)}, null), contexts: saxon.XPath.evaluate(${JSON.stringify(CONTEXTS)}, null), ids: saxon.XPath.evaluate(${JSON.stringify(GENERATED_IDS)}, null) }));`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout) as Outcome;
}

describe('transform: the patches made to saxon-js as it is loaded', () => {
  it('each applies exactly once to the saxon-js samizdat depends on', () => {
    const { applied } = patchSource(readFileSync(saxonScript(), 'latin1'), SAXON_PATCHES);
    assert.deepEqual(applied, ['sef-walks-kept', 'astral-test-without-copy', 'regex-translations-kept', 'element-names-kept', 'attribute-nodes-kept', 'namespace-maps-kept', 'descendants-flat', 'string-length-without-copy', 'substring-without-copy', 'options-described-when-logged',
      'key-index-filled-once-per-value', 'key-nodes-of-one-kind', 'names-resolved-once',
      'castable-without-stack',
      'atomic-values-without-assertion', 'marked-functions-cached', 'json-strings-escaped-at-once', 'own-sef-checksum-vouched', 'lookup-all-appended', 'lookup-appended', 'array-lookup-appended',
      'key-index-in-a-map', 'local-name-keys-read', 'pure-key-indexes-kept', 'name-unions-looked-up', 'comparers-kept', 'name-tests-compared-directly', 'generated-ids-kept', 'contexts-made-bare', 'new-contexts-bare', 'hash-trie-in-a-js-map', 'equal-strings-compared-at-once']);
  });

  it('leaves a script untouched where a patch text is missing or occurs twice, and keeps "use strict" first', () => {
    const patch: SourcePatch = { name: 'p', from: 'f(1)', to: 'g(1)', prelude: 'var kept=1;' };
    assert.deepEqual(patchSource('f(2);', [patch]), { source: 'f(2);', applied: [] });
    assert.deepEqual(patchSource('f(1);f(1);', [patch]), { source: 'f(1);f(1);', applied: [] });
    assert.deepEqual(patchSource('"use strict";f(1);', [patch]), { source: '"use strict";var kept=1;g(1);', applied: ['p'] });
  });

  it('declares a prelude that several patches share once, and one whose patches were all left out not at all', () => {
    const helper = 'function h(x){return x}';
    const one: SourcePatch = { name: 'one', from: 'a(1)', to: 'h(1)', prelude: helper };
    const two: SourcePatch = { name: 'two', from: 'b(2)', to: 'h(2)', prelude: helper };
    assert.deepEqual(patchSource('a(1);b(2);', [one, two]), { source: `${helper}h(1);h(2);`, applied: ['one', 'two'] });
    assert.deepEqual(patchSource('c(3);', [one, two]), { source: 'c(3);', applied: [] });
    const shared = SAXON_PATCHES.filter((patch) => patch.name.includes('lookup')).map((patch) => patch.prelude);
    assert.equal(shared.length, 3);
    assert.equal(new Set(shared).size, 1, 'the lookup patches share their helper');
    const { source } = patchSource(readFileSync(saxonScript(), 'latin1'), SAXON_PATCHES);
    assert.equal(source.split('function samizdatAppend(').length, 2, 'declared once in the patched script');
  });

  it('makes the patches in one pass as they were made one after the other, each on the text the last left', () => {
    const shipped = readFileSync(saxonScript(), 'latin1');
    let patched = shipped;
    const preludes: string[] = [];
    for (const patch of SAXON_PATCHES) {
      const at = patched.indexOf(patch.from);
      assert.ok(at >= 0 && patched.indexOf(patch.from, at + 1) < 0, patch.name);
      patched = patched.slice(0, at) + patch.to + patched.slice(at + patch.from.length);
      if (patch.prelude && !preludes.includes(patch.prelude)) preludes.push(patch.prelude);
    }
    const directive = /^\s*(['"])use strict\1;?/.exec(patched)?.[0] ?? '';
    assert.ok(patchSource(shipped, SAXON_PATCHES).source === directive + preludes.join('') + patched.slice(directive.length), 'the same script, byte for byte');
  });

  it('leaves out a patch whose text overlaps that of one before it, and makes patches in the order of their places', () => {
    const first: SourcePatch = { name: 'first', from: 'b(2)', to: 'B(2)', prelude: 'var one;' };
    const overlapping: SourcePatch = { name: 'overlapping', from: '2);c', to: 'X' };
    const earlier: SourcePatch = { name: 'earlier', from: 'a(1)', to: 'A(1)', prelude: 'var two;' };
    assert.deepEqual(patchSource('a(1);b(2);c(3);', [first, overlapping, earlier]), { source: 'var one;var two;A(1);B(2);c(3);', applied: ['first', 'earlier'] });
  });

  it('gives the same pages, plain texts and string comparisons as saxon-js unpatched, on a first and a second run', () => {
    const [shipped, patched] = [outcome('none'), outcome('all')];
    assert.deepEqual(shipped.applied, []);
    assert.deepEqual(patched.applied, SAXON_PATCHES.map((patch) => patch.name));
    for (const [page, again] of shipped.runs) assert.equal(again, page);
    assert.match(shipped.runs[0]![0]!, /<\/html>[\s\S]*entities\.json/);
    assert.match(shipped.runs[1]![0]!, /Trotsky opens the attack/);
    assert.deepEqual(patched.runs, shipped.runs);
    const comparisons = shipped.comparisons as unknown[];
    // 2 strings × 9 starts × 9 lengths of substring() after the rest.
    assert.equal(comparisons.length, 30 + 2 * 9 * 9);
    const substring = (string: number, start: number, length: number) => comparisons[30 + string * 81 + start * 9 + length];
    assert.equal(substring(0, 2, 4), '[har]', "substring('Kharkov', 1.5, 2.5)");
    assert.equal(substring(0, 1, 5), '[Kh]', "substring('Kharkov', 0, 3)");
    assert.equal(substring(1, 2, 0), '[\u{1D504}arkov]', "substring('K𝔄arkov', 1.5)");
    assert.equal(substring(0, 6, 0), '[]', "substring('Kharkov', NaN)");
    assert.equal(substring(0, 8, 8), '[]', "substring('Kharkov', -INF, INF)");
    assert.deepEqual(comparisons.slice(0, 30), [
      true, false, -1, -1, 1, 'z', 'é', '\u{FFFD}', '\u{1D504}', false, true, false, true, '# October #', '# October #',
      ...['Trotsky', 'to', 'the', 'Central', 'Committee'], ...['Trotsky', 'to', 'the', 'Central', 'Committee'], true, true, 7, 3, 0,
    ]);
    assert.deepEqual(patched.comparisons, shipped.comparisons);
    const comparers = shipped.comparers as unknown[];
    assert.equal(comparers.length % 2, 0);
    assert.deepEqual(comparers.slice(comparers.length / 2), comparers.slice(0, comparers.length / 2), 'the same answers with comparers kept');
    assert.deepEqual(comparers.slice(0, 8), [true, true, false, true, true, true, true, true]);
    assert.deepEqual(patched.comparers, shipped.comparers);
    const descendants = shipped.descendants as unknown[];
    assert.deepEqual(descendants.slice(0, 4), ['=c', 'pi=x', 'a= t uv w ', '= t ']);
    assert.deepEqual(descendants.slice(-9), ['|', 0, 7, 'c', 'f', 'g', '|', 'c', 'f']);
    assert.deepEqual(patched.descendants, shipped.descendants);
    const maps = shipped.maps as unknown[];
    assert.equal(maps[0], 304);
    assert.deepEqual([...maps.slice(305, 310), maps.length, maps.at(-1)], [17, 'seven', 'declaration', 'empty', 'astral', 310 + 302 + 304 + 1, 'again']);
    assert.deepEqual(patched.maps, shipped.maps);
    const orders = shipped.mapOrders as unknown[];
    assert.ok(orders.length > 40 && orders.includes('paragraphNumber') && orders.includes('again'), JSON.stringify(orders));
    assert.deepEqual(patched.mapOrders, shipped.mapOrders);
    const casts = shipped.casts as boolean[];
    assert.equal(casts.length, 15 * 10);
    assert.deepEqual(casts.slice(0, 10), [false, true, false, false, false, false, false, false, true, false], "'1923' casts to xs:gYear and xs:integer only");
    assert.deepEqual(casts.slice(20, 30), [true, false, false, false, false, false, false, false, false, false], "'1923-10-08' casts to xs:date only");
    assert.deepEqual(patched.casts, shipped.casts);
    assert.equal(shipped.stackTraceLimit, 17);
    assert.equal(patched.stackTraceLimit, 17);
    const once = ['register.xml#rcp ', '10/1923-08', 'Tr[o]tsky', 'Trtosky'];
    assert.deepEqual(shipped.replacements, [...once, ...once, ...once]);
    assert.deepEqual(patched.replacements, shipped.replacements);
    const attributes = shipped.attributes as unknown[];
    assert.deepEqual(attributes.slice(0, 5), ['a', 'a', '', '1', 'r']);
    assert.deepEqual(attributes.slice(60), ['1', '5', '5', true, 3, 3, 'b:c', 'xml:id', true, 2, true, 2, 1]);
    assert.deepEqual(patched.attributes, shipped.attributes);
    const json = shipped.json as string[];
    assert.equal(json.length, 6);
    assert.ok(json[0]!.startsWith('{"passages":[{"') && json[0]!.includes(String.raw`"text":"\u0000\u0001`), json[0]);
    for (const escaped of [String.raw`\u0007\b\t\n\u000B\f\r\u000E`, '\\u001F\uD800x\uDC00\\t', String.raw`!\"#`, String.raw`<\/p>`, String.raw`[\\]`, String.raw`~\u007F\u0080`, '\\u009F\u00A0\u00A1', 'Sormovo \u{1D504} «Trotsky»']) {
      assert.ok(json[0]!.includes(escaped), escaped);
    }
    assert.ok(json[2]!.includes(String.raw`\u009F\u00A0`) && json[2]!.includes(String.raw`\uD835\uDD04 \u00ABTrotsky`), 'beyond US-ASCII escaped');
    assert.ok(json[3]!.includes(String.raw`\uD835\uDD04 «Trotsky»`), 'beyond ISO-8859-1 escaped');
    assert.ok(json[4]!.includes('wCROSSy'), 'the character map applied');
    assert.deepEqual(patched.json, shipped.json);
    const lookups = shipped.lookups as unknown[];
    assert.deepEqual(lookups.slice(0, 15), [8, '1', '2', '3', '4', 'a', 'array of 2', 'b', 'c', 3, 5, 6, 7, 5, 6]);
    assert.deepEqual(lookups.slice(-4), [1600, 399, 400, 400]);
    assert.deepEqual(patched.lookups, shipped.lookups);
    const contexts = shipped.contexts as unknown[];
    assert.deepEqual(contexts.slice(0, 12), [12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    assert.deepEqual(contexts.slice(-3), [1, 6, 15]);
    assert.deepEqual(patched.contexts, shipped.contexts);
    const ids = shipped.ids as unknown[];
    const nodes = (ids.length - 5) / 2;
    assert.equal(ids[nodes * 2 + 1], nodes, 'as many nodes as counted');
    assert.equal(ids[nodes * 2], nodes, 'an id of its own for each node');
    assert.deepEqual(ids.slice(nodes, nodes * 2), ids.slice(0, nodes), 'the same id when asked again');
    assert.deepEqual(ids.slice(-3), ['', true, true]);
    assert.deepEqual(patched.ids, shipped.ids);
  });

  it('answers a call of a function marked cache="yes" with an earlier call\'s result, per transform, for the same nodes and strings only', () => {
    const [shipped, patched] = [outcome('none'), outcome('all')];
    const made = '<made n="1" at="" base="">reg:rcp</made> <made n="2" at="TEI" base="file:///a.xml">reg:rcp reg:rcp</made> <made n="0" at="" base=""/>';
    // Unpatched, every call makes a new element.
    assert.deepEqual(shipped.cached, [1, 2].map(() => `false false false false false false false false ${made}`));
    // Patched: the same string, node and no base URI again; a call with two strings is not kept; f:fresh is not marked.
    assert.deepEqual(patched.cached, [1, 2].map(() => `true false false false true false true false ${made}`));
  });

  it('indexes every element, or every attribute, of a key matching all of one kind, and finds a key by its name however written, as unpatched', () => {
    const [shipped, patched] = [outcome('none'), outcome('all')];
    assert.ok(patched.applied.includes('key-nodes-of-one-kind') && patched.applied.includes('names-resolved-once'));
    assert.equal(shipped.keyed[1], shipped.keyed[0]);
    assert.equal(shipped.keyed[0], 'r:r#0 a:a#0 c: id: e:e#0,b:e#2,e#3 r@ a@a=1/r,a=3/e,b:a=4/e,a=3/b:e c@b:c=2/r id@xml:id=x/r e@e=x/a '
      + '1=a/r 3=a/e,a/b:e x=xml:id/r,e/a r?1 a?0 c?0 id?0 e?2 true 4 3 true| 3 4 1 3 4 1');
    assert.deepEqual(patched.keyed, shipped.keyed);
  });

  it('matches union patterns of element names (keys, template rules, accumulators) as unpatched', () => {
    const [shipped, patched] = [outcome('none'), outcome('all')];
    assert.ok(patched.applied.includes('name-unions-looked-up'));
    assert.equal(shipped.unioned[1], shipped.unioned[0]);
    assert.equal(shipped.unioned[0], 'names a@1 b:a@2 c@3 d@5 b:e@7 f@7 f@12 g@13 h@15 i@16 j@17 '
      + 'mixed a@1 b:a@2 c@3 x@3 #@3 d@5 e@5 #@6 b:e@7 f@7 f@12 g@13 h@15 i@16 x@16 e@18 two c@3 g@13 one c@3 f@12|'
      + 'other:p;none:r;names:a/0;names:b:a/0;names:c/0;none:x;none:;mixed:d/1;other:e;none:;mixed:b:e/2;mixed:f/3;other:q;other:;'
      + 'mixed:f/1;mixed:y/-;names:g/0;none:b:g;names:h/0;none:i;none:x;mixed:j/0;other:e;');
    assert.deepEqual(patched.unioned, shipped.unioned);
  });

  it('describes a transform\'s options (serializing its source tree) only when the log level prints the description', () => {
    assert.deepEqual(outcome('none').described, [1, 1]);
    assert.deepEqual(outcome('all').described, [0, 1]);
  });
});
