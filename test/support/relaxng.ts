/**
 * Schemas and documents for the RELAX NG engine's tests, written inline: a
 * schema (and the files it includes) goes to a temporary folder and is
 * compiled; a document goes through the real reading path (saxes, the
 * well-formedness layer) into the grammar layer.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { GrammarCheck } from '../../src/validate/grammar.js';
import { compileSchema, type CompiledSchema } from '../../src/validate/relaxng/compile.js';
import { WellFormednessCheck } from '../../src/xml/wellformed.js';

export const RNG = 'xmlns="http://relaxng.org/ns/structure/1.0"';
export const XSD = 'datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes"';

/** Compiles `schema` (main file text), with `others` (file name → text) beside it. Throws IncorrectSchema. */
export function schemaOf(schema: string, others: Record<string, string> = {}): CompiledSchema {
  const dir = mkdtempSync(join(tmpdir(), 'samizdat-rng-test-'));
  for (const [name, text] of Object.entries(others)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const path = join(dir, 'schema.rng');
  writeFileSync(path, schema);
  return compileSchema(path);
}

/** The grammar errors of `xml`, as `line:column message`. */
export function errorsOf(schema: CompiledSchema, xml: string): string[] {
  const check = new GrammarCheck(schema.grammar, 'doc.xml');
  const reader = new WellFormednessCheck('doc.xml', check);
  reader.write(xml);
  const fatal = reader.close();
  if (fatal) throw new Error(`not well-formed: ${fatal.message}`);
  return check.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`);
}

/** Only the messages (without places). */
export function messagesOf(schema: CompiledSchema, xml: string): string[] {
  return errorsOf(schema, xml).map((e) => e.replace(/^\d+:\d+ /, ''));
}
