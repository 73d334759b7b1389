/**
 * Times the HTML page and the plain text of documents, one stylesheet at a time,
 * in this thread (for `node --cpu-prof`): `tsx bench/render-profile.ts [files…]`
 * (default: the ELTeC novels and DraCor plays of test/corpora/). Each document
 * runs once to warm up, then ROUNDS times (default 3): the least CPU time is
 * reported, so compilation, warm-up and most of the noise of a loaded machine are left out.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { toHtml, toText } from '../src/transform/index.js';

const corpora = ['test/corpora/eltec/ELTeC-eng/level1', 'test/corpora/shakedracor/tei'];
const files = process.argv.length > 2 ? process.argv.slice(2)
  : corpora.flatMap((dir) => readdirSync(dir).filter((name) => name.endsWith('.xml')).map((name) => join(dir, name)));

async function timed(run: () => Promise<string>): Promise<number> {
  // CPU time rather than wall time: the figures stay comparable on a loaded machine.
  const start = process.cpuUsage();
  await run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const rounds = Number(process.env.ROUNDS ?? 3);
// STYLESHEET: a stylesheet importing xslt/html/html.xsl, to time the page with a construct replaced.
const stylesheet = process.env.STYLESHEET;
// OUTPUT: what the page run produces; by default what build asks for, the page and the entity data beside it.
const params = { output: process.env.OUTPUT ?? 'page+entities' };
const totals = { html: 0, text: 0 };
for (const file of files) {
  const input = { text: readFileSync(file, 'utf8'), file };
  await toHtml(input, { stylesheet, params });
  await toText(input);
  let html = Infinity;
  let text = Infinity;
  for (let round = 0; round < rounds; round++) {
    html = Math.min(html, await timed(() => toHtml(input, { stylesheet, params })));
    text = Math.min(text, await timed(() => toText(input)));
  }
  totals.html += html;
  totals.text += text;
  console.log(`${file}: html ${html.toFixed(0)} ms, text ${text.toFixed(0)} ms`);
}
console.log(`total: html ${totals.html.toFixed(0)} ms, text ${totals.text.toFixed(0)} ms`);
