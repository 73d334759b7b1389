/**
 * From the full syntax to the simple form (spec 4.12–4.21): definitions
 * combined (`combine`), nested grammars and `parentRef` resolved, references
 * expanded (a reference loop that passes through no element is an error),
 * and the result built as interned patterns, which also does the
 * notAllowed and empty simplifications. Only what the start pattern reaches
 * is built; every reference anywhere must still name a definition.
 */
import { nameClass, type NameClass } from './names.js';
import { PatternBuilder, type Pattern } from './patterns.js';
import { IncorrectSchema, type SchemaLocation } from './schema-error.js';
import { flatten, type Combine, type GrammarNode, type NameClassNode, type PatternNode } from './syntax.js';

/** A schema in simple form: its start pattern, built by one builder. */
export interface SimpleGrammar {
  readonly builder: PatternBuilder;
  readonly start: Pattern;
  /** Where element, attribute, list and data patterns were written (for schema error messages). */
  readonly locations: Map<Pattern, SchemaLocation>;
}

interface Definition {
  readonly name: string;
  readonly scope: GrammarScope;
  readonly bodies: { content: PatternNode; at: SchemaLocation; combine: Combine }[];
  pattern?: Pattern;
  building?: boolean;
}

class GrammarScope {
  readonly defines = new Map<string, Definition>();
  readonly start: Definition = { name: 'start', scope: this, bodies: [] };

  constructor(readonly node: GrammarNode, readonly parent: GrammarScope | undefined) {}
}

export function simplify(top: PatternNode): SimpleGrammar {
  return new Simplifier().run(top);
}

class Simplifier {
  private readonly builder = new PatternBuilder();
  private readonly scopes = new Map<GrammarNode, GrammarScope>();
  private readonly locations = new Map<Pattern, SchemaLocation>();
  private readonly pendingElements: { element: Pattern; content: readonly PatternNode[]; scope: GrammarScope | undefined }[] = [];

  run(top: PatternNode): SimpleGrammar {
    const grammar: GrammarNode = top.kind === 'grammar' ? top : { kind: 'grammar', content: [{ kind: 'start', combine: undefined, content: top, at: top.at }], at: top.at };
    const scope = this.collect(grammar, undefined);
    const start = this.definition(scope.start, undefined);
    while (this.pendingElements.length > 0) {
      const { element, content, scope: elementScope } = this.pendingElements.pop()!;
      element.p1 = this.sequence('group', content, elementScope);
    }
    return { builder: this.builder, start, locations: this.locations };
  }

  /** Spec 4.17–4.18 for one grammar and every grammar nested in it, reachable or not: definitions gathered and checked, references checked. */
  private collect(node: GrammarNode, parent: GrammarScope | undefined): GrammarScope {
    const scope = new GrammarScope(node, parent);
    this.scopes.set(node, scope);
    for (const component of flatten(node.content)) {
      if (component.kind === 'start') {
        scope.start.bodies.push({ content: component.content, at: component.at, combine: component.combine });
      } else if (component.kind === 'define') {
        let definition = scope.defines.get(component.name);
        if (!definition) scope.defines.set(component.name, (definition = { name: component.name, scope, bodies: [] }));
        const content = component.content.length === 1 ? component.content[0] : { kind: 'group' as const, content: component.content, at: component.at };
        definition.bodies.push({ content, at: component.at, combine: component.combine });
      }
    }
    if (scope.start.bodies.length === 0) throw new IncorrectSchema('the grammar has no <start>', node.at);
    checkCombine(scope.start, 'start');
    for (const definition of scope.defines.values()) checkCombine(definition, `the definition "${definition.name}"`);
    for (const definition of [scope.start, ...scope.defines.values()]) {
      for (const body of definition.bodies) this.checkReferences(body.content, scope);
    }
    return scope;
  }

  private checkReferences(node: PatternNode, scope: GrammarScope): void {
    switch (node.kind) {
      case 'ref':
        if (!scope.defines.has(node.name)) throw new IncorrectSchema(`<ref name="${node.name}"/> refers to no definition: the grammar has no <define name="${node.name}">`, node.at);
        break;
      case 'parentRef':
        if (!scope.parent) throw new IncorrectSchema(`<parentRef name="${node.name}"/> is not inside a nested grammar`, node.at);
        if (!scope.parent.defines.has(node.name)) throw new IncorrectSchema(`<parentRef name="${node.name}"/> refers to no definition of the parent grammar`, node.at);
        break;
      case 'grammar': this.collect(node, scope); break;
      case 'element': node.content.forEach((c) => this.checkReferences(c, scope)); break;
      case 'attribute': if (node.content) this.checkReferences(node.content, scope); break;
      case 'data': node.except?.forEach((c) => this.checkReferences(c, scope)); break;
      case 'group': case 'interleave': case 'choice': case 'optional': case 'zeroOrMore': case 'oneOrMore': case 'list': case 'mixed':
        node.content.forEach((c) => this.checkReferences(c, scope));
        break;
    }
  }

  /** The pattern of a definition (its bodies combined), built once; a loop back into it before any element is an error (4.19). */
  private definition(definition: Definition, reference: PatternNode | undefined): Pattern {
    if (definition.pattern) return definition.pattern;
    if (definition.building) {
      throw new IncorrectSchema(`the definition "${definition.name}" refers to itself without an element in between (a reference loop)`, reference?.at ?? definition.bodies[0].at);
    }
    definition.building = true;
    const scope = definition.scope;
    const patterns = definition.bodies.map((body) => this.build(body.content, scope));
    const combine = definition.bodies.find((b) => b.combine)?.combine;
    let pattern = patterns[0];
    if (combine === 'interleave') for (const next of patterns.slice(1)) pattern = this.builder.interleave(pattern, next);
    else if (patterns.length > 1) pattern = this.builder.choiceOf(patterns);
    definition.pattern = pattern;
    definition.building = false;
    return pattern;
  }

  private build(node: PatternNode, scope: GrammarScope | undefined): Pattern {
    const b = this.builder;
    switch (node.kind) {
      case 'element': {
        const element = b.element(toNameClass(node.name));
        this.locations.set(element, node.at);
        this.pendingElements.push({ element, content: node.content, scope });
        return element;
      }
      case 'attribute': {
        const pattern = b.attribute(toNameClass(node.name), node.content ? this.build(node.content, scope) : b.text);
        if (!this.locations.has(pattern)) this.locations.set(pattern, node.at);
        return pattern;
      }
      case 'group': case 'interleave': case 'choice': return this.sequence(node.kind, node.content, scope);
      case 'optional': return b.optional(this.sequence('group', node.content, scope));
      case 'zeroOrMore': return b.optional(b.oneOrMore(this.sequence('group', node.content, scope)));
      case 'oneOrMore': return b.oneOrMore(this.sequence('group', node.content, scope));
      case 'mixed': return b.interleave(this.sequence('group', node.content, scope), b.text);
      case 'list': {
        const pattern = b.list(this.sequence('group', node.content, scope));
        if (!this.locations.has(pattern)) this.locations.set(pattern, node.at);
        return pattern;
      }
      case 'ref': return this.definition(scope!.defines.get(node.name)!, node);
      case 'parentRef': return this.definition(scope!.parent!.defines.get(node.name)!, node);
      case 'empty': return b.empty;
      case 'text': return b.text;
      case 'notAllowed': return b.notAllowed;
      case 'value': return b.value(node.datatype, node.value);
      case 'data': {
        const pattern = b.data(node.datatype, node.except ? this.sequence('choice', node.except, scope) : null);
        if (!this.locations.has(pattern)) this.locations.set(pattern, node.at);
        return pattern;
      }
      case 'grammar': return this.definition(this.scopes.get(node)!.start, node);
    }
  }

  /** Children combined two by two from the left, as spec 4.12 nests them (a choice at once: it is flattened anyway). */
  private sequence(kind: 'group' | 'interleave' | 'choice', content: readonly PatternNode[], scope: GrammarScope | undefined): Pattern {
    const b = this.builder;
    if (kind === 'choice') return content.length === 1 ? this.build(content[0], scope) : b.choiceOf(content.map((node) => this.build(node, scope)));
    let pattern = this.build(content[0], scope);
    for (const node of content.slice(1)) {
      const next = this.build(node, scope);
      pattern = kind === 'group' ? b.group(pattern, next) : kind === 'interleave' ? b.interleave(pattern, next) : b.choice(pattern, next);
    }
    return pattern;
  }
}

/** Spec 4.17: at most one body without `combine`, and one `combine` method for the rest. */
function checkCombine(definition: Definition, what: string): void {
  const plain = definition.bodies.filter((b) => b.combine === undefined);
  if (plain.length > 1) throw new IncorrectSchema(`${what} is given more than once without a "combine" attribute`, plain[1].at);
  const methods = definition.bodies.filter((b) => b.combine !== undefined);
  const conflicting = methods.find((b) => b.combine !== methods[0].combine);
  if (conflicting) throw new IncorrectSchema(`${what} is combined both by "choice" and by "interleave"`, conflicting.at);
}

export function toNameClass(node: NameClassNode): NameClass {
  switch (node.kind) {
    case 'name': return nameClass.name(node.uri, node.local);
    case 'anyName': return nameClass.anyName(node.except ? toNameClass(node.except) : null);
    case 'nsName': return nameClass.nsName(node.uri, node.except ? toNameClass(node.except) : null);
    case 'choice': return node.items.map(toNameClass).reduce((a, b) => nameClass.choice(a, b));
  }
}
