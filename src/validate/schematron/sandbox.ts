/**
 * What a rule run may read. Documents are untrusted, and Schematron can call
 * doc(), unparsed-text() and friends on any URI. A rule run goes through the
 * transform layer's gate (transform/sandbox.ts), which lets through only the
 * local files the document names (any attribute value, e.g.
 * `register.xml#p1` or a prefixDef's replacementPattern), resolved against
 * the document and lying inside the document's folder tree. Everything else,
 * and every http(s) request, fails as if the resource did not exist.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The local files a document names in its attribute values (`register.xml#p1`
 * names register.xml, and so does `file:///…/register.xml#p1`), resolved against the document's folder and lying
 * inside it: `readable`, those that exist with their real paths (what its
 * rules may read), and `dependsOn`, what its verdict depends on — those that exist
 * and those that do not yet but look like file names (`people.xml`, which a
 * pointer may be waiting for), though not every attribute value (`p1`,
 * `1923-10-08`).
 *
 * A play names tens of thousands of tokens (`#speaker` pointers, dates,
 * ids); each distinct one is resolved once, and first looked up in a listing
 * of its folder, kept for the thread and read again when the folder changes,
 * so that only names that are there cost a look at the file system.
 */
export function filesNamedBy(documentPath: string, attributeValues: readonly string[]): { readable: Map<string, string>; dependsOn: Set<string> } {
  const folder = dirname(resolve(documentPath));
  const realFolder = safeRealpath(folder);
  /** Path as named → real path. */
  const readable = new Map<string, string>();
  const dependsOn = new Set<string>();
  if (realFolder === undefined) return { readable, dependsOn };
  const named = new Set<string>();
  for (const value of attributeValues) {
    for (const token of value.split(/\s+/)) {
      const hash = token.indexOf('#');
      const file = hash < 0 ? token : token.slice(0, hash);
      if (file !== '') named.add(file);
    }
  }
  const listings = new Listings();
  for (const file of named) {
    const absolute = /^file:/i.test(file);
    if ((!absolute && /^[a-z][a-z0-9+.-]*:/i.test(file)) || file.includes('$')) continue;
    let decoded: string;
    try {
      decoded = absolute ? fileURLToPath(file) : decodeURI(file);
    } catch {
      continue;
    }
    const looksLikeFile = /\.[a-z][a-z0-9]*$/i.test(decoded);
    // Most tokens are plain names (ids, dates, `stage`): one look in the folder's listing settles them.
    if (!/[\\/]/.test(decoded) && decoded !== '.' && decoded !== '..' && !looksLikeFile && !listings.mayHold(folder, decoded)) continue;
    const path = resolve(folder, decoded);
    if (!inside(folder, path) || dependsOn.has(path)) continue;
    const real = listings.mayExist(path) ? safeRealpath(path) : undefined;
    if (real !== undefined && inside(realFolder, real) && isFile(real)) {
      readable.set(path, real);
      dependsOn.add(path);
    } else if (real === undefined && looksLikeFile) {
      dependsOn.add(path);
    }
  }
  return { readable, dependsOn };
}

/** What a folder held when last listed, and how the folder looked then. */
interface Listing {
  look: string;
  /** Whether the folder had not changed for a while when it was listed, so that a later change must show in its time. */
  settled: boolean;
  names: Set<string>;
  /** The names in lower case: on a case-insensitive file system `Register.xml` finds `register.xml`. */
  folded: Set<string>;
}

/** How long a folder must have been left alone for its listing to be kept (well above any file system's time granularity). */
const SETTLED_MS = 2000;

/** Folder listings kept for the thread, by folder path. */
const listed = new Map<string, Listing | null>();

/** The listings one call uses: each folder's checked (one stat) the first time the call asks. */
class Listings {
  private readonly checked = new Set<string>();

  /** False when `path` is certainly not there (its folder's listing lacks it); true when it may be. */
  mayExist(path: string): boolean {
    return this.mayHold(dirname(path), basename(path));
  }

  /** False when `folder` certainly holds no entry `name`; true when it may. */
  mayHold(folder: string, name: string): boolean {
    const listing = this.of(folder);
    if (listing === undefined) return true; // unreadable folder: let realpath decide
    if (listing === null) return false;
    return listing.names.has(name) || listing.folded.has(name.toLowerCase());
  }

  /** The folder's listing; null when there is no such folder, undefined when it cannot be listed. */
  private of(folder: string): Listing | null | undefined {
    if (this.checked.has(folder)) return listed.get(folder);
    this.checked.add(folder);
    const info = statSync(folder, { throwIfNoEntry: false });
    if (info === undefined || !info.isDirectory()) {
      listed.set(folder, null);
      return null;
    }
    const look = `${info.ino}:${info.mtimeMs}`;
    const known = listed.get(folder);
    if (known && known.settled && known.look === look) return known;
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      listed.delete(folder);
      return undefined;
    }
    // A folder changed a moment ago may change again within the same tick of
    // the file system's clock, leaving its time as it was: such a listing is
    // used by this call only, and read again by the next.
    const settled = Date.now() - info.mtimeMs > SETTLED_MS;
    const listing = { look, settled, names: new Set(names), folded: new Set(names.map((n) => n.toLowerCase())) };
    listed.set(folder, listing);
    return listing;
  }
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel);
}

function safeRealpath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}
