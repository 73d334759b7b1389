/**
 * Entity links on a page, checked against the edition. The stylesheet links
 * a name to `<index>#<anchor>` from what the document alone says; only the
 * build knows every entry of the edition. So the build reads the page's
 * entity links (`<a class="entity…" href="…">`, the shape entities.xsl
 * writes), then sends each to where its entry is shown (an alias to the entry
 * it stands for, an entry of a large index to its letter's page), and takes
 * the href off a link whose anchor no entry has: the name stays, marked as an
 * entity, but leads nowhere.
 *
 * Only start tags are touched: `<a ` cannot occur in a page's text, which
 * the serializer escapes.
 */
import { htmlAttribute } from '../escape.js';

const ENTITY_LINK = /<a class="(entity[^"]*)" href="([^"]*)"/g;

/** The anchors a page's entity links point at (those into `index`), each once, in order. */
export function linkedAnchors(page: string, index: string): string[] {
  const anchors = new Set<string>();
  for (const [, , href] of page.matchAll(ENTITY_LINK)) {
    const anchor = anchorOf(href, index);
    if (anchor !== undefined) anchors.add(anchor);
  }
  return [...anchors];
}

/**
 * The page with its entity links sent where `target` says: a new href
 * (relative to the page), or undefined for an anchor no entry has.
 */
export function relink(page: string, index: string, target: (anchor: string) => string | undefined): string {
  return page.replace(ENTITY_LINK, (tag: string, classes: string, href: string) => {
    const anchor = anchorOf(href, index);
    if (anchor === undefined) return tag;
    const to = target(anchor);
    return to === undefined ? `<a class="${classes} unresolved"` : `<a class="${classes}" href="${htmlAttribute(to)}"`;
  });
}

function anchorOf(href: string, index: string): string | undefined {
  if (!href.startsWith(`${index}#`)) return undefined;
  try {
    return decodeURIComponent(href.slice(index.length + 1));
  } catch {
    return undefined;
  }
}
