/**
 * Whether what a text yields depends on where its file lies, not only on what
 * it holds. Shared by the build cache (build/location.ts) and the remembered
 * validation verdicts (validate/verdicts.ts), which both name files by their
 * path from the cache's folder, so that a project moved or copied with its
 * `.samizdat/` finds its cache, and keep a file's absolute path in a key only
 * when what it yields may change with it.
 *
 * A document sees its place through its base URI, against which pointers are
 * resolved. Moving the whole project changes nothing unless a reference is
 * absolute (`/x.xml`, `file:`), climbs above the file system's root (`../`
 * more times than the file is deep, which stops at the root), or its base is
 * set otherwise (`xml:base`) or its pointers rewritten so (`prefixDef`, see
 * `prefixReach`; an entity declared in the DOCTYPE, whose value the scan does
 * not expand). Kept apart from build/location.ts so that validation's worker
 * threads load it without the transform modules.
 */
import { dirname, relative, resolve, sep } from 'node:path';

/** A text that may see its absolute place whatever its depth (see `placeReach`). */
export const ANYWHERE = -1;

/** Whatever sets the base of pointers, names a file absolutely, or may put into a value what the scan below does not see (an entity). */
const BASE_CHANGED = /xml:base|\bfile:|<!ENTITY/i;

/** Attribute values (and a processing instruction's pseudo-attributes: conservative, they only add reach). */
const ATTRIBUTE_VALUE = /=\s*(?:"([^"]*)"|'([^']*)')/g;

const REPLACEMENT_PATTERN = /replacementPattern\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * How many folders up the text's references climb at most (from the file's
 * folder), or `ANYWHERE` when one may name an absolute place. Read from
 * every attribute value, whichever attribute: more than the stylesheets
 * resolve, so never less than they climb.
 */
export function placeReach(text: string): number {
  if (BASE_CHANGED.test(text)) return ANYWHERE;
  let reach = 0;
  /** The most '..' in one token, anywhere in it: more than any part of it put into a prefixDef's pattern climbs. */
  let dots = 0;
  for (const match of text.matchAll(ATTRIBUTE_VALUE)) {
    const value = match[1] ?? match[2] ?? '';
    // Most values name nothing above the folder: only those with '/', '..' or escapes can climb or be absolute.
    if (!value.includes('/') && !value.includes('..') && !/%2[ef]|&#/i.test(value)) continue;
    for (const token of decode(value).split(/\s+/)) {
      const path = token.split(/[?#]/)[0];
      if (path.startsWith('/')) return ANYWHERE;
      let level = 0;
      for (const segment of path.split('/')) {
        if (segment === '..') reach = Math.max(reach, ++level);
        else if (segment !== '.' && segment !== '') level--;
      }
      dots = Math.max(dots, token.split('..').length - 1);
    }
  }
  return prefixReach(text, reach, dots);
}

/**
 * The reach once prefixDefs rewrite pointers (`reg:p1` → `register.xml#p1`).
 * A pattern whose first '$' comes after a '#' puts the token's part in the
 * fragment, where it climbs nothing; one whose literal start holds a '/'
 * makes a relative path that climbs at most its own '..' and, for each
 * group it repeats, a token's; any other (`$1`, `reg$1`) may make anything.
 */
function prefixReach(text: string, reach: number, dots: number): number {
  let groups = -1;
  for (const match of text.matchAll(REPLACEMENT_PATTERN)) {
    const pattern = decode(match[1] ?? match[2] ?? '');
    const literal = pattern.split(/[$\\]/)[0];
    if (literal.includes('#')) continue;
    if (!literal.includes('/')) return ANYWHERE;
    groups = Math.max(groups, pattern.split('$').length - 1);
  }
  return groups < 0 ? reach : Math.max(reach, dots * (1 + groups));
}

/** Character references and %-escapes of '.' and '/', which a URI resolver may read as the characters. */
function decode(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#([0-9]+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/%2e/gi, '.').replace(/%2f/gi, '/');
}

/** Whether the file at `file` whose references reach `reach` (`placeReach`) may yield something else elsewhere. */
export function seesPlace(file: string, reach: number): boolean {
  if (reach === ANYWHERE) return true;
  const depth = dirname(resolve(file)).split(sep).filter((segment) => segment !== '').length;
  // Reaching the root exactly is still relative; one more '..' would stop there, and the result depend on the depth.
  return reach >= depth;
}

/**
 * What, in a stylesheet or Schematron rules, reads the base URI of what it
 * checks or renders, or resolves or opens a URI: rules that may see where the
 * files are.
 */
export const READS_PLACE = /base-uri|document-uri|resolve-uri|unparsed-text|collection\s*\(|\bdoc(?:-available)?\s*\(|\bdocument\s*\(|system-property|environment-variable/;

/** `file` as the caches name it where it may move with the project: its path from the cache's folder `root`, '/'-separated. */
export function placeFrom(root: string, file: string): string {
  return relative(root, resolve(file)).split(sep).join('/');
}
