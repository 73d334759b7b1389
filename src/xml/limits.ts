/**
 * The limits every command reads documents under. One set, so that a
 * document `validate` accepts is one `build`, `text` and `cite` can process,
 * and a hostile or careless input (a billion laughs, 100,000 nested
 * elements, a 2 GB file) is refused early with a message naming the limit
 * and how to raise it, instead of exhausting memory or running for minutes.
 */

export interface ReadingLimits {
  /** Deepest element nesting accepted (the root element is level 1). */
  maxDepth: number;
  /**
   * Most characters internal entities may expand to: any one entity, and all
   * the entity references of a document together.
   */
  maxEntityExpansion: number;
  /**
   * Largest document, in bytes, that a command holding it whole in memory
   * accepts (build, text, cite, and validation's rules layer). RELAX NG
   * validation streams and has no size limit.
   */
  maxDocumentSize: number;
}

const MB = 1024 * 1024;

/**
 * The defaults, sized on the development machine (2 cores, 24 GB, Node's
 * 4 GB heap per thread; see docs/guarantees.md for the measurements):
 * - depth 500: far beyond real TEI (rarely 50), and every command processes
 *   a document at the limit in seconds (the stylesheets' time grows with the
 *   square of the depth: 2,000 levels take minutes);
 * - entity expansion 1,000,000 characters: internal entities are short
 *   phrases; a billion laughs needs far more;
 * - document size 16 MB: rendering holds about a hundred bytes of heap per
 *   byte of TEI, so two workers at the limit stay well inside the heap, and
 *   the largest real documents (ELTeC novels, about 1–3 MB) render in
 *   seconds.
 */
export const DEFAULT_LIMITS: Readonly<ReadingLimits> = Object.freeze({
  maxDepth: 500,
  maxEntityExpansion: 1_000_000,
  maxDocumentSize: 16 * MB,
});

/** The limits in force: the defaults with the given ones on top. */
export function readingLimits(given: Partial<ReadingLimits> = {}): ReadingLimits {
  const defined = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
  return { ...DEFAULT_LIMITS, ...defined };
}

const UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, k: 1024, mb: MB, m: MB, gb: 1024 * MB, g: 1024 * MB };

/** A size as written on the command line or in the config: `16MB`, `500 KB`, `1.5GB`, or a number of bytes. */
export function parseSize(text: string | number): number | undefined {
  if (typeof text === 'number') return Number.isSafeInteger(text) && text > 0 ? text : undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?b?)\s*$/i.exec(text);
  if (!match) return undefined;
  const bytes = Math.round(Number(match[1]) * UNITS[match[2].toLowerCase()]);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
}

/** A size for messages: `16 MB`, `512 KB`, `300 bytes`. */
export function formatSize(bytes: number): string {
  if (bytes >= MB) return `${Number((bytes / MB).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

/** How to raise each limit, for messages. */
export const LIMIT_FLAGS: Readonly<Record<keyof ReadingLimits, string>> = {
  maxDepth: '--max-depth (config limits.maxDepth)',
  maxEntityExpansion: '--max-entity-expansion (config limits.maxEntityExpansion)',
  maxDocumentSize: '--max-document-size (config limits.maxDocumentSize)',
};
