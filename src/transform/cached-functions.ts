/**
 * Functions a stylesheet declares cache="yes", kept per transform.
 *
 * XSLT 3's cache="yes" lets a processor answer a call of a function with the
 * result of an earlier call with the same arguments. xslt3 compiles the
 * attribute into nothing that saxon-js reads (the SEF of a function with
 * cache="yes" is that of one without), so samizdat finds the declarations in
 * the stylesheet's text (every module compileStylesheet reads for its key;
 * the schema a rule stylesheet is generated from) and marks those functions'
 * nodes in the parsed SEF (`samizdatCache`); the saxon-js edit `marked-functions-cached`
 * (saxon-patches.ts) then keeps their results for the length of a transform.
 * A declaration this reading misses is simply not cached: slower, never
 * different. The edition rules cache s:pointer-problem-in, called once per
 * pointer of every reference attribute (a register repeats the same few).
 */

/** EQNames (`Q{uri}local`) of the functions declared with cache="yes" in an XSLT or Schematron text. */
export function cachedFunctionNames(text: string): Set<string> {
  const namespaces = new Map<string, string | null>();
  for (const m of text.matchAll(/\bxmlns:([\w.-]+)\s*=\s*(["'])(.*?)\2/g)) {
    const known = namespaces.get(m[1]);
    // A prefix bound to two namespaces in one file cannot be resolved without a parser: its functions are left alone.
    namespaces.set(m[1], known === undefined || known === m[3] ? m[3] : null);
  }
  const names = new Set<string>();
  for (const tag of text.matchAll(/<xsl:function\b([^>]*)>/g)) {
    const attributes = new Map([...tag[1].matchAll(/([\w:.-]+)\s*=\s*(["'])(.*?)\2/g)].map((a) => [a[1], a[3].trim()]));
    if (!['yes', 'true', '1'].includes(attributes.get('cache') ?? '')) continue;
    const name = /^([\w.-]+):([\w.-]+)$/.exec(attributes.get('name') ?? '');
    const uri = name ? namespaces.get(name[1]) : undefined;
    if (name && uri) names.add(`Q{${uri}}${name[2]}`);
  }
  return names;
}

interface SefNode {
  N?: string;
  name?: string;
  C?: SefNode[];
  samizdatCache?: boolean;
}

/**
 * The names each parsed SEF was last marked with, and how many functions
 * that marked: compileStylesheet marks on every call (a SEF kept in memory
 * serves every document), and the walk over a page stylesheet's SEF cost
 * ~6 ms of each flagship page once the page's own stylesheets declared
 * cache="yes" (node --cpu-prof). The same names on the same SEF mark
 * nothing new, so they are not walked again.
 */
const markedWith = new WeakMap<object, { names: string; marked: number }>();

/** Marks the function nodes of a parsed SEF named in `names`; returns how many were marked. */
export function markCachedFunctions(sef: object, names: ReadonlySet<string>): number {
  if (names.size === 0) return 0;
  const asked = [...names].sort().join('\n');
  const before = markedWith.get(sef);
  if (before !== undefined && before.names === asked) return before.marked;
  let marked = 0;
  const walk = (node: SefNode): void => {
    if (node.N === 'function' && node.name !== undefined && names.has(node.name)) {
      // Not enumerable: saxon-js checks the SEF against its checksum, computed over its serialization.
      Object.defineProperty(node, 'samizdatCache', { value: true, enumerable: false, configurable: true });
      marked++;
    }
    node.C?.forEach(walk);
  };
  walk(sef as SefNode);
  markedWith.set(sef, { names: asked, marked });
  return marked;
}
