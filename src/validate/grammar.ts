/**
 * Layer 2: RELAX NG validation of one document with samizdat's engine
 * (`relaxng/`). Receives the element and text events of the
 * well-formedness layer and reports every grammar error (not only the
 * first) as a Diagnostic with line:column.
 */
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { Position, XmlEvents, XmlStartTag } from '../xml/wellformed.js';
import { DocumentValidator, type Grammar } from './relaxng/index.js';

export const RNG_RULE = 'rng';

export class GrammarCheck implements XmlEvents {
  private readonly validator: DocumentValidator;

  constructor(grammar: Grammar, private readonly file: string) {
    this.validator = new DocumentValidator(grammar);
  }

  /** Every grammar error found so far, in the order found. */
  get diagnostics(): Diagnostic[] {
    return this.validator.errors.map((e) => diagnostic('error', RNG_RULE, e.message, { file: this.file, line: e.line, column: e.column }));
  }

  startElement(tag: XmlStartTag, at: Position): void {
    this.validator.startElement(tag.uri, tag.local, tag.name, tag.attributes, tag.namespaces, at);
  }

  endElement(_uri: string, _local: string, at: Position): void {
    this.validator.endElement(at);
  }

  text(text: string, at: Position): void {
    this.validator.text(text, at);
  }

  end(): void {
    this.validator.end();
  }
}
