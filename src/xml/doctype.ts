/**
 * What a DOCTYPE may do in a samizdat document. Nothing is ever read from
 * disk or network because of a DOCTYPE: external DTDs, external entities and
 * parameter entities are rejected; internal general entities are allowed when
 * their expansion stays small ("billion laughs" is rejected by size, before
 * anything is expanded).
 */

import { DEFAULT_LIMITS, LIMIT_FLAGS } from './limits.js';

export type DoctypeVerdict =
  | { ok: true; entities: Record<string, string> }
  | { ok: false; ruleId: 'xml-external-entity' | 'xml-entity-expansion' | 'xml-doctype'; message: string; /** Where in the DOCTYPE's text the problem is. */ offset?: number };

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Checks the text of a DOCTYPE (as the scanner reports it: everything after
 * `<!DOCTYPE`); no entity may expand to more than `maxExpansion` characters.
 */
export function checkDoctype(doctype: string, maxExpansion: number = DEFAULT_LIMITS.maxEntityExpansion): DoctypeVerdict {
  const bracket = doctype.indexOf('[');
  const head = bracket < 0 ? doctype : doctype.slice(0, bracket);
  const external = /\b(SYSTEM|PUBLIC)\s+(["'])([^"']*)\2(?:\s+(["'])([^"']*)\4)?/.exec(head);
  if (external) {
    const id = external[5] ?? external[3];
    return { ok: false, ruleId: 'xml-external-entity', message: `the DOCTYPE refers to an external DTD ("${id}"); external entities are rejected and never read. Remove the DOCTYPE (TEI documents are validated with RELAX NG, not a DTD).`, offset: external.index };
  }
  if (bracket < 0) return { ok: true, entities: {} };
  // Comments blanked out (not removed), so that offsets into the subset stay offsets into the DOCTYPE.
  const subset = doctype.slice(bracket + 1, doctype.lastIndexOf(']')).replace(/<!--[\s\S]*?-->/g, (comment) => ' '.repeat(comment.length));
  const at = (index: number): number => bracket + 1 + index;
  const declarations: Record<string, string> = {};
  const offsets: Record<string, number> = {};
  // A quoted value may hold `>`: the declaration ends at the first `>` outside quotes.
  const declaration = /<!ENTITY\s+(%\s+)?([^\s]+)\s+((?:"[^"]*"|'[^']*'|[^'">])*)>/g;
  for (let m = declaration.exec(subset); m; m = declaration.exec(subset)) {
    const [, percent, name, rest] = m;
    if (percent) {
      return { ok: false, ruleId: 'xml-external-entity', message: `the DOCTYPE declares the parameter entity %${name}; parameter entities and external entities are rejected.`, offset: at(m.index) };
    }
    if (/^(SYSTEM|PUBLIC)\b/.test(rest.trim())) {
      return { ok: false, ruleId: 'xml-external-entity', message: `the DOCTYPE declares the external entity &${name}; (${rest.trim()}); external entities are rejected and never read.`, offset: at(m.index) };
    }
    const literal = /^(["'])([\s\S]*)\1\s*$/.exec(rest.trim());
    if (!literal) return { ok: false, ruleId: 'xml-doctype', message: `the declaration of entity &${name}; is not understood.`, offset: at(m.index) };
    if (/%[^\s;]+;/.test(literal[2])) {
      return { ok: false, ruleId: 'xml-external-entity', message: `entity &${name}; uses a parameter entity reference; parameter entities are rejected.`, offset: at(m.index) };
    }
    if (!(name in declarations)) {
      declarations[name] = literal[2];
      offsets[name] = at(m.index);
    }
  }
  if (/<!ENTITY\s/.test(subset.replace(declaration, ''))) {
    return { ok: false, ruleId: 'xml-doctype', message: 'the DOCTYPE contains an entity declaration that is not understood.' };
  }
  const verdict = expandEntities(declarations, maxExpansion);
  return verdict.ok || verdict.name === undefined ? verdict : { ...verdict, offset: offsets[verdict.name] };
}

/** Expands every entity, refusing (by computed size, before building strings) anything beyond the limit. */
function expandEntities(declarations: Record<string, string>, limit: number): DoctypeVerdict & { name?: string } {
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
      if (size > limit) break;
    }
    size += value.length - last;
    visiting.delete(name);
    sizes.set(name, size);
    return size;
  }
  for (const name of Object.keys(declarations)) {
    const size = sizeOf(name);
    if (typeof size === 'string') return { ok: false, ruleId: 'xml-doctype', message: size, name };
    if (size > limit) {
      return { ok: false, ruleId: 'xml-entity-expansion', name, message: `entity &${name}; would expand to more than ${limit} characters (an entity-expansion, "billion laughs", attack?); rejected without expanding it. Raise the limit with ${LIMIT_FLAGS.maxEntityExpansion} if the entity is real.` };
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
      return { ok: false, ruleId: 'xml-doctype', name, message: `entity &${name}; contains markup; samizdat supports only text entities. Write the markup in the document instead.` };
    }
    expanded[name] = text;
  }
  return { ok: true, entities: expanded };
}
