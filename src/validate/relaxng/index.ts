/**
 * samizdat's RELAX NG engine. A schema (XML syntax) is read and simplified
 * (spec sections 4–5), checked against the restrictions (section 7) and DTD
 * compatibility's ID rules, and built as interned patterns; documents are
 * validated by memoised derivatives (DocumentValidator). A compiled schema
 * can be written in a compact form and read back (precompiled.ts).
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
  /** The simple form it was built from (what the precompiled form stores). */
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

export { IncorrectSchema, type SchemaLocation } from './schema-xml.js';
export { DocumentValidator, type Grammar, type ValidationError, type StartTagAttribute } from './validator.js';
