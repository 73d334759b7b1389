/**
 * Compiling a schema: read and simplified (spec sections 4–5), checked
 * against the restrictions (section 7) and DTD compatibility's ID rules,
 * built as interned patterns. Loaded only when a schema has no compact form
 * yet (the compact form is read by precompiled.ts without any of this).
 */
import { pathToFileURL } from 'node:url';
import { Derivatives } from './derivatives.js';
import { buildIdTypes } from './ids.js';
import { checkRestrictions } from './restrictions.js';
import { simplify, type SimpleGrammar } from './simplify.js';
import { readSchema } from './syntax.js';
import type { Grammar } from './validator.js';

export interface CompiledSchema {
  readonly grammar: Grammar;
  /** The simple form it was built from. */
  readonly simple: SimpleGrammar;
  /** Absolute paths of the schema and every file it includes or references. */
  readonly files: readonly string[];
}

/** Compiles the schema at `path`; throws IncorrectSchema with the place and the reason. */
export function compileSchema(path: string): CompiledSchema {
  const reading = readSchema(pathToFileURL(path));
  const simple = simplify(reading.pattern);
  checkRestrictions(simple);
  const idTypes = buildIdTypes(simple);
  return { grammar: { start: simple.start, derivatives: new Derivatives(simple.builder, simple.start), idTypes }, simple, files: reading.files };
}
