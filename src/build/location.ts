/**
 * Whether what a file renders to depends on where it lies, not only on what
 * it holds: the build cache names documents by their path from the cache's
 * folder (so that a project moved or copied with its `.samizdat/` finds its
 * cache), and keeps a file's absolute path in its key only when its output
 * may change with it.
 *
 * A document sees its place through its base URI, against which the
 * stylesheets resolve its pointers (xslt/common/entities.xsl, apparatus.xsl).
 * They only compare URIs resolved against the same base (is this pointer's
 * file a register of the document, the document itself, an apparatus
 * passed in?) and name files by their last segment, so moving the whole
 * edition changes nothing, unless a reference is absolute (`/x.xml`,
 * `file:`), climbs above the file system's root (`../` more times than
 * the file is deep, which stops at the root), or its base is set otherwise
 * (`xml:base`) or its pointers rewritten so (`prefixDef`, see `prefixReach`;
 * an entity declared in the DOCTYPE, whose value the scan does not expand).
 * A customised HTML stylesheet may read the base URI as it likes.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';
import { READS_PLACE } from '../place.js';
import { stylesheetModules, XSLT_DIR } from '../transform/index.js';

// The analysis of a document's text is shared with validation's remembered verdicts.
export { ANYWHERE, placeReach, seesPlace } from '../place.js';

/**
 * Whether the stylesheet at `path` may read the base URI of what it renders
 * otherwise than samizdat's own do: one of its modules outside samizdat's
 * stylesheets calls a function that reads it, or resolves or opens a URI.
 */
export async function stylesheetSeesPlace(path: string): Promise<boolean> {
  const own = (file: string) => {
    const inside = relative(XSLT_DIR, file);
    return !inside.startsWith('..') && !isAbsolute(inside);
  };
  const theirs = (await stylesheetModules(path)).filter((file) => !own(file));
  for (const file of theirs) {
    // A module that cannot be read now (compiling it will say why) is taken to see.
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined || READS_PLACE.test(text)) return true;
  }
  return false;
}
