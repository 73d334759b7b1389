/** One element of a rendered page, found in its HTML text: what a test comparing a part of a page needs. */
import { strict as assert } from 'node:assert';

/**
 * The element of a page whose class attribute begins with `cls` (the first such `element`), with all it holds: its
 * own opening and closing tags are counted to find where it ends.
 */
export function elementOnPage(html: string, element: string, cls: string): string {
  const start = html.indexOf(`<${element} class="${cls}`);
  assert.ok(start >= 0, `no ${element}.${cls} on the page`);
  const tags = new RegExp(`<(/?)${element}\\b[^>]*>`, 'g');
  tags.lastIndex = start;
  let depth = 0;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(start, m.index + m[0].length);
  }
  throw new Error(`${element}.${cls} is not closed`);
}
