/**
 * Validating one document against a grammar, event by event: start tags
 * (split into opening, attributes and closing), text and end tags move a
 * state (a pattern) by memoised derivatives. After an error the validator
 * recovers as jing's PatternMatcher does (skipping what was required, taking
 * a misplaced element as the element of that name elsewhere in the schema,
 * abandoning an element's content), so that every error of the document is
 * reported, once, with what was expected there.
 */
import { isBlank, XML_NAMESPACE, type ValueContext } from './datatypes/datatype.js';
import type { Derivatives } from './derivatives.js';
import { dataFailure, orList, possibleAttributeNames, possibleStartTagNames, requiredNames } from './expectations.js';
import { IdChecker, type IdTypeTable } from './ids.js';
import { expandedName, summariseNames, type ExpandedName } from './names.js';
import { ATTRIBUTE, CT_DATA, CT_MIXED, ELEMENT, type Pattern } from './patterns.js';

/** A compiled schema, ready to validate documents. */
export interface Grammar {
  readonly start: Pattern;
  readonly derivatives: Derivatives;
  readonly idTypes: IdTypeTable | undefined;
}

/** Where an event happened in the document. */
export interface Place {
  readonly line: number;
  readonly column: number;
}

export interface ValidationError {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

export interface StartTagAttribute {
  readonly uri: string;
  readonly local: string;
  /** As written (`xml:id`), for messages. */
  readonly name?: string;
  readonly value: string;
}

/** Names listed in full in an "expected" list; beyond this the list is cut. */
const EXPECTED_NAMES_SHOWN = 12;

export class DocumentValidator {
  readonly errors: ValidationError[] = [];
  private state: Pattern;
  private hadError = false;
  /** The next attribute value or end tag was already dealt with (an unknown attribute; typed text). */
  private skipNext = false;
  private textTyped = false;
  private buffering = false;
  private buffer = '';
  private bufferAt: Place = { line: 1, column: 1 };
  private readonly derivatives: Derivatives;
  /** Open elements' names as written, for messages about them. */
  private readonly names: string[] = [];
  /** Namespace declarations of open elements (null: none declared there). */
  private readonly scopes: (Readonly<Record<string, string>> | null)[] = [];
  private readonly ids: IdChecker | undefined;
  private place: Place = { line: 1, column: 1 };
  private readonly context: ValueContext = { resolvePrefix: (prefix) => this.resolvePrefix(prefix) };

  constructor(grammar: Grammar) {
    this.derivatives = grammar.derivatives;
    this.state = grammar.start;
    this.ids = grammar.idTypes ? new IdChecker(grammar.idTypes) : undefined;
    if (this.state.notAllowed) this.error('the schema allows nothing (its start pattern is notAllowed), so no document is valid against it');
  }

  startElement(uri: string, local: string, qName: string | undefined, attributes: readonly StartTagAttribute[], namespaces: Readonly<Record<string, string>> | null, at: Place): void {
    if (this.buffering) {
      this.buffering = false;
      this.untypedText(this.buffer, this.bufferAt);
    }
    this.place = at;
    this.scopes.push(namespaces);
    const name = expandedName(uri, local);
    const written = qName ?? local;
    this.names.push(written);
    this.startTagOpen(name, written);
    for (const attribute of attributes) {
      const attributeName = expandedName(attribute.uri, attribute.local);
      const attributeWritten = attribute.name ?? this.attributeName(attributeName);
      this.attributeNamed(attributeName, attributeWritten);
      this.attributeValue(attribute.value, attributeWritten);
      this.ids?.attribute(name, attributeName, attribute.value, at.line, at.column);
    }
    this.startTagClose(written);
    if (this.textTyped) {
      this.buffering = true;
      this.buffer = '';
    }
  }

  text(text: string, at: Place): void {
    if (this.buffering) {
      if (this.buffer === '') this.bufferAt = at;
      this.buffer += text;
      return;
    }
    if (!isBlank(text)) {
      this.place = at;
      this.mixedText();
    }
  }

  endElement(at: Place): void {
    const written = this.names.pop() ?? '';
    if (this.buffering) {
      this.buffering = false;
      if (this.buffer !== '') {
        this.place = this.bufferAt;
        if (this.textTyped) {
          this.skipNext = true;
          this.typedText(this.buffer, written);
        } else this.untypedText(this.buffer, this.bufferAt);
      }
    }
    this.place = at;
    this.endTag(written);
    this.scopes.pop();
  }

  end(): void {
    if (this.ids) {
      this.ids.end();
      for (const problem of this.ids.problems) this.errors.push(problem);
    }
  }

  // ---- the matcher: each step moves the state, or reports and recovers ----

  /** Errors are not reported while the state is lost after an earlier error. */
  private ignoring(): boolean {
    return this.hadError && this.state.notAllowed;
  }

  private error(message: string): void {
    if (this.ignoring()) return;
    this.hadError = true;
    this.errors.push({ message, line: this.place.line, column: this.place.column });
  }

  private startTagOpen(name: ExpandedName, written: string): void {
    const d = this.derivatives;
    const next = d.startTagOpen(this.state, name);
    if (!next.notAllowed) {
      this.state = next;
      return;
    }
    let recovered = d.startTagOpenRecover(this.state, name);
    if (!this.ignoring()) {
      if (!recovered.notAllowed) {
        const missing = requiredNames(this.state, ELEMENT);
        this.error(missing.length > 0
          ? `element "${written}" not allowed yet; missing required element${missing.length > 1 ? 's' : ''} ${this.nameList(missing, 'element', 'and')}`
          : `element "${written}" not allowed yet${this.expectedContent()}`);
      } else {
        recovered = d.builder.after(d.findElement(name), this.state);
        this.error(`element "${written}" not allowed ${recovered.notAllowed ? 'anywhere' : 'here'}${this.expectedContent()}`);
      }
    } else if (recovered.notAllowed) {
      recovered = d.builder.after(d.findElement(name), this.state);
    }
    this.state = recovered;
  }

  private attributeNamed(name: ExpandedName, written: string): void {
    const next = this.derivatives.startAttribute(this.state, name);
    if (!next.notAllowed) {
      this.state = next;
      return;
    }
    this.skipNext = true;
    if (this.ignoring()) return;
    const possible = possibleAttributeNames(this.state);
    if (possible.length === 0) this.error(`found attribute "${written}", but no attributes are allowed here`);
    else this.error(`attribute "${written}" not allowed here${this.expectedAttributes(possible)}`);
  }

  private attributeValue(value: string, written: string): void {
    if (this.skipNext) {
      this.skipNext = false;
      return;
    }
    const d = this.derivatives;
    const next = d.dataDeriv(this.state, value, this.context);
    if (!next.notAllowed) {
      this.state = next;
      return;
    }
    if (!this.ignoring()) this.error(`value of attribute "${written}" is invalid; ${dataFailure(this.state, value, this.context, d, this.quote(value))}`);
    this.state = d.recoverAfter(this.state);
  }

  private startTagClose(written: string): void {
    const d = this.derivatives;
    const next = d.endAttributes(this.state);
    if (!next.notAllowed) this.state = next;
    else {
      if (!this.ignoring()) {
        const missing = requiredNames(this.state, ATTRIBUTE);
        this.error(missing.length > 0
          ? `element "${written}" missing required attribute${missing.length > 1 ? 's' : ''} ${this.nameList(missing, 'attribute', 'and')}`
          : `element "${written}" missing one or more required attributes${this.expectedAttributes(possibleAttributeNames(this.state))}`);
      }
      this.state = d.ignoreMissingAttributes(this.state);
    }
    this.textTyped = this.state.contentType === CT_DATA;
  }

  private untypedText(text: string, at: Place): void {
    if (isBlank(text)) return;
    this.place = at;
    this.mixedText();
  }

  private mixedText(): void {
    const next = this.derivatives.mixedText(this.state);
    if (!next.notAllowed) this.state = next;
    else this.error(`text not allowed here${this.expectedContent()}`);
  }

  /** An element's whole text, matched as data (its content is a datatype or values). */
  private typedText(text: string, written: string): void {
    const d = this.derivatives;
    this.textTyped = false;
    const textOnly = d.textOnly(this.state);
    const next = d.dataDeriv(textOnly, text, this.context);
    if (!next.notAllowed) {
      this.state = next;
      return;
    }
    const recovered = d.recoverAfter(this.state);
    if (!this.ignoring() && (!recovered.notAllowed || d.dataDeriv(d.emptyAfter(textOnly), text, this.context).notAllowed)) {
      if (isBlank(text) && possibleStartTagNames(this.state).length > 0) this.error(`empty content for element "${written}" not allowed${this.expectedContent()}`);
      else this.error(`character content of element "${written}" invalid; ${dataFailure(textOnly, text, this.context, d, text === '' ? 'empty content' : this.quote(text))}`);
    }
    this.state = recovered;
  }

  private endTag(written: string): void {
    if (this.skipNext) {
      this.skipNext = false;
      return;
    }
    if (this.textTyped) {
      this.typedText('', written);
      return;
    }
    const d = this.derivatives;
    const next = d.endTag(this.state);
    if (!next.notAllowed) {
      this.state = next;
      return;
    }
    const recovered = d.recoverAfter(this.state);
    // A derivative can be notAllowed only because the parent's is: then the error is not this element's.
    if (!this.ignoring() && (!recovered.notAllowed || d.endTag(d.emptyAfter(this.state)).notAllowed)) {
      const missing = requiredNames(this.state, ELEMENT);
      this.error(missing.length > 0
        ? `element "${written}" incomplete; missing required element${missing.length > 1 ? 's' : ''} ${this.nameList(missing, 'element', 'and')}`
        : `element "${written}" incomplete${this.expectedContent()}`);
    }
    this.state = recovered;
  }

  // ---- messages -------------------------------------------------------------

  private expectedContent(): string {
    const d = this.derivatives;
    const expected: string[] = [];
    if (!d.endTag(this.state).notAllowed) expected.push('the element end-tag');
    const contentType = d.emptyAfter(this.state).contentType;
    if (contentType === CT_MIXED && !d.mixedText(this.state).notAllowed) expected.push('text');
    else if (contentType === CT_DATA) expected.push('data');
    const { names, wildcard } = summariseNames(possibleStartTagNames(this.state));
    if (names.length > 0) {
      expected.push(`element ${this.nameList(names, 'element', 'or')}`);
      if (wildcard) expected.push('an element from another namespace');
    } else if (wildcard) expected.push('an element');
    return expected.length === 0 ? '' : `; expected ${orList(expected)}`;
  }

  private expectedAttributes(possible: ReturnType<typeof possibleAttributeNames>): string {
    const { names, wildcard } = summariseNames(possible);
    if (names.length === 0) return wildcard ? '; expected an attribute from another namespace' : '';
    return `; expected attribute ${this.nameList(names, 'attribute', 'or')}${wildcard ? ' or an attribute from another namespace' : ''}`;
  }

  private nameList(names: readonly ExpandedName[], kind: 'element' | 'attribute', conjunction: string): string {
    const written = names.map((n) => `"${kind === 'element' ? this.elementName(n) : this.attributeName(n)}"`).sort();
    if (written.length > EXPECTED_NAMES_SHOWN) {
      const shown = written.slice(0, EXPECTED_NAMES_SHOWN);
      return `${shown.join(', ')}, … (${written.length - EXPECTED_NAMES_SHOWN} more)`;
    }
    return orList(written, conjunction);
  }

  /** An element name as this document would write it here. */
  private elementName(name: ExpandedName): string {
    if (name.uri === (this.resolvePrefix('') ?? '')) return name.local;
    const prefix = this.prefixOf(name.uri);
    return prefix ? `${prefix}:${name.local}` : `{${name.uri}}${name.local}`;
  }

  private attributeName(name: ExpandedName): string {
    if (name.uri === '') return name.local;
    if (name.uri === XML_NAMESPACE) return `xml:${name.local}`;
    const prefix = this.prefixOf(name.uri);
    return prefix ? `${prefix}:${name.local}` : `{${name.uri}}${name.local}`;
  }

  private prefixOf(uri: string): string | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const scope = this.scopes[i];
      if (!scope) continue;
      for (const prefix in scope) if (prefix !== '' && scope[prefix] === uri && this.resolvePrefix(prefix) === uri) return prefix;
    }
    return undefined;
  }

  private resolvePrefix(prefix: string): string | undefined {
    if (prefix === 'xml') return XML_NAMESPACE;
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const scope = this.scopes[i];
      if (scope && Object.hasOwn(scope, prefix)) return scope[prefix];
    }
    return prefix === '' ? '' : undefined;
  }

  private quote(text: string): string {
    const shown = text.length > 60 ? `${text.slice(0, 57)}…` : text;
    return JSON.stringify(shown);
  }
}
