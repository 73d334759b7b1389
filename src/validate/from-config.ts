/**
 * What `samizdat.config.json` asks of validation, as `validate()` takes it:
 * the documents (`sources`), the RELAX NG schema, the catalog, and the rules
 * layer (the Schematron files named in the config on top of those the
 * documents name, minus the rules switched off by id).
 *
 * The CLI and library callers share this, so that `samizdat validate` and
 * `validate(paths, validationFromConfig(config).options)` check the same.
 */
import { isAbsolute, join, relative, sep } from 'node:path';
import type { Config } from '../config/config.js';
import type { ValidateOptions } from './index.js';

export interface ConfiguredValidation {
  /** The configured `sources` globs, resolved against the config's folder, relative to the current directory. */
  paths: string[];
  /** `schema`, `catalog` and `schematron` (the rules layer) from the config; the caller may override any of them. */
  options: ValidateOptions;
}

export interface FromConfigOptions {
  /**
   * Where converted schemas are cached (as `ValidateOptions.cacheDir`);
   * compiled Schematron goes to its `schematron/` subfolder.
   */
  cacheDir?: string | false;
}

export function validationFromConfig(config: Config, options: FromConfigOptions = {}): ConfiguredValidation {
  const { schema, catalog, schematron, disabledRules } = config.validate;
  // false turns off the grammar cache only: compiled Schematron is always
  // cached (in the default folder), as recompiling costs seconds per file.
  const schematronCache = typeof options.cacheDir === 'string' ? join(options.cacheDir, 'schematron') : undefined;
  return {
    paths: config.sources.map((glob) => pathFromCurrentFolder(isAbsolute(glob) ? glob : join(config.root, glob))),
    options: {
      schema, catalog, cacheDir: options.cacheDir, limits: config.limits, root: config.root, allowRead: config.allowRead,
      schematron: { sources: schematron.map((path) => ({ path })), catalog, disabledRules, cacheDir: schematronCache },
    },
  };
}

/**
 * Documents are reported by the path they were found under, so keep it short:
 * relative to the current folder when inside it, absolute otherwise (never
 * `../../`).
 */
export function pathFromCurrentFolder(path: string): string {
  const inside = relative(process.cwd(), path);
  if (inside === '') return '.';
  return inside.split(sep)[0] === '..' || isAbsolute(inside) ? path : inside;
}
