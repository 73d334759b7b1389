/**
 * Well-formedness (XML 1.0 + namespaces) with saxes, fed text chunk by chunk.
 * Reports the first fatal error with its line:column, applies the DOCTYPE
 * safety rules, and passes the document on as element/text events to
 * whoever checks it next (the grammar layer), with positions.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { checkDoctype } from './doctype.js';
import { LIMIT_FLAGS, readingLimits, type ReadingLimits } from './limits.js';

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

/** Thrown through saxes to stop parsing at the first fatal error. */
const STOP = Symbol('stop parsing');

/**
 * saxes' parser with its handler fields declared. Handlers set with `on()`
 * are properties added one by one to a constructed object, which turns the
 * parser into a slow dictionary-mode object in V8; declared in a subclass,
 * they are ordinary fields and every event is a fast property call. (saxes'
 * typings mark the fields private; the cast only hides that.)
 */
type SaxesOptionsNS = { xmlns: true; position: true };
const PublicSaxes = SaxesParser as unknown as new (options: SaxesOptionsNS) => Omit<SaxesParser<SaxesOptionsNS>, never>;
const ignore = (): void => undefined;

class ReadingParser extends PublicSaxes {
  xmldeclHandler = undefined;
  readyHandler = undefined;
  attributeHandler = undefined;
  errorHandler: (err: Error) => void = ignore;
  doctypeHandler: (doctype: string) => void = ignore;
  openTagStartHandler: (tag: { name: string }) => void = ignore;
  openTagHandler: (tag: SaxesTagNS) => void = ignore;
  closeTagHandler: (tag: SaxesTagNS) => void = ignore;
  textHandler: (text: string) => void = ignore;
  cdataHandler: (text: string) => void = ignore;
  commentHandler: () => void = ignore;
  piHandler: () => void = ignore;
  endHandler: () => void = ignore;

  constructor() {
    super({ xmlns: true, position: true });
  }
}

export class WellFormednessCheck {
  /** The first fatal error, once there is one; nothing after it is reported. */
  problem: Diagnostic | undefined;
  private readonly parser: ReadingParser;
  private pendingText = '';
  private pendingAt: Position = { line: 1, column: 1 };
  private afterMarkup: Position = { line: 1, column: 1 };
  private depth = 0;
  /** The deepest nesting seen so far (the root element is level 1). */
  deepest = 0;
  /** Characters the document's entity references have expanded to so far. */
  private expanded = 0;
  private readonly limits: ReadingLimits;

  constructor(private readonly file: string, private readonly events?: XmlEvents, limits?: Partial<ReadingLimits>) {
    this.limits = readingLimits(limits);
    const parser = (this.parser = new ReadingParser());
    parser.errorHandler = (err) => this.fail('xml-wellformed', err.message);
    parser.doctypeHandler = (doctype) => {
      const verdict = checkDoctype(doctype, this.limits.maxEntityExpansion);
      if (!verdict.ok) return this.fail(verdict.ruleId, verdict.message, this.withinDoctype(doctype, verdict.offset ?? 0));
      // Each reference counts its expansion against the document's limit as saxes resolves it.
      for (const [name, value] of Object.entries(verdict.entities)) {
        Object.defineProperty(parser.ENTITIES, name, { enumerable: true, get: () => this.expand(name, value) });
      }
    };
    parser.openTagStartHandler = (tag) => {
      this.afterMarkup = { line: parser.line, column: Math.max(1, parser.column - tag.name.length) };
    };
    parser.openTagHandler = (tag: SaxesTagNS) => {
      if (this.problem) return;
      const at = this.afterMarkup;
      this.flushText();
      if (++this.depth > this.limits.maxDepth) {
        return this.fail('xml-depth', `elements are nested more than ${this.limits.maxDepth} levels deep; samizdat refuses deeper documents (a denial-of-service input?). Raise the limit with ${LIMIT_FLAGS.maxDepth} if the nesting is real.`, at);
      }
      if (this.depth > this.deepest) this.deepest = this.depth;
      // saxes' attribute objects have the fields XmlAttribute names: passed on as they are.
      const attributes: XmlAttribute[] = [];
      let namespaces: Record<string, string> | null = null;
      const all = tag.attributes;
      for (const name in all) {
        const attribute = all[name];
        if (name === 'xmlns') (namespaces ??= {})[''] = attribute.value;
        else if (attribute.prefix === 'xmlns') (namespaces ??= {})[attribute.local] = attribute.value;
        else attributes.push(attribute);
      }
      this.events?.startElement({ uri: tag.uri, local: tag.local, name: tag.name, attributes, namespaces }, at);
      this.afterMarkup = this.here();
    };
    parser.closeTagHandler = (tag: SaxesTagNS) => {
      if (this.problem) return;
      this.flushText();
      this.depth--;
      this.events?.endElement(tag.uri, tag.local, this.here());
      this.afterMarkup = this.here();
    };
    parser.textHandler = (text) => this.addText(text);
    parser.cdataHandler = (text) => this.addText(text);
    parser.commentHandler = () => { this.afterMarkup = this.here(); };
    parser.piHandler = () => { this.afterMarkup = this.here(); };
    parser.endHandler = () => {
      if (!this.problem) this.events?.end(this.here());
    };
  }

  /** Feeds the next piece of decoded text. */
  write(text: string): void {
    if (this.problem) return;
    try {
      this.parser.write(text);
    } catch (err) {
      if (err !== STOP) throw err;
    }
  }

  /** Ends the document; returns the first fatal error, if any. */
  close(): Diagnostic | undefined {
    try {
      if (!this.problem) this.parser.close();
    } catch (err) {
      if (err !== STOP) throw err;
    }
    return this.problem;
  }

  private addText(text: string): void {
    if (this.problem || this.depth === 0) return;
    if (this.pendingText === '') this.pendingAt = this.afterMarkup;
    this.pendingText += text;
  }

  /** The value of an entity a reference asks for, once its expansion is counted against the limit. */
  private expand(name: string, value: string): string {
    this.expanded += value.length;
    if (this.expanded > this.limits.maxEntityExpansion) {
      this.fail('xml-entity-expansion', `the entity references (&${name}; and others) expand to more than ${this.limits.maxEntityExpansion} characters in all (an entity-expansion, "billion laughs", attack?); rejected. Raise the limit with ${LIMIT_FLAGS.maxEntityExpansion} if the entities are real.`);
    }
    return value;
  }

  private flushText(): void {
    if (this.pendingText !== '') {
      this.events?.text(this.pendingText, this.pendingAt);
      this.pendingText = '';
    }
  }

  /**
   * Where character `offset` of the DOCTYPE's text is, counted back from the
   * end of the DOCTYPE (where the parser is when it reports it).
   */
  private withinDoctype(doctype: string, offset: number): Position {
    const whole = `<!DOCTYPE${doctype}>`;
    const index = '<!DOCTYPE'.length + offset;
    const end = this.here();
    const after = whole.slice(index);
    const lines = after.split('\n').length - 1;
    const lineStart = whole.lastIndexOf('\n', index - 1) + 1;
    if (lines === 0) return { line: end.line, column: Math.max(1, end.column - after.length) };
    // On the DOCTYPE's first line the column of `<!DOCTYPE` is not known: the start of the line stands in.
    return { line: end.line - lines, column: lineStart === 0 ? 1 : index - lineStart + 1 };
  }

  private here(): Position {
    return { line: this.parser.line, column: this.parser.column + 1 };
  }

  private fail(ruleId: string, message: string, at?: Position): void {
    if (this.problem) return;
    let where = at ?? this.here();
    const located = /^(?:[^\n]*?:)?(\d+):(\d+): ([\s\S]*)$/.exec(message);
    if (located) {
      where = { line: Number(located[1]), column: Number(located[2]) };
      message = located[3];
    }
    this.problem = diagnostic('error', ruleId, `${ruleId === 'xml-wellformed' ? 'not well-formed: ' : ''}${message}`, { file: this.file, ...where });
    throw STOP; // out of saxes: nothing after the first fatal error is parsed
  }
}
