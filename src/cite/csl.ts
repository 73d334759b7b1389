/**
 * The CSL-JSON shapes samizdat writes (a subset of the CSL 1.0.2 input
 * schema, `schemas/csl-data.json`), and the check of an item against that
 * schema with ajv. An item that fails the check is never written: the
 * problems name the field.
 */
import { fileURLToPath } from 'node:url';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { jsonSchemaValidator, type ErrorObject, type JsonSchemaSpec, type ValidateFunction } from '../json-schema.js';

export type CslType =
  | 'article-journal' | 'book' | 'chapter' | 'document' | 'manuscript'
  | 'personal_communication' | 'webpage' | 'collection';

/** A person (`family`, `given`) or a body or unparsed name (`literal`). */
export interface CslName {
  family?: string;
  given?: string;
  'non-dropping-particle'?: string;
  literal?: string;
}

export interface CslDate {
  'date-parts'?: (number | string)[][];
  literal?: string;
}

export interface CslItem {
  id: string;
  type: CslType;
  title?: string;
  'title-short'?: string;
  'container-title'?: string;
  'collection-title'?: string;
  author?: CslName[];
  editor?: CslName[];
  publisher?: string;
  'publisher-place'?: string;
  issued?: CslDate;
  URL?: string;
  DOI?: string;
  language?: string;
  abstract?: string;
  keyword?: string;
  note?: string;
  'chapter-number'?: string;
  'original-title'?: string;
  'original-publisher'?: string;
  'original-publisher-place'?: string;
  'original-date'?: CslDate;
  'original-author'?: CslName[];
}

/** `ruleId` of a CSL-JSON item that the CSL schema rejects. */
export const CSL_SCHEMA_RULE = 'cite:csl-schema';

/** The CSL project's schema and the options its validator is compiled with (the package carries it precompiled). */
export const CSL_DATA_SCHEMA: JsonSchemaSpec = { path: fileURLToPath(new URL('../../schemas/csl-data.json', import.meta.url)), options: { allErrors: true, strict: false } };
let validator: ValidateFunction | undefined;

function compiled(): ValidateFunction {
  validator ??= jsonSchemaValidator(CSL_DATA_SCHEMA);
  return validator;
}

/**
 * Checks CSL-JSON data (an array of items, as the schema defines it) against
 * the CSL project's schema. Returns no problems when it is valid.
 */
export function checkCslData(data: unknown, file: string): Diagnostic[] {
  const validate = compiled();
  if (validate(data)) return [];
  return (validate.errors ?? []).map((error) => diagnostic('error', CSL_SCHEMA_RULE, describe(error), { file }));
}

function describe(error: ErrorObject): string {
  // instancePath is "/0/issued/date-parts/0": drop the item index.
  const steps = error.instancePath.split('/').slice(1);
  const item = steps.shift();
  let field = steps.join('.');
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty?: string }).additionalProperty;
    field = field ? `${field}.${extra}` : String(extra);
    return `CSL-JSON field "${field}" (item ${item}) is not a CSL variable.`;
  }
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty?: string }).missingProperty;
    return item === undefined ? `CSL-JSON data lacks the required field "${missing}".` : `CSL-JSON item ${item} lacks the required field "${missing}".`;
  }
  const where = field ? `field "${field}"` : item === undefined ? 'data' : `item ${item}`;
  return `CSL-JSON ${where} is invalid: it ${error.message ?? 'does not match the schema'}.`;
}
