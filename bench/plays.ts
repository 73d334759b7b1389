/**
 * The bench's eight Shakespeare plays (3.2 MB of DraCor TEI): three from
 * test/corpora/shakedracor/tei, the five the test suite does without from
 * bench/plays/. They are written, unchanged but for `<?xml-model?>`
 * instructions naming tei_all as RELAX NG and as Schematron (they name no
 * schema of their own), into an edition folder:
 *
 *   plays/schemas/   a copy of samizdat's schemas/ (vendor/tei_all.rng)
 *   plays/tei/       the eight plays
 *
 * so that samizdat validates them as an editor of these plays would, against
 * tei_all and its embedded Schematron rules, and jing checks the same
 * documents against the same grammar.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { withSchemaReference } from './corpus.js';

/** The plays, in the order they are written. */
export const PLAYS = [
  'a-midsummer-nights-dream', 'cymbeline', 'henry-vi-part-1', 'king-john',
  'much-ado-about-nothing', 'romeo-and-juliet', 'the-tempest', 'twelfth-night',
] as const;

/** The folders the plays are found in, in the repository. */
const PLAY_FOLDERS = ['test/corpora/shakedracor/tei', 'bench/plays'];
const SCHEMA_HREF = '../schemas/vendor/tei_all.rng';

export interface Plays {
  /** The edition folder: schemas/ beside tei/. */
  root: string;
  tei: string;
  /** The plays as written, in PLAYS order. */
  files: string[];
  bytes: number;
  /** The RELAX NG schema every play names. */
  schema: string;
}

/** Where each play is in the repository at `repo`; throws naming those that are not there. */
export function playSources(repo: string): string[] {
  const found = PLAYS.map((name) => PLAY_FOLDERS.map((folder) => join(repo, folder, `${name}.xml`)).find((file) => existsSync(file)));
  const missing = PLAYS.filter((_, i) => found[i] === undefined);
  if (missing.length > 0) throw new Error(`the bench's plays ${missing.map((m) => `${m}.xml`).join(', ')} are in none of ${PLAY_FOLDERS.join(', ')}`);
  return found as string[];
}

/** Writes the plays' edition into `root` (which should not exist yet). */
export async function writePlays(root: string, repo: string): Promise<Plays> {
  const tei = join(root, 'tei');
  await mkdir(tei, { recursive: true });
  await cp(join(repo, 'schemas'), join(root, 'schemas'), { recursive: true });
  const files: string[] = [];
  let bytes = 0;
  for (const source of playSources(repo)) {
    const play = withSchemaReference(await readFile(source, 'utf8'), SCHEMA_HREF, true);
    const file = join(tei, basename(source));
    await writeFile(file, play);
    files.push(file);
    bytes += Buffer.byteLength(play);
  }
  return { root, tei, files, bytes, schema: join(tei, SCHEMA_HREF) };
}
