/**
 * Well-formedness (XML 1.0 + namespaces) with samizdat's scanner
 * (scanner.ts), fed text chunk by chunk. Reports the first fatal error with
 * its line:column, applies the DOCTYPE safety rules and the reading limits
 * (depth, entity expansion), and passes the document on as element/text
 * events to whoever checks it next (the grammar layer), with positions: one
 * pass for all of it.
 */
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { checkDoctype } from './doctype.js';
import { LIMIT_FLAGS, readingLimits, type ReadingLimits } from './limits.js';
import { XmlScanner, type ScanHandler, type ScannedTag } from './scanner.js';

export interface Position {
  line: number;
  column: number;
}

export interface XmlAttribute {
  uri: string;
  local: string;
  /** As written, with its prefix (`xml:id`). */
  name: string;
  value: string;
}

export interface XmlStartTag {
  uri: string;
  local: string;
  /** As written, with its prefix (`tei:div`). */
  name: string;
  /** Attributes other than namespace declarations. */
  attributes: XmlAttribute[];
  /** Namespace declarations on this element: prefix ('' for the default) → URI; null when it declares none. */
  namespaces: Record<string, string> | null;
}

/** What the next layer receives. Text is merged across comments and CDATA, as RELAX NG sees it. */
export interface XmlEvents {
  startElement(tag: XmlStartTag, at: Position): void;
  endElement(uri: string, local: string, at: Position): void;
  text(text: string, at: Position): void;
  end(at: Position): void;
}

/** Thrown through the scanner to stop parsing at the first fatal error. */
const STOP = Symbol('stop parsing');

export class WellFormednessCheck implements ScanHandler {
  /** The first fatal error, once there is one; nothing after it is reported. */
  problem: Diagnostic | undefined;
  private readonly scanner: XmlScanner;
  private pendingText = '';
  private pendingAt: Position = { line: 1, column: 1 };
  private depth = 0;
  /** The deepest nesting seen so far (the root element is level 1). */
  deepest = 0;
  /** Characters the document's entity references have expanded to so far. */
  private expanded = 0;
  private entities: Record<string, string> = {};
  private readonly limits: ReadingLimits;

  constructor(private readonly file: string, private readonly events?: XmlEvents, limits?: Partial<ReadingLimits>) {
    this.limits = readingLimits(limits);
    this.scanner = new XmlScanner(this);
  }

  doctype(doctype: string, line: number, column: number): void {
    const verdict = checkDoctype(doctype, this.limits.maxEntityExpansion);
    if (!verdict.ok) return this.fail(verdict.ruleId, verdict.message, withinDoctype(doctype, verdict.offset ?? 0, line, column));
    this.entities = verdict.entities;
  }

  /** The value of an entity a reference asks for, once its expansion is counted against the limit. */
  entity(name: string, line: number, column: number): string | undefined {
    if (!Object.hasOwn(this.entities, name)) return undefined;
    const value = this.entities[name];
    this.expanded += value.length;
    if (this.expanded > this.limits.maxEntityExpansion) {
      this.fail('xml-entity-expansion', `the entity references (&${name}; and others) expand to more than ${this.limits.maxEntityExpansion} characters in all (an entity-expansion, "billion laughs", attack?); rejected. Raise the limit with ${LIMIT_FLAGS.maxEntityExpansion} if the entities are real.`, { line, column });
    }
    return value;
  }

  startTag(tag: ScannedTag, line: number, column: number): void {
    const at = { line, column };
    this.flushText();
    if (++this.depth > this.limits.maxDepth) {
      return this.fail('xml-depth', `elements are nested more than ${this.limits.maxDepth} levels deep; samizdat refuses deeper documents (a denial-of-service input?). Raise the limit with ${LIMIT_FLAGS.maxDepth} if the nesting is real.`, at);
    }
    if (this.depth > this.deepest) this.deepest = this.depth;
    this.events?.startElement(tag, at);
  }

  endTag(tag: ScannedTag, line: number, column: number): void {
    this.flushText();
    this.depth--;
    this.events?.endElement(tag.uri, tag.local, { line, column });
  }

  text(text: string, line: number, column: number): void {
    if (this.pendingText === '') this.pendingAt = { line, column };
    this.pendingText += text;
  }

  markup(): void {
    // Comments and processing instructions only separate text, which stays one piece across them.
  }

  error(message: string, line: number, column: number): never {
    return this.fail('xml-wellformed', message, { line, column });
  }

  end(line: number, column: number): void {
    this.events?.end({ line, column });
  }

  /** Feeds the next piece of decoded text. */
  write(text: string): void {
    if (this.problem) return;
    try {
      this.scanner.write(text);
    } catch (err) {
      if (err !== STOP) throw err;
    }
  }

  /** Ends the document; returns the first fatal error, if any. */
  close(): Diagnostic | undefined {
    try {
      if (!this.problem) this.scanner.close();
    } catch (err) {
      if (err !== STOP) throw err;
    }
    return this.problem;
  }

  private flushText(): void {
    if (this.pendingText !== '') {
      this.events?.text(this.pendingText, this.pendingAt);
      this.pendingText = '';
    }
  }

  private fail(ruleId: string, message: string, where: Position): never {
    this.problem ??= diagnostic('error', ruleId, `${ruleId === 'xml-wellformed' ? 'not well-formed: ' : ''}${message}`, { file: this.file, ...where });
    throw STOP; // out of the scanner: nothing after the first fatal error is parsed
  }
}

/** Where character `offset` of a DOCTYPE's text (what follows `<!DOCTYPE`) is, the DOCTYPE starting at line:column. */
function withinDoctype(doctype: string, offset: number, line: number, column: number): Position {
  const before = `<!DOCTYPE${doctype.slice(0, offset)}`;
  const newlines = before.split('\n').length - 1;
  if (newlines === 0) return { line, column: column + before.length };
  return { line: line + newlines, column: before.length - before.lastIndexOf('\n') };
}
