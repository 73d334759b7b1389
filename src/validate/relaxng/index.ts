/**
 * samizdat's RELAX NG engine. A schema (XML syntax) is compiled once
 * (compile.ts: simplification, restrictions, interned patterns) and kept in
 * a compact form (precompiled.ts); documents are validated by memoised
 * derivatives (validator.ts). This face loads none of the compiler: what
 * compiles imports compile.ts itself, when it must.
 */
export { IncorrectSchema, isIncorrectSchema, type SchemaLocation } from './schema-error.js';
export { readPrecompiled, writePrecompiled, PRECOMPILED_FORMAT } from './precompiled.js';
export { DocumentValidator, type Grammar, type ValidationError, type StartTagAttribute } from './validator.js';
export type { CompiledSchema } from './compile.js';
