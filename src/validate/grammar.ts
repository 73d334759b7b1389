/**
 * Layer 2: RELAX NG validation of one document with salve-annos. Receives
 * the element and text events of the well-formedness layer, fires them at a
 * grammar walker, and turns every grammar error (not only the first) into a
 * Diagnostic with line:column.
 */
import type { DefaultNameResolver, Grammar, GrammarWalker, ValidationError } from 'salve-annos';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { Position, XmlEvents, XmlStartTag } from '../xml/wellformed.js';
import { loadSalve } from './grammar-cache.js';

export const RNG_RULE = 'rng';

/** Element names in messages: TEI elements bare (`persName`), others as `{uri}name`. */
const QUIET_NAMESPACES = ['http://www.tei-c.org/ns/1.0'];

export class GrammarCheck implements XmlEvents {
  readonly diagnostics: Diagnostic[] = [];
  private readonly contexts: boolean[] = [];

  private constructor(
    private readonly file: string,
    private readonly walker: GrammarWalker<DefaultNameResolver>,
    private readonly resolver: DefaultNameResolver,
  ) {}

  /** A check of one document against `grammar`. */
  static async create(grammar: Grammar, file: string): Promise<GrammarCheck> {
    const salve = await loadSalve();
    const resolver = new salve.DefaultNameResolver();
    return new GrammarCheck(file, grammar.newWalker(resolver, true), resolver);
  }

  startElement(tag: XmlStartTag, at: Position): void {
    const declares = Object.keys(tag.namespaces).length > 0;
    if (declares) this.resolver.enterContextWithMapping(tag.namespaces);
    this.contexts.push(declares);
    this.fire('enterStartTag', [tag.uri, tag.local], at);
    for (const attribute of tag.attributes) {
      this.fire('attributeName', [attribute.uri, attribute.local], at);
      this.fire('attributeValue', [attribute.value], at);
    }
    this.fire('leaveStartTag', [], at);
  }

  endElement(uri: string, local: string, at: Position): void {
    this.fire('endTag', [uri, local], at);
    if (this.contexts.pop()) this.resolver.leaveContext();
  }

  text(text: string, at: Position): void {
    this.fire('text', [text], at);
  }

  end(at: Position): void {
    const result = this.walker.end();
    if (result) this.report(result, at);
  }

  private fire(name: string, params: string[], at: Position): void {
    const result = this.walker.fireEvent(name, params);
    if (result) this.report(result, at);
  }

  private report(errors: readonly ValidationError[], at: Position): void {
    for (const error of errors) {
      this.diagnostics.push(diagnostic('error', RNG_RULE, describe(error), { file: this.file, line: at.line, column: at.column }));
    }
  }
}

function describe(error: ValidationError): string {
  return error.toStringWithNames(error.getNames().map(nameText));
}

/** A salve name pattern as an editor reads it: `persName`, `{uri}name`, `a or b`. */
function nameText(pattern: unknown): string {
  const p = pattern as { ns?: string; name?: string; a?: unknown; b?: unknown; except?: unknown };
  if (typeof p.name === 'string' && typeof p.ns === 'string') {
    return p.ns === '' || QUIET_NAMESPACES.includes(p.ns) ? p.name : `{${p.ns}}${p.name}`;
  }
  if (p.a !== undefined && p.b !== undefined) return `${nameText(p.a)} or ${nameText(p.b)}`;
  const except = p.except ? ` except ${nameText(p.except)}` : '';
  if (typeof p.ns === 'string') return `any name in {${p.ns}}${except}`;
  return `any name${except}`;
}
