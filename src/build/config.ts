/**
 * From `samizdat.config.json` to what `build` takes, in one place, so that
 * `build`, `watch` and `serve` publish an edition the same way.
 */
import { isAbsolute, join, relative } from 'node:path';
import type { Config } from '../config/config.js';
import type { BuildOptions } from './index.js';

export interface ConfiguredBuild {
  /** The configured sources (globs), relative to the current folder (as messages show them). */
  sources: string[];
  options: BuildOptions;
}

export function buildFromConfig(config: Config): ConfiguredBuild {
  return {
    sources: config.sources.map((glob) => (isAbsolute(glob) ? glob : relative(process.cwd(), join(config.root, glob)) || '.')),
    options: {
      out: config.out,
      xslt: config.xslt,
      editionTitle: config.site.title,
      citations: { baseUrl: config.site.baseUrl, styles: config.citationStyles },
      textModes: config.textModes,
      limits: config.limits,
      root: config.root,
      allowRead: config.allowRead,
      search: config.search,
    },
  };
}
