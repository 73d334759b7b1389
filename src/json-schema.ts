/**
 * JSON Schema validators (ajv), compiled once. Compiling a schema with ajv
 * costs a few hundred milliseconds at start-up, on every run; samizdat's own
 * schemas (the configuration's, CSL-JSON's) come with the package compiled
 * to ajv's standalone code (`precompiled/json-schema/<key>.cjs`), and ajv's
 * compiler is loaded only for a schema that does not.
 *
 * The key covers ajv's version, the options and the schema's text, so a
 * changed schema is compiled afresh, never checked with the old code.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ajv, Options, ValidateFunction } from 'ajv';
import { PRECOMPILED_JSON_SCHEMA_DIR } from './precompiled/index.js';

export type { ErrorObject, ValidateFunction } from 'ajv';

/** A schema file and the ajv options its validator is compiled with. */
export interface JsonSchemaSpec {
  path: string;
  options: Pick<Options, 'allErrors' | 'strict' | 'useDefaults'>;
}

const require = createRequire(import.meta.url);
const ajvVersion = (require('ajv/package.json') as { version: string }).version;

const validators = new Map<string, ValidateFunction>();

/** The validator of `spec`'s schema: precompiled, or compiled now (once per thread). */
export function jsonSchemaValidator(spec: JsonSchemaSpec): ValidateFunction {
  const text = readFileSync(spec.path, 'utf8');
  const key = jsonSchemaKey(text, spec);
  let validate = validators.get(key);
  if (validate === undefined) {
    validate = precompiled(key) ?? newAjv(spec, false).compile(JSON.parse(text) as object);
    validators.set(key, validate);
  }
  return validate;
}

/** What a precompiled validator is named by. */
export function jsonSchemaKey(schemaText: string, spec: JsonSchemaSpec): string {
  return createHash('sha256').update(`samizdat-json-schema-1\0ajv ${ajvVersion}\0${JSON.stringify(spec.options)}\0${schemaText}`).digest('hex');
}

/** The validator as a CommonJS module (ajv's standalone code), for the package's precompiled files. */
export function standaloneValidator(spec: JsonSchemaSpec): { key: string; code: string } {
  const text = readFileSync(spec.path, 'utf8');
  const ajv = newAjv(spec, true);
  const standalone = require('ajv/dist/standalone') as { default: (ajv: Ajv, validate: ValidateFunction) => string };
  return { key: jsonSchemaKey(text, spec), code: standalone.default(ajv, ajv.compile(JSON.parse(text) as object)) };
}

function precompiled(key: string): ValidateFunction | undefined {
  try {
    return require(join(PRECOMPILED_JSON_SCHEMA_DIR, `${key}.cjs`)) as ValidateFunction;
  } catch (error) {
    if ((error as { code?: string }).code === 'MODULE_NOT_FOUND') return undefined;
    throw error;
  }
}

function newAjv(spec: JsonSchemaSpec, source: boolean): Ajv {
  const { Ajv: AjvClass } = require('ajv') as typeof import('ajv');
  return new AjvClass({ ...spec.options, ...(source ? { code: { source: true } } : {}) });
}
