/**
 * Checks a built edition as a whole: every HTML page is valid HTML5
 * (html-validate, its "standard" rules: the WHATWG content models, unique
 * ids, valid ARIA), every `id` is unique in its page, and every internal
 * link resolves — a fragment to an id in its page, a relative link to a file
 * of the edition and, when it has one, to an id in that page. External links
 * (http, https, mailto) are not followed.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { HtmlValidate } from 'html-validate';

export interface PageProblem {
  /** Page, relative to the edition's folder. */
  page: string;
  line?: number;
  column?: number;
  rule: string;
  message: string;
}

const validator = new HtmlValidate({
  extends: ['html-validate:standard'],
  rules: { 'no-missing-references': 'error', 'no-dup-class': 'error', 'unique-landmark': 'error', 'heading-level': 'off' },
});

function pagesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html') && statSync(join(dir, f)).isFile())
    .map((f) => join(dir, f))
    .sort();
}

const decode = (value: string): string => value
  .replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The values of one attribute in a page, as the serializer writes them (double-quoted). */
function attributeValues(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) => decode(m[1]));
}

/** Every problem of every page of the edition in `dist`. */
export async function checkEdition(dist: string): Promise<PageProblem[]> {
  const root = resolve(dist);
  const problems: PageProblem[] = [];
  const idsOf = new Map<string, Set<string>>();
  const ids = (file: string): Set<string> => {
    let known = idsOf.get(file);
    if (!known) idsOf.set(file, known = new Set(attributeValues(readFileSync(file, 'utf8'), 'id')));
    return known;
  };
  for (const file of pagesOf(root)) {
    const page = relative(root, file);
    const html = readFileSync(file, 'utf8');
    const report = await validator.validateString(html, page);
    for (const result of report.results) {
      for (const m of result.messages) problems.push({ page, line: m.line, column: m.column, rule: m.ruleId, message: m.message });
    }
    const seen = new Set<string>();
    for (const id of attributeValues(html, 'id')) {
      if (seen.has(id)) problems.push({ page, rule: 'unique-id', message: `the id "${id}" is used twice` });
      seen.add(id);
    }
    for (const href of [...attributeValues(html, 'href'), ...attributeValues(html, 'src')]) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(href)) continue;
      const hash = href.indexOf('#');
      const path = hash < 0 ? href : href.slice(0, hash);
      const fragment = hash < 0 ? '' : decodeURIComponent(href.slice(hash + 1));
      let target = path === '' ? file : resolve(file, '..', decodeURIComponent(path));
      if (path.endsWith('/')) target = join(target, 'index.html');
      if (target !== root && !target.startsWith(root + sep)) {
        problems.push({ page, rule: 'internal-link', message: `"${href}" leads out of the edition` });
        continue;
      }
      if (!existsSync(target)) {
        problems.push({ page, rule: 'internal-link', message: `"${href}" leads to ${relative(root, target)}, which the edition does not have` });
        continue;
      }
      if (fragment !== '' && target.endsWith('.html') && !ids(target).has(fragment)) {
        problems.push({ page, rule: 'internal-link', message: `"${href}": ${relative(root, target)} has no id "${fragment}"` });
      }
    }
  }
  return problems;
}

/** The problems, one a line, for an assertion message. */
export function formatProblems(problems: readonly PageProblem[], max = 40): string {
  const lines = problems.slice(0, max).map((p) => `${p.page}${p.line ? `:${p.line}:${p.column}` : ''}: ${p.message} [${p.rule}]`);
  if (problems.length > max) lines.push(`… and ${problems.length - max} more`);
  return lines.join('\n');
}

/**
 * One rendered page's problems (html-validate's standard rules; a reference to an id the page lacks an error) as
 * "rule: message": what a test of one page asserts is empty.
 */
export async function pageProblems(page: string, name = 'page.html'): Promise<string[]> {
  const report = await new HtmlValidate({ extends: ['html-validate:standard'], rules: { 'no-missing-references': 'error' } }).validateString(page, name);
  return report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`));
}
