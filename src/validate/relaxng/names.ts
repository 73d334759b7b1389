/**
 * Expanded names (namespace URI + local name) and RELAX NG name classes.
 * Names are interned process-wide, so equal names are one object and a
 * number: the derivative memos are keyed by that number.
 */

/** An expanded name; `id` is its interned number. */
export interface ExpandedName {
  readonly id: number;
  readonly uri: string;
  readonly local: string;
}

interface NameTable {
  readonly byUri: Map<string, Map<string, ExpandedName>>;
  readonly byId: ExpandedName[];
}

/**
 * The table is shared by every copy of this module in the process (kept on
 * globalThis): name identity must hold between a grammar compiled by one
 * copy and a document read by another, as happens when a loader such as tsx
 * instantiates a module twice.
 */
const holder = globalThis as unknown as Record<symbol, NameTable | undefined>;
const TABLE = Symbol.for('samizdat.relaxng.names');
const table: NameTable = (holder[TABLE] ??= { byUri: new Map(), byId: [] });
const { byUri, byId } = table;

/** The names of the namespace looked up last (a document's elements are nearly all in one), and of none (nearly all its attributes). */
let lastUri: string | undefined;
let lastLocals: Map<string, ExpandedName> | undefined;
let noNamespace: Map<string, ExpandedName> | undefined;

/** The names in `uri`, by local name. */
function localsOf(uri: string): Map<string, ExpandedName> {
  let locals = byUri.get(uri);
  if (locals === undefined) {
    locals = new Map();
    byUri.set(uri, locals);
  }
  return locals;
}

/** The one `ExpandedName` for `uri` and `local`. */
export function expandedName(uri: string, local: string): ExpandedName {
  // Two of every three lookups are spared the table of namespaces: the last namespace's names, and those of none, are at hand.
  let locals: Map<string, ExpandedName>;
  if (uri === '') locals = noNamespace ??= localsOf('');
  else if (uri === lastUri) locals = lastLocals!;
  else {
    locals = localsOf(uri);
    lastUri = uri;
    lastLocals = locals;
  }
  let name = locals.get(local);
  if (name === undefined) {
    name = { id: byId.length, uri, local };
    byId.push(name);
    locals.set(local, name);
  }
  return name;
}

/** The name interned as `id`. */
export function nameById(id: number): ExpandedName {
  return byId[id];
}

/** A name class (RELAX NG section 3, simplified as in section 5). */
export type NameClass =
  | { readonly kind: 'name'; readonly name: ExpandedName }
  | { readonly kind: 'anyName'; readonly except: NameClass | null }
  | { readonly kind: 'nsName'; readonly uri: string; readonly except: NameClass | null }
  | { readonly kind: 'choice'; readonly a: NameClass; readonly b: NameClass }
  /** Matches nothing: the name class of an element whose content is notAllowed. */
  | { readonly kind: 'none' };

/**
 * Every name class is made with the same fields, in the same order (those
 * its kind does not use are null): one hidden class for all of them, so
 * that `contains`, inlined in the derivatives taken at every start tag and
 * attribute a thread has not met before, stays monomorphic. With an object
 * shape per kind, the first nsName or choice a thread met (a schema loaded
 * mid-run) threw the optimised derivative code away ("wrong map").
 */
function made(kind: NameClass['kind'], name: ExpandedName | null, uri: string | null, except: NameClass | null, a: NameClass | null, b: NameClass | null): NameClass {
  return { kind, name, uri, except, a, b } as unknown as NameClass;
}

export const nameClass = {
  name: (uri: string, local: string): NameClass => made('name', expandedName(uri, local), null, null, null, null),
  anyName: (except: NameClass | null = null): NameClass => made('anyName', null, null, except, null, null),
  nsName: (uri: string, except: NameClass | null = null): NameClass => made('nsName', null, uri, except, null, null),
  choice: (a: NameClass, b: NameClass): NameClass => made('choice', null, null, null, a, b),
  none: made('none', null, null, null, null, null),
};

export function contains(nc: NameClass, name: ExpandedName): boolean {
  switch (nc.kind) {
    case 'name': return nc.name === name;
    case 'anyName': return nc.except === null || !contains(nc.except, name);
    case 'nsName': return nc.uri === name.uri && (nc.except === null || !contains(nc.except, name));
    case 'choice': return contains(nc.a, name) || contains(nc.b, name);
    case 'none': return false;
  }
}

/**
 * How precisely `nc` names `name`: 3 by its name, 2 by its namespace, 1 as
 * any name, 0 not at all. Recovery uses the most specific element pattern.
 */
export function specificity(nc: NameClass, name: ExpandedName): number {
  switch (nc.kind) {
    case 'name': return nc.name === name ? 3 : 0;
    case 'anyName': return nc.except === null || !contains(nc.except, name) ? 1 : 0;
    case 'nsName': return nc.uri === name.uri && (nc.except === null || !contains(nc.except, name)) ? 2 : 0;
    case 'choice': return Math.max(specificity(nc.a, name), specificity(nc.b, name));
    case 'none': return 0;
  }
}

/** True when the name class contains infinitely many names (anyName or nsName in it). */
export function isOpen(nc: NameClass): boolean {
  switch (nc.kind) {
    case 'anyName': case 'nsName': return true;
    case 'choice': return isOpen(nc.a) || isOpen(nc.b);
    default: return false;
  }
}

/** A local name no schema or document can use (it is not an NCName). */
const IMPOSSIBLE_LOCAL = '\u0000';
const IMPOSSIBLE_URI = '\u0000';

/**
 * Whether some name belongs to both name classes: each class is tried on
 * representatives of every name the other could mention (its names, a fresh
 * name in each of its namespaces, a fresh name in a fresh namespace).
 */
export function overlaps(a: NameClass, b: NameClass): boolean {
  if (a.kind === 'name' && b.kind === 'name') return a.name === b.name;
  for (const name of [...representatives(a), ...representatives(b)]) {
    if (contains(a, name) && contains(b, name)) return true;
  }
  return false;
}

function representatives(nc: NameClass, into: ExpandedName[] = []): ExpandedName[] {
  switch (nc.kind) {
    case 'name': into.push(nc.name); break;
    case 'anyName':
      into.push(expandedName(IMPOSSIBLE_URI, IMPOSSIBLE_LOCAL));
      if (nc.except) representatives(nc.except, into);
      break;
    case 'nsName':
      into.push(expandedName(nc.uri, IMPOSSIBLE_LOCAL));
      if (nc.except) representatives(nc.except, into);
      break;
    case 'choice': representatives(nc.a, into); representatives(nc.b, into); break;
    case 'none': break;
  }
  return into;
}

/** A canonical string for the name class: equal strings, equal classes (used to intern patterns). */
export function nameClassKey(nc: NameClass): string {
  switch (nc.kind) {
    case 'name': return `{${nc.name.uri}}${nc.name.local}`;
    case 'anyName': return nc.except ? `*-(${nameClassKey(nc.except)})` : '*';
    case 'nsName': return `{${nc.uri}}*${nc.except ? `-(${nameClassKey(nc.except)})` : ''}`;
    case 'choice': return `(${nameClassKey(nc.a)}|${nameClassKey(nc.b)})`;
    case 'none': return '!';
  }
}

/** The names a set of name classes admits, for messages: named ones, and whether others (wildcards) are admitted too. */
export interface NameSummary {
  names: ExpandedName[];
  /** Some namespace or any name is admitted beyond `names`. */
  wildcard: boolean;
}

export function summariseNames(classes: readonly NameClass[]): NameSummary {
  const names = new Set<ExpandedName>();
  let wildcard = false;
  const visit = (nc: NameClass): void => {
    switch (nc.kind) {
      case 'name': names.add(nc.name); break;
      case 'choice': visit(nc.a); visit(nc.b); break;
      case 'anyName': case 'nsName': wildcard = true; break;
      case 'none': break;
    }
  };
  for (const nc of classes) visit(nc);
  // A name excluded by a wildcard's except, and not named elsewhere, is not admitted.
  const admitted = [...names].filter((name) => classes.some((nc) => contains(nc, name)));
  return { names: admitted, wildcard };
}
