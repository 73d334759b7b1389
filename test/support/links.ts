/**
 * Every link of a built edition, checked as a reader's browser would follow
 * it: a relative href must name a file of the edition, and its fragment an
 * id on that page. External links (http, https, mailto) are listed, never
 * fetched.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

export interface PageLink {
  /** The page the link is on, relative to the edition's folder. */
  page: string;
  href: string;
}

const decode = (value: string): string =>
  value.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&');

/** Every .html file under `dir`, relative to it, sorted. */
export function htmlPages(dir: string): string[] {
  const pages: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.html')) pages.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return pages;
}

const idsCache = new Map<string, Set<string>>();

/** The ids on a page. */
export function idsOf(file: string): Set<string> {
  let ids = idsCache.get(file);
  if (!ids) {
    ids = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]*)"/g)].map((m) => decode(m[1])));
    idsCache.set(file, ids);
  }
  return ids;
}

/** The hrefs of a page (a, link), decoded. */
export function hrefsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/<(?:a|link)\s[^>]*?href="([^"]*)"/g)].map((m) => decode(m[1]));
}

/** The links of the edition in `dir` that lead nowhere: a missing file, or a fragment no element of the page has. */
export function brokenLinks(dir: string): PageLink[] {
  idsCache.clear();
  const broken: PageLink[] = [];
  for (const page of htmlPages(dir)) {
    const from = join(dir, page);
    for (const href of hrefsOf(from)) {
      if (/^(https?|mailto):/i.test(href)) continue;
      const [path, fragment] = href.split('#', 2) as [string, string | undefined];
      const target = path === '' ? from : resolve(dirname(from), decodeURIComponent(path));
      let file = target;
      try {
        if (statSync(target).isDirectory()) file = join(target, 'index.html');
        statSync(file);
      } catch {
        broken.push({ page, href });
        continue;
      }
      if (fragment !== undefined && fragment !== '' && file.endsWith('.html') && !idsOf(file).has(decodeURIComponent(fragment))) broken.push({ page, href });
    }
  }
  return broken;
}

/** The external links of the edition (not fetched), with the page each is on. */
export function externalLinks(dir: string): PageLink[] {
  return htmlPages(dir).flatMap((page) => hrefsOf(join(dir, page)).filter((href) => /^(https?|mailto):/i.test(href)).map((href) => ({ page, href })));
}
