/**
 * What a DOCTYPE may do in a samizdat document. Nothing is ever read from
 * disk or network because of a DOCTYPE: external DTDs, external entities and
 * parameter entities are rejected; internal general entities are allowed when
 * their expansion stays small ("billion laughs" is rejected by size, before
 * anything is expanded).
 */

/** Largest expansion, in characters, of any one internal entity. */
export const ENTITY_EXPANSION_LIMIT = 10_000;

export type DoctypeVerdict =
  | { ok: true; entities: Record<string, string> }
  | { ok: false; ruleId: 'xml-external-entity' | 'xml-entity-expansion' | 'xml-doctype'; message: string };

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Checks the text of a DOCTYPE (as saxes reports it: everything after `<!DOCTYPE`). */
export function checkDoctype(doctype: string): DoctypeVerdict {
  const bracket = doctype.indexOf('[');
  const head = bracket < 0 ? doctype : doctype.slice(0, bracket);
  const external = /\b(SYSTEM|PUBLIC)\s+(["'])([^"']*)\2(?:\s+(["'])([^"']*)\4)?/.exec(head);
  if (external) {
    const id = external[5] ?? external[3];
    return { ok: false, ruleId: 'xml-external-entity', message: `the DOCTYPE refers to an external DTD ("${id}"); external entities are rejected and never read. Remove the DOCTYPE (TEI documents are validated with RELAX NG, not a DTD).` };
  }
  if (bracket < 0) return { ok: true, entities: {} };
  const subset = doctype.slice(bracket + 1, doctype.lastIndexOf(']')).replace(/<!--[\s\S]*?-->/g, '');
  const declarations: Record<string, string> = {};
  const declaration = /<!ENTITY\s+(%\s+)?([^\s]+)\s+([\s\S]*?)>/g;
  for (let m = declaration.exec(subset); m; m = declaration.exec(subset)) {
    const [, percent, name, rest] = m;
    if (percent) {
      return { ok: false, ruleId: 'xml-external-entity', message: `the DOCTYPE declares the parameter entity %${name}; parameter entities and external entities are rejected.` };
    }
    if (/^(SYSTEM|PUBLIC)\b/.test(rest.trim())) {
      return { ok: false, ruleId: 'xml-external-entity', message: `the DOCTYPE declares the external entity &${name}; (${rest.trim()}); external entities are rejected and never read.` };
    }
    const literal = /^(["'])([\s\S]*)\1\s*$/.exec(rest.trim());
    if (!literal) return { ok: false, ruleId: 'xml-doctype', message: `the declaration of entity &${name}; is not understood.` };
    if (/%[^\s;]+;/.test(literal[2])) {
      return { ok: false, ruleId: 'xml-external-entity', message: `entity &${name}; uses a parameter entity reference; parameter entities are rejected.` };
    }
    if (!(name in declarations)) declarations[name] = literal[2];
  }
  if (/<!ENTITY\s/.test(subset.replace(declaration, ''))) {
    return { ok: false, ruleId: 'xml-doctype', message: 'the DOCTYPE contains an entity declaration that is not understood.' };
  }
  return expandEntities(declarations);
}

/** Expands every entity, refusing (by computed size, before building strings) anything beyond the limit. */
function expandEntities(declarations: Record<string, string>): DoctypeVerdict {
  const sizes = new Map<string, number>();
  const visiting = new Set<string>();
  const reference = /&(#x[0-9a-fA-F]+|#\d+|[^\s&;#]+);/g;
  function sizeOf(name: string): number | string {
    const known = sizes.get(name);
    if (known !== undefined) return known;
    if (visiting.has(name)) return `entity &${name}; refers to itself`;
    visiting.add(name);
    let size = 0;
    const value = declarations[name];
    let last = 0;
    for (const m of value.matchAll(reference)) {
      size += m.index! - last;
      last = m.index! + m[0].length;
      const target = m[1];
      if (target.startsWith('#') || target in PREDEFINED) { size += 1; continue; }
      if (!(target in declarations)) return `entity &${name}; refers to the undeclared entity &${target};`;
      const inner = sizeOf(target);
      if (typeof inner === 'string') return inner;
      size += inner;
      if (size > ENTITY_EXPANSION_LIMIT) break;
    }
    size += value.length - last;
    visiting.delete(name);
    sizes.set(name, size);
    return size;
  }
  for (const name of Object.keys(declarations)) {
    const size = sizeOf(name);
    if (typeof size === 'string') return { ok: false, ruleId: 'xml-doctype', message: size };
    if (size > ENTITY_EXPANSION_LIMIT) {
      return { ok: false, ruleId: 'xml-entity-expansion', message: `entity &${name}; would expand to more than ${ENTITY_EXPANSION_LIMIT} characters (an entity-expansion, "billion laughs", attack?); rejected without expanding it.` };
    }
  }
  const expanded: Record<string, string> = {};
  function expand(name: string): string {
    if (name in expanded) return expanded[name];
    const text = declarations[name].replace(reference, (_, target: string) => {
      if (target.startsWith('#x')) return String.fromCodePoint(parseInt(target.slice(2), 16));
      if (target.startsWith('#')) return String.fromCodePoint(parseInt(target.slice(1), 10));
      return PREDEFINED[target] ?? expand(target);
    });
    return (expanded[name] = text);
  }
  for (const name of Object.keys(declarations)) {
    const text = expand(name);
    if (/[<]/.test(declarations[name])) {
      return { ok: false, ruleId: 'xml-doctype', message: `entity &${name}; contains markup; samizdat supports only text entities. Write the markup in the document instead.` };
    }
    expanded[name] = text;
  }
  return { ok: true, entities: expanded };
}
