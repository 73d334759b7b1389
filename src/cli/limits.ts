/**
 * The reading limits on the command line, the same three flags for every
 * command that reads TEI (validate, build, text, cite, watch, serve). They
 * beat the configuration's `limits`.
 */
import { DEFAULT_LIMITS, formatSize, parseSize, type ReadingLimits } from '../xml/limits.js';

export const LIMIT_FLAGS = ['--max-depth', '--max-entity-expansion', '--max-document-size'] as const;

/** The lines of `--help` that describe them. */
export const LIMITS_HELP = `  --max-depth N              deepest element nesting read (default ${DEFAULT_LIMITS.maxDepth})
  --max-entity-expansion N   most characters internal entities may expand to,
                             each and all together (default ${DEFAULT_LIMITS.maxEntityExpansion})
  --max-document-size SIZE   largest document held whole in memory, e.g. 64MB
                             (default ${formatSize(DEFAULT_LIMITS.maxDocumentSize).replace(' ', '')})`;

/**
 * Reads one limit flag and its value into `limits`; undefined when `flag`
 * is not a limit flag, the usage problem when the value is wrong.
 */
export function limitOption(flag: string, value: string | undefined, limits: Partial<ReadingLimits>): { problem: string } | 'read' | undefined {
  if (!(LIMIT_FLAGS as readonly string[]).includes(flag)) return undefined;
  if (value === undefined || value === '') return { problem: `${flag} needs a value` };
  if (flag === '--max-document-size') {
    const size = parseSize(value);
    if (size === undefined) return { problem: `--max-document-size needs a size such as 64MB, 500KB or a number of bytes, not '${value}'` };
    limits.maxDocumentSize = size;
    return 'read';
  }
  const n = Number(value);
  const least = flag === '--max-depth' ? 1 : 0;
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < least) return { problem: `${flag} needs a whole number of at least ${least}, not '${value}'` };
  if (flag === '--max-depth') limits.maxDepth = n;
  else limits.maxEntityExpansion = n;
  return 'read';
}
