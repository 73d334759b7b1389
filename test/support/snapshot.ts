/** Every file under a folder with its bytes, by path relative to it: what a test compares between two builds. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string, prefix: string): void => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path, `${prefix}${name}/`);
      else files.set(`${prefix}${name}`, readFileSync(path, 'latin1'));
    }
  };
  walk(dir, '');
  return files;
}
