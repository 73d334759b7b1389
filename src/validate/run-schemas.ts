/**
 * What the documents of one run share, in one thread: the schemas they name.
 * A thousand documents naming the same schema cost one look at it (whether
 * it is there, its real path, the allowed folders', its root element) and
 * one look at its files, not a thousand. Kept for one run only (a worker
 * pool lives for one run): in `watch`, a schema may be moved, replaced or
 * edited between runs, and the next run sees it afresh.
 */
import { existsSync } from 'node:fs';
import { diagnostic, type Diagnostic, type SourceLocation } from '../diagnostics.js';
import { loadGrammar, type LoadedGrammar } from './grammar-cache.js';
import { refusalRule, schemaRefusal, type Catalog, type ReadableFolders, type SchemaKind } from './grammar-catalog.js';

export class RunSchemas {
  private readonly refusals = new Map<string, Promise<string | undefined>>();
  private readonly grammars = new Map<string, Promise<LoadedGrammar>>();
  private readonly existing = new Map<string, boolean>();

  /** Whether the schema file at `path` is there, looked at once per run (a look per document was a system call per document). */
  readonly exists = (path: string): boolean => {
    let there = this.existing.get(path);
    if (there === undefined) {
      there = existsSync(path);
      this.existing.set(path, there);
    }
    return there;
  };

  /** `namedSchemaProblem`, looked at once per run. */
  problem(path: string, kind: SchemaKind, readable: ReadableFolders, catalog: Catalog, where: SourceLocation): Promise<Diagnostic | undefined> {
    const refusal = once(this.refusals, JSON.stringify([path, kind, readable, catalog]), () => schemaRefusal(path, kind, readable, catalog));
    return refusal.then((message) => (message === undefined ? undefined : diagnostic('error', refusalRule(kind), message, where)));
  }

  /** `loadGrammar`, its files looked at once per run. */
  grammar(schemaPath: string, options: { cacheDir?: string | false }): Promise<LoadedGrammar> {
    return once(this.grammars, JSON.stringify([schemaPath, options.cacheDir]), () => loadGrammar(schemaPath, options));
  }
}

function once<T>(memo: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let made = memo.get(key);
  if (made === undefined) {
    made = make();
    memo.set(key, made);
  }
  return made;
}
