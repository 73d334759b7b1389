/**
 * Times a Schematron schema's patterns one at a time on documents, in this
 * thread (for `node --cpu-prof` too): `tsx bench/rules-profile.ts [files…]`
 * (default: the flagship chapter, tei/1923-opposition-ch01.xml; RULES: the
 * schema, default the edition rules). The schema is compiled whole, with no
 * pattern, and with each pattern alone; each runs on each document WARM
 * times to warm up (default 30: after one or five, V8 has not yet optimised
 * what the rules call, and ref-resolves seemed five times dearer than it
 * is), then ROUNDS times (default 10), and the least CPU time is kept, so
 * that compilation, warm-up and most of the noise of a loaded machine are
 * left out. A pattern's cost is its schema's time less that of the schema
 * with no pattern (reading the document's outline, building its tree, and a
 * run of the generated stylesheet that finds nothing to check).
 *
 * The first use compiles every variant (xslt3, a few seconds each); they are
 * cached in the system's temporary folder. Patterns are found as top-level
 * `<pattern>` elements of the schema's text, which is what samizdat's own
 * rules are made of; a schema that includes its patterns from other files is
 * timed whole only.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EDITION_RULES, loadRules, runRules, type CompiledRules } from '../src/validate/schematron.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const files = process.argv.length > 2 ? process.argv.slice(2) : [join(REPO, 'tei', '1923-opposition-ch01.xml')];
const rulesFile = resolve(process.env.RULES ?? EDITION_RULES);
const rounds = Number(process.env.ROUNDS ?? 10);
const warm = Number(process.env.WARM ?? 30);
const cacheDir = join(tmpdir(), 'samizdat-rules-profile');

/** The schema's text with only the patterns `keep` says to keep. */
function variant(text: string, patterns: RegExpMatchArray[], keep: (index: number) => boolean): string {
  let out = text;
  for (let i = patterns.length - 1; i >= 0; i--) {
    if (keep(i)) continue;
    const start = patterns[i].index!;
    out = out.slice(0, start) + out.slice(start + patterns[i][0].length);
  }
  return out;
}

async function compiled(name: string, text: string): Promise<CompiledRules> {
  // Beside the schema's own folder name in the temporary folder: its includes, if any, are not found, and say so.
  const path = join(cacheDir, 'schemas', `${basename(rulesFile, '.sch')}.${name}.sch`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  const rules = await loadRules([{ path, text }], { cacheDir });
  if (rules.problems.length > 0) throw new Error(`${name}: ${rules.problems.map((p) => p.message).join('; ')}`);
  return rules;
}

/** Least CPU time (ms) of `rounds` runs of `rules` on the document, after `warm` runs to warm up. */
async function timed(rules: CompiledRules, document: { path: string; text: string }): Promise<{ ms: number; diagnostics: number }> {
  const run = () => runRules(rules, document, { wellFormed: true });
  const diagnostics = (await run()).length;
  for (let i = 1; i < warm; i++) await run();
  let ms = Infinity;
  for (let round = 0; round < rounds; round++) {
    const start = process.cpuUsage();
    await run();
    const used = process.cpuUsage(start);
    ms = Math.min(ms, (used.user + used.system) / 1000);
  }
  return { ms, diagnostics };
}

const text = readFileSync(rulesFile, 'utf8');
const patterns = [...text.matchAll(/<(?:[\w.-]+:)?pattern\b[^>]*>[\s\S]*?<\/(?:[\w.-]+:)?pattern>/g)];
const idOf = (pattern: RegExpMatchArray, i: number): string => /\bid\s*=\s*"([^"]*)"/.exec(pattern[0])?.[1] ?? `pattern ${i + 1}`;
const variants: [string, CompiledRules][] = [
  ['(whole schema)', await compiled('whole', text)],
  ['(no pattern)', await compiled('none', variant(text, patterns, () => false))],
];
for (const [i, pattern] of patterns.entries()) variants.push([idOf(pattern, i), await compiled(`only-${i + 1}`, variant(text, patterns, (j) => j === i))]);

const totals = new Map<string, number>();
for (const file of files) {
  const document = { path: file, text: readFileSync(file, 'utf8') };
  const times = new Map<string, { ms: number; diagnostics: number }>();
  for (const [name, rules] of variants) times.set(name, await timed(rules, document));
  const none = times.get('(no pattern)')!.ms;
  console.log(`${file} (${(document.text.length / 1024).toFixed(0)} KB), least CPU time of ${rounds} runs, ms:`);
  for (const [name, { ms, diagnostics }] of times) {
    const alone = name.startsWith('(') ? '' : `  (+${(ms - none).toFixed(2)} over no pattern)`;
    console.log(`  ${ms.toFixed(2).padStart(8)}  ${name}${alone}${diagnostics > 0 ? `, ${diagnostics} diagnostics` : ''}`);
    totals.set(name, (totals.get(name) ?? 0) + ms);
  }
}
if (files.length > 1) {
  console.log(`all ${files.length} documents, ms:`);
  for (const [name, ms] of totals) console.log(`  ${ms.toFixed(2).padStart(8)}  ${name}`);
}
