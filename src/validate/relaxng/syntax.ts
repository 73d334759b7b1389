/**
 * The full XML syntax of RELAX NG (spec section 3) read into a typed tree,
 * with the simplification steps that work element by element already done
 * (spec 4.1–4.16): annotations dropped, whitespace trimmed, `datatypeLibrary`
 * and `ns` inherited, `externalRef` and `include` replaced by what they
 * reference (local files only, loops refused), names and QNames resolved,
 * `div` flattened, and datatypes and values checked everywhere — also in
 * parts that later steps would drop as unreachable or notAllowed.
 */
import { makeDatatype, type Datatype, type Param } from './datatypes/index.js';
import { isNcName, isUriReference, splitQName } from './datatypes/xsd-values.js';
import type { PatternValue } from './patterns.js';
import { IncorrectSchema, type SchemaLocation } from './schema-error.js';
import { readSchemaDocument, type SchemaElement } from './schema-xml.js';

export type NameClassNode =
  | { readonly kind: 'name'; readonly uri: string; readonly local: string; readonly at: SchemaLocation }
  | { readonly kind: 'anyName'; readonly except: NameClassNode | null; readonly at: SchemaLocation }
  | { readonly kind: 'nsName'; readonly uri: string; readonly except: NameClassNode | null; readonly at: SchemaLocation }
  | { readonly kind: 'choice'; readonly items: readonly NameClassNode[]; readonly at: SchemaLocation };

export type ContainerKind = 'group' | 'interleave' | 'choice' | 'optional' | 'zeroOrMore' | 'oneOrMore' | 'list' | 'mixed';

export type PatternNode =
  | { readonly kind: 'element'; readonly name: NameClassNode; readonly content: readonly PatternNode[]; readonly at: SchemaLocation }
  | { readonly kind: 'attribute'; readonly name: NameClassNode; readonly content: PatternNode | null; readonly at: SchemaLocation }
  | { readonly kind: ContainerKind; readonly content: readonly PatternNode[]; readonly at: SchemaLocation }
  | { readonly kind: 'ref' | 'parentRef'; readonly name: string; readonly at: SchemaLocation }
  | { readonly kind: 'empty' | 'text' | 'notAllowed'; readonly at: SchemaLocation }
  | { readonly kind: 'value'; readonly datatype: Datatype; readonly value: PatternValue; readonly at: SchemaLocation }
  | { readonly kind: 'data'; readonly datatype: Datatype; readonly except: readonly PatternNode[] | null; readonly at: SchemaLocation }
  | GrammarNode;

export interface GrammarNode {
  readonly kind: 'grammar';
  readonly content: readonly GrammarComponent[];
  readonly at: SchemaLocation;
}

export type Combine = 'choice' | 'interleave' | undefined;

export type GrammarComponent =
  | { readonly kind: 'start'; readonly combine: Combine; readonly content: PatternNode; readonly at: SchemaLocation }
  | { readonly kind: 'define'; readonly name: string; readonly combine: Combine; readonly content: readonly PatternNode[]; readonly at: SchemaLocation }
  /** A `div`, or an `include` once resolved (spec 4.7 turns it into one). */
  | { readonly kind: 'div'; readonly content: readonly GrammarComponent[]; readonly at: SchemaLocation };

/** What is inherited down the tree while it is read. */
interface Scope {
  /** The `ns` in effect (4.9). */
  readonly ns: string;
  /** The `datatypeLibrary` in effect (4.3), not inherited across files. */
  readonly datatypeLibrary: string;
  /** URLs being resolved by the externalRef/include chain above (loops are errors). */
  readonly loading: readonly string[];
}

/** The schema files a schema was read from: itself and everything it includes or references. */
export interface SchemaReading {
  readonly pattern: PatternNode;
  readonly files: readonly string[];
}

/** Reads the schema at `url` and everything it references. Throws IncorrectSchema. */
export function readSchema(url: URL): SchemaReading {
  const files = new Set<string>();
  const reader = new SyntaxReader(files);
  const root = reader.load(url, undefined);
  const pattern = reader.pattern(root, { ns: root.attributes.get('ns') ?? '', datatypeLibrary: '', loading: [url.href] });
  return { pattern, files: [...files] };
}

const PATTERNS = new Set(['element', 'attribute', 'group', 'interleave', 'choice', 'optional', 'zeroOrMore', 'oneOrMore', 'list', 'mixed',
  'ref', 'parentRef', 'empty', 'text', 'value', 'data', 'notAllowed', 'externalRef', 'grammar']);
const NAME_CLASSES = new Set(['name', 'anyName', 'nsName', 'choice']);
const CONTAINERS = new Set<string>(['group', 'interleave', 'choice', 'optional', 'zeroOrMore', 'oneOrMore', 'list', 'mixed']);

/** Attributes each element may carry besides `ns` and `datatypeLibrary`. */
const OWN_ATTRIBUTES: Record<string, readonly string[]> = {
  element: ['name'], attribute: ['name'], ref: ['name'], parentRef: ['name'], define: ['name', 'combine'], start: ['combine'],
  value: ['type'], data: ['type'], param: ['name'], externalRef: ['href'], include: ['href'],
};

const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns';

class SyntaxReader {
  constructor(private readonly files: Set<string>) {}

  load(url: URL, reference: SchemaLocation | undefined): SchemaElement {
    const root = readSchemaDocument(url, reference);
    this.files.add(root.at.file);
    return root;
  }

  private fail(message: string, el: SchemaElement): never {
    throw new IncorrectSchema(message, el.at);
  }

  /** Checks attributes and text, and updates the inherited scope for an element's content. */
  private enter(el: SchemaElement, scope: Scope): Scope {
    const own = OWN_ATTRIBUTES[el.local] ?? [];
    for (const name of el.attributes.keys()) {
      if (name !== 'ns' && name !== 'datatypeLibrary' && !own.includes(name)) this.fail(`the attribute "${name}" is not allowed on <${el.local}>`, el);
    }
    if (el.local === 'value' || el.local === 'param' || el.local === 'name') {
      if (el.foreignChildren) this.fail(`<${el.local}> can contain only text, not elements (even from another namespace)`, el);
    } else if (el.text.trim() !== '') this.fail(`<${el.local}> cannot contain text ("${el.text.trim().slice(0, 40)}")`, el);
    let { ns, datatypeLibrary } = scope;
    const nsAttribute = el.attributes.get('ns');
    if (nsAttribute !== undefined) ns = nsAttribute;
    const library = el.attributes.get('datatypeLibrary');
    if (library !== undefined) {
      const escaped = escapeDisallowed(library);
      if (escaped !== '' && (!isUriReference(escaped) || !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(escaped) || escaped.includes('#'))) {
        this.fail(`datatypeLibrary="${library}" must be an absolute URI without a fragment identifier (or empty)`, el);
      }
      datatypeLibrary = escaped;
    }
    return { ns, datatypeLibrary, loading: scope.loading };
  }

  private required(el: SchemaElement, name: string): string {
    const value = el.attributes.get(name);
    if (value === undefined) this.fail(`<${el.local}> needs a "${name}" attribute`, el);
    return value;
  }

  private ncName(el: SchemaElement, name: string): string {
    const value = this.required(el, name).trim();
    if (!isNcName(value)) this.fail(`${name}="${value}" on <${el.local}> must be an NCName (an XML name without a colon)`, el);
    return value;
  }

  private combine(el: SchemaElement): Combine {
    const value = el.attributes.get('combine');
    if (value === undefined) return undefined;
    const trimmed = value.trim();
    if (trimmed !== 'choice' && trimmed !== 'interleave') this.fail(`combine="${value}" must be "choice" or "interleave"`, el);
    return trimmed as Combine;
  }

  /** The patterns among an element's children (all of them must be patterns). */
  private patterns(el: SchemaElement, children: readonly SchemaElement[], scope: Scope, atLeastOne = true): PatternNode[] {
    if (atLeastOne && children.length === 0) this.fail(`<${el.local}> must contain at least one pattern`, el);
    return children.map((child) => this.pattern(child, scope));
  }

  pattern(el: SchemaElement, outer: Scope): PatternNode {
    if (!PATTERNS.has(el.local)) this.fail(`<${el.local}> is not a pattern${isKnown(el.local) ? ' and cannot be used here' : ' (not an element of RELAX NG)'}`, el);
    const scope = this.enter(el, outer);
    const at = el.at;
    switch (el.local) {
      case 'element': case 'attribute': {
        const isAttribute = el.local === 'attribute';
        let name: NameClassNode;
        let rest = el.children;
        const nameAttribute = el.attributes.get('name');
        if (nameAttribute !== undefined) {
          const ns = isAttribute ? (el.attributes.get('ns') ?? '') : scope.ns;
          name = this.qName(nameAttribute.trim(), ns, el);
        } else {
          if (rest.length === 0 || !NAME_CLASSES.has(rest[0].local)) this.fail(`<${el.local}> needs a name: a "name" attribute or a name class (name, anyName, nsName, choice) as its first child`, el);
          name = this.nameClass(rest[0], scope, false);
          rest = rest.slice(1);
        }
        if (isAttribute) {
          this.checkAttributeName(name);
          if (rest.length > 1) this.fail('<attribute> can contain only one pattern besides its name', el);
          return { kind: 'attribute', name, content: rest.length === 0 ? null : this.pattern(rest[0], scope), at };
        }
        return { kind: 'element', name, content: this.patterns(el, rest, scope), at };
      }
      case 'ref': case 'parentRef':
        this.noChildren(el);
        return { kind: el.local, name: this.ncName(el, 'name'), at };
      case 'empty': case 'text': case 'notAllowed':
        this.noChildren(el);
        return { kind: el.local, at };
      case 'value': return this.value(el, scope);
      case 'data': return this.data(el, scope);
      case 'externalRef': return this.externalRef(el, scope);
      case 'grammar': return { kind: 'grammar', content: this.grammarContent(el, el.children, scope, false), at };
      default:
        if (!CONTAINERS.has(el.local)) this.fail(`<${el.local}> is not a pattern`, el);
        return { kind: el.local as ContainerKind, content: this.patterns(el, el.children, scope), at };
    }
  }

  private noChildren(el: SchemaElement): void {
    if (el.children.length > 0) this.fail(`<${el.local}> cannot contain <${el.children[0].local}>`, el.children[0]);
  }

  private value(el: SchemaElement, scope: Scope): PatternNode {
    this.noChildren(el);
    const type = el.attributes.get('type');
    let library = scope.datatypeLibrary;
    let name = 'token';
    if (type === undefined) library = '';
    else {
      name = type.trim();
      if (!isNcName(name)) this.fail(`type="${type}" must be an NCName`, el);
    }
    const datatype = makeDatatype(library, name, []);
    if (typeof datatype === 'string') this.fail(datatype, el);
    const bindings = datatype.contextDependent ? el.namespaces : {};
    const context = { resolvePrefix: (prefix: string) => (prefix === '' ? scope.ns : prefix === 'xml' ? 'http://www.w3.org/XML/1998/namespace' : el.namespaces[prefix]) };
    const parsed = datatype.parse(el.text, context);
    if (parsed === undefined) {
      this.fail(`"${el.text}" is not a valid value of the datatype ${name}${datatype.check(el.text, context) ? `: it ${datatype.check(el.text, context)}` : ''}`, el);
    }
    return { kind: 'value', datatype, value: { lexical: el.text, ns: scope.ns, bindings, parsed }, at: el.at };
  }

  private data(el: SchemaElement, scope: Scope): PatternNode {
    const name = this.ncName(el, 'type');
    const params: Param[] = [];
    let except: PatternNode[] | null = null;
    el.children.forEach((child, i) => {
      if (child.local === 'param') {
        if (except) this.fail('<param> must come before <except> in <data>', child);
        this.enter(child, scope);
        this.noChildren(child);
        params.push({ name: this.ncName(child, 'name'), value: child.text });
      } else if (child.local === 'except') {
        if (i !== el.children.length - 1) this.fail('<except> must be the last child of <data>', child);
        const inner = this.enter(child, scope);
        except = this.patterns(child, child.children, inner);
      } else this.fail(`<data> can contain only <param> and <except>, not <${child.local}>`, child);
    });
    const datatype = makeDatatype(scope.datatypeLibrary, name, params);
    if (typeof datatype === 'string') this.fail(`the datatype ${name}${scope.datatypeLibrary === '' ? '' : ` of ${scope.datatypeLibrary}`} cannot be used: ${datatype}`, el);
    return { kind: 'data', datatype, except, at: el.at };
  }

  private href(el: SchemaElement, scope: Scope): URL {
    const href = escapeDisallowed(this.required(el, 'href'));
    if (href.includes('#')) this.fail(`href="${href}" must not have a fragment identifier`, el);
    if (!isUriReference(href)) this.fail(`href="${href}" is not a URI reference`, el);
    let url: URL;
    try {
      url = new URL(href, el.base);
    } catch {
      this.fail(`href="${href}" cannot be resolved against ${el.base}`, el);
    }
    if (scope.loading.includes(url.href)) this.fail(`${url.href} refers back to itself (through include or externalRef): the schema loops`, el);
    return url;
  }

  private externalRef(el: SchemaElement, scope: Scope): PatternNode {
    this.noChildren(el);
    const url = this.href(el, scope);
    const root = this.load(url, el.at);
    const ns = root.attributes.get('ns') ?? scope.ns;
    return this.pattern(root, { ns, datatypeLibrary: '', loading: [...scope.loading, url.href] });
  }

  private grammarContent(el: SchemaElement, children: readonly SchemaElement[], scope: Scope, inInclude: boolean): GrammarComponent[] {
    return children.map((child) => this.grammarComponent(child, scope, inInclude));
  }

  private grammarComponent(el: SchemaElement, outer: Scope, inInclude: boolean): GrammarComponent {
    const scope = this.enter(el, outer);
    const at = el.at;
    switch (el.local) {
      case 'start': {
        if (el.children.length !== 1) this.fail(`<start> must contain exactly one pattern (it has ${el.children.length})`, el);
        return { kind: 'start', combine: this.combine(el), content: this.pattern(el.children[0], scope), at };
      }
      case 'define':
        return { kind: 'define', name: this.ncName(el, 'name'), combine: this.combine(el), content: this.patterns(el, el.children, scope), at };
      case 'div':
        return { kind: 'div', content: this.grammarContent(el, el.children, scope, inInclude), at };
      case 'include':
        if (inInclude) this.fail('<include> cannot be inside <include>', el);
        return this.include(el, scope);
      default:
        this.fail(`<${el.local}> cannot be used in a grammar (only start, define, div and include can)`, el);
    }
  }

  /** An include as the div spec 4.7 makes of it: the included grammar, minus what the include overrides, then the include's own components. */
  private include(el: SchemaElement, scope: Scope): GrammarComponent {
    const url = this.href(el, scope);
    const root = this.load(url, el.at);
    if (root.local !== 'grammar') this.fail(`${url.href} is included, so its root must be <grammar>, not <${root.local}>`, el);
    const inner: Scope = { ns: root.attributes.get('ns') ?? scope.ns, datatypeLibrary: '', loading: [...scope.loading, url.href] };
    const included = this.grammarContent(root, root.children, this.enter(root, inner), false);
    const own = this.grammarContent(el, el.children, scope, true);
    const ownComponents = flatten(own);
    const overridesStart = ownComponents.some((c) => c.kind === 'start');
    const overridden = new Set(ownComponents.flatMap((c) => (c.kind === 'define' ? [c.name] : [])));
    const includedComponents = flatten(included);
    if (overridesStart && !includedComponents.some((c) => c.kind === 'start')) {
      this.fail(`this include replaces <start>, but ${url.href} has no <start> to replace`, el);
    }
    for (const name of overridden) {
      if (!includedComponents.some((c) => c.kind === 'define' && c.name === name)) {
        this.fail(`this include redefines "${name}", but ${url.href} has no definition of "${name}" to replace`, el);
      }
    }
    const kept = removeComponents(included, overridesStart, overridden);
    return { kind: 'div', content: [{ kind: 'div', content: kept, at: root.at }, ...own], at: el.at };
  }

  private nameClass(el: SchemaElement, outer: Scope, inExcept: false | 'anyName' | 'nsName'): NameClassNode {
    const scope = this.enter(el, outer);
    const at = el.at;
    switch (el.local) {
      case 'name':
        this.noChildren(el);
        return this.qName(el.text.trim(), scope.ns, el);
      case 'anyName': case 'nsName': {
        if (el.local === 'anyName' && inExcept) this.fail('<anyName> cannot be used inside the <except> of an anyName or nsName', el);
        if (el.local === 'nsName' && inExcept === 'nsName') this.fail('<nsName> cannot be used inside the <except> of an nsName', el);
        let except: NameClassNode | null = null;
        if (el.children.length > 1) this.fail(`<${el.local}> can contain only one <except>`, el.children[1]);
        if (el.children.length === 1) {
          const child = el.children[0];
          if (child.local !== 'except') this.fail(`<${el.local}> can contain only <except>, not <${child.local}>`, child);
          const inner = this.enter(child, scope);
          if (child.children.length === 0) this.fail('<except> must contain at least one name class', child);
          const items = child.children.map((c) => this.nameClass(c, inner, el.local as 'anyName' | 'nsName'));
          except = items.length === 1 ? items[0] : { kind: 'choice', items, at: child.at };
        }
        return el.local === 'anyName' ? { kind: 'anyName', except, at } : { kind: 'nsName', uri: scope.ns, except, at };
      }
      case 'choice': {
        if (el.children.length === 0) this.fail('<choice> of names must contain at least one name class', el);
        const items = el.children.map((c) => this.nameClass(c, scope, inExcept));
        return items.length === 1 ? items[0] : { kind: 'choice', items, at };
      }
      default:
        this.fail(`<${el.local}> is not a name class (name, anyName, nsName or choice)`, el);
    }
  }

  private qName(text: string, ns: string, el: SchemaElement): NameClassNode {
    const parts = splitQName(text);
    if (!parts) this.fail(`"${text}" is not a QName`, el);
    const [prefix, local] = parts;
    if (prefix === '') return { kind: 'name', uri: ns, local, at: el.at };
    const uri = prefix === 'xml' ? 'http://www.w3.org/XML/1998/namespace' : el.namespaces[prefix];
    if (uri === undefined) this.fail(`the prefix "${prefix}" of "${text}" is not declared`, el);
    return { kind: 'name', uri, local, at: el.at };
  }

  /** Spec 4.16: attribute names cannot be xmlns or in the xmlns namespace. */
  private checkAttributeName(nc: NameClassNode): void {
    switch (nc.kind) {
      case 'name':
        if (nc.uri === XMLNS_NAMESPACE) throw new IncorrectSchema(`an attribute cannot be in the namespace ${XMLNS_NAMESPACE}`, nc.at);
        if (nc.uri === '' && nc.local === 'xmlns') throw new IncorrectSchema('an attribute cannot be named "xmlns"', nc.at);
        break;
      case 'nsName':
        if (nc.uri === XMLNS_NAMESPACE) throw new IncorrectSchema(`an attribute cannot be in the namespace ${XMLNS_NAMESPACE}`, nc.at);
        if (nc.except) this.checkAttributeName(nc.except);
        break;
      case 'anyName': if (nc.except) this.checkAttributeName(nc.except); break;
      case 'choice': nc.items.forEach((item) => this.checkAttributeName(item)); break;
    }
  }
}

function isKnown(local: string): boolean {
  return PATTERNS.has(local) || ['start', 'define', 'div', 'include', 'param', 'except', 'name', 'anyName', 'nsName'].includes(local);
}

/** Every start and define of a grammar's content, through divs (its "components", spec 4.7). */
export function flatten(content: readonly GrammarComponent[]): GrammarComponent[] {
  return content.flatMap((c) => (c.kind === 'div' ? flatten(c.content) : [c]));
}

function removeComponents(content: readonly GrammarComponent[], start: boolean, defines: ReadonlySet<string>): GrammarComponent[] {
  return content.flatMap((c): GrammarComponent[] => {
    if (c.kind === 'div') return [{ ...c, content: removeComponents(c.content, start, defines) }];
    if (c.kind === 'start' && start) return [];
    if (c.kind === 'define' && defines.has(c.name)) return [];
    return [c];
  });
}

/** XLink 5.4: characters not allowed in URIs escaped as UTF-8 %HH. */
function escapeDisallowed(uri: string): string {
  let out = '';
  for (const c of uri) {
    const code = c.codePointAt(0)!;
    if (code <= 0x20 || code >= 0x7f || '<>"{}|\\^`'.includes(c)) {
      for (const byte of Buffer.from(c, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    } else out += c;
  }
  return out;
}

export { IncorrectSchema };
