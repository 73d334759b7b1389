import { readFileSync } from 'node:fs';

/** samizdat's own version, read from its package.json (part of every cache key). */
export const version: string = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
).version;
