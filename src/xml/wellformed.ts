/**
 * Well-formedness (XML 1.0 + namespaces) with saxes, fed text chunk by chunk.
 * Reports the first fatal error with its line:column, applies the DOCTYPE
 * safety rules, and passes the document on as element/text events to
 * whoever checks it next (the grammar layer), with positions.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { checkDoctype } from './doctype.js';

export interface Position {
  line: number;
  column: number;
}

export interface XmlAttribute {
  uri: string;
  local: string;
  value: string;
}

export interface XmlStartTag {
  uri: string;
  local: string;
  /** Attributes other than namespace declarations. */
  attributes: XmlAttribute[];
  /** Namespace declarations on this element: prefix ('' for the default) → URI. */
  namespaces: Record<string, string>;
}

/** What the next layer receives. Text is merged across comments and CDATA, as RELAX NG sees it. */
export interface XmlEvents {
  startElement(tag: XmlStartTag, at: Position): void;
  endElement(uri: string, local: string, at: Position): void;
  text(text: string, at: Position): void;
  end(at: Position): void;
}

/**
 * Deepest element nesting accepted. Real TEI rarely nests 50 levels; the
 * grammar walker needs memory per open element (≈100 KB with tei_all), so a
 * hostile 100,000-level document is refused here rather than exhausting memory.
 */
export const MAX_DEPTH = 2_000;

/** Thrown through saxes to stop parsing at the first fatal error. */
const STOP = Symbol('stop parsing');

/** Total expanded text may grow at most this much beyond the input when entities are declared. */
const EXPANSION_SLACK = 1_000_000;

export class WellFormednessCheck {
  /** The first fatal error, once there is one; nothing after it is reported. */
  problem: Diagnostic | undefined;
  private readonly parser: SaxesParser<{ xmlns: true; position: true }>;
  private pendingText = '';
  private pendingAt: Position = { line: 1, column: 1 };
  private afterMarkup: Position = { line: 1, column: 1 };
  private depth = 0;
  private inputLength = 0;
  private outputLength = 0;
  private entitiesDeclared = false;

  constructor(private readonly file: string, private readonly events?: XmlEvents) {
    const parser = (this.parser = new SaxesParser({ xmlns: true, position: true }));
    parser.on('error', (err) => this.fail('xml-wellformed', err.message));
    parser.on('doctype', (doctype) => {
      const verdict = checkDoctype(doctype);
      if (!verdict.ok) return this.fail(verdict.ruleId, verdict.message, { line: 1, column: 1 });
      Object.assign(parser.ENTITIES, verdict.entities);
      this.entitiesDeclared = Object.keys(verdict.entities).length > 0;
    });
    parser.on('opentagstart', (tag) => {
      this.afterMarkup = { line: parser.line, column: Math.max(1, parser.column - tag.name.length) };
    });
    parser.on('opentag', (tag: SaxesTagNS) => {
      if (this.problem) return;
      const at = this.afterMarkup;
      this.flushText();
      if (++this.depth > MAX_DEPTH) {
        return this.fail('xml-depth', `elements are nested more than ${MAX_DEPTH} levels deep; samizdat refuses such documents (a denial-of-service input?).`, at);
      }
      const attributes: XmlAttribute[] = [];
      const namespaces: Record<string, string> = {};
      for (const attribute of Object.values(tag.attributes)) {
        if (attribute.name === 'xmlns') namespaces[''] = attribute.value;
        else if (attribute.prefix === 'xmlns') namespaces[attribute.local] = attribute.value;
        else attributes.push({ uri: attribute.uri, local: attribute.local, value: attribute.value });
      }
      this.events?.startElement({ uri: tag.uri, local: tag.local, attributes, namespaces }, at);
      this.afterMarkup = this.here();
      if (tag.isSelfClosing) return; // saxes sends closetag next
    });
    parser.on('closetag', (tag: SaxesTagNS) => {
      if (this.problem) return;
      this.flushText();
      this.depth--;
      this.events?.endElement(tag.uri, tag.local, this.here());
      this.afterMarkup = this.here();
    });
    parser.on('text', (text) => this.addText(text));
    parser.on('cdata', (text) => this.addText(text));
    parser.on('comment', () => { this.afterMarkup = this.here(); });
    parser.on('processinginstruction', () => { this.afterMarkup = this.here(); });
    parser.on('end', () => {
      if (!this.problem) this.events?.end(this.here());
    });
  }

  /** Feeds the next piece of decoded text. */
  write(text: string): void {
    if (this.problem) return;
    this.inputLength += text.length;
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
    this.outputLength += text.length;
    if (this.entitiesDeclared && this.outputLength > 10 * this.inputLength + EXPANSION_SLACK) {
      this.fail('xml-entity-expansion', 'entity references expand to far more text than the document holds (an entity-expansion, "billion laughs", attack?); rejected.');
    }
  }

  private flushText(): void {
    if (this.pendingText !== '') {
      this.events?.text(this.pendingText, this.pendingAt);
      this.pendingText = '';
    }
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
