/**
 * saxon-js's tree of a document the reading layer has already checked
 * (well-formed, its DOCTYPE refused or absent), built without saxon-js's own
 * parser. saxon-js parses text with an embedded sax parser that reads one
 * character at a time through a state machine, then builds its DOM from the
 * events: 1.2-1.4 ms of the 7 ms the rules take per copy of the flagship
 * chapter (2-core EPYC, Node 20). Text known to be well-formed can be cut up
 * with indexOf instead; the DOM is made through the same calls, in the same
 * order, with the same values as saxon-js's sax handler (SaxonJS2N.js,
 * `parseXmlFromString`) makes them, so that the rules see the same tree:
 *
 * - line ends normalised first, as saxon-js does to the whole text;
 * - whitespace outside the root element dropped; comments and processing
 *   instructions outside it kept as children of the document node, the XML
 *   declaration left out;
 * - one text node per run of character data (text, references, CDATA)
 *   between two pieces of markup, as saxon-js's final normalize() leaves it;
 *   none empty;
 * - elements and attributes (namespace declarations among them, in the
 *   order written) with the namespace URIs sax gives them: "" for none, the
 *   xmlns namespace for declarations; tabs and newlines written in a value
 *   become spaces, references do not; `id` and `xml:id` values have their
 *   whitespace collapsed and trimmed;
 * - each element's line (`saxon:line-number()`): the line of the ">" that
 *   ends its start tag.
 *
 * Where sax would read a well-formed document differently from the XML
 * specification, or fail on it, the document is left to saxon-js
 * (`undefined`): a DOCTYPE (sax knows none of its entities), a processing
 * instruction whose data holds "?" (sax loses "??>"), names or text beyond
 * the Basic Multilingual Plane (sax's name characters stop there), attribute
 * names that collide with its use of plain objects (`__proto__`,
 * `hasOwnProperty`). (sax's 64 K limit on a buffer is checked only after
 * each write, and saxon-js writes the whole text at once: it never applies.)
 */
import type { SaxonDocument } from './saxon.js';

/** The DOM calls saxon-js's own parser makes (its bundled xmldom). */
interface DomDocument {
  createElementNS(uri: string, name: string): DomNode;
  createAttributeNS(uri: string, name: string): DomNode & { value: string; nodeValue: string };
  createTextNode(data: string): DomNode;
  createComment(data: string): DomNode;
  createProcessingInstruction(target: string, data: string): DomNode;
  appendChild(node: DomNode): DomNode;
  hasChildNodes(): boolean;
}

interface DomNode {
  appendChild(node: DomNode): DomNode;
  setAttributeNode(attribute: DomNode): void;
  parentNode: DomNode | null;
  /** saxon-js's line number of an element (a string), read by saxon:line-number(). */
  Zj?: string;
}

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** Prefix → namespace URI, as sax starts: xml and xmlns bound. */
const ROOT_SCOPE: Record<string, string> = Object.freeze(Object.assign(Object.create(null) as Record<string, string>, { xml: XML_NAMESPACE, xmlns: XMLNS_NAMESPACE }));

const SURROGATE = /[\uD800-\uDFFF]/;
const NOT_SPACE = /[^ \t\n]/;
/** Tabs and newlines (become spaces) and references (resolved) in an attribute value. */
const VALUE_WORK = /[\t\n]|&([^;]*);/g;
const REFERENCE = /&([^;]*);/g;

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;

/** Thrown inside the builder when the document must be left to saxon-js. */
const DECLINE = Symbol('left to saxon-js');

function decline(): never {
  throw DECLINE;
}

function reference(body: string): string {
  if (body.charCodeAt(0) === 0x23) { // #
    const code = body.charCodeAt(1) === 0x78 ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return String.fromCodePoint(code);
  }
  return Object.hasOwn(PREDEFINED, body) ? PREDEFINED[body] : decline();
}

function textOf(raw: string): string {
  return raw.includes('&') ? raw.replace(REFERENCE, (_, body: string) => reference(body)) : raw;
}

function valueOf(raw: string): string {
  VALUE_WORK.lastIndex = 0;
  return VALUE_WORK.test(raw) ? raw.replace(VALUE_WORK, (_, body: string | undefined) => (body === undefined ? ' ' : reference(body))) : raw;
}

/**
 * The tree of `text`, which the reading layer found well-formed, made in
 * `document` (a new document of saxon-js's platform); undefined when it is
 * left to saxon-js's own parser (see above). Text that is not well-formed
 * must not be given: it is not checked here.
 */
export function buildCheckedTree(text: string, document: SaxonDocument): SaxonDocument | undefined {
  try {
    build(text, document as DomDocument);
    return document;
  } catch (error) {
    if (error === DECLINE) return undefined;
    throw error;
  }
}

function build(input: string, doc: DomDocument): void {
  let s = input.includes('\r') ? input.replace(/\r\n|\r(?!\n)/g, '\n') : input;
  if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
  if (SURROGATE.test(s)) decline();
  // Where each open element is, and the namespaces in scope inside it.
  const parents: DomNode[] = [];
  const scopes: Record<string, string>[] = [];
  let scope: Record<string, string> = ROOT_SCOPE;
  let parent: DomNode | undefined;
  let pending = '';
  // The line of a start tag's ">" is 1 + the newlines before it; each newline is found once (a document on one line is not searched to its end per tag).
  let line = 1;
  let nextNewline = s.indexOf('\n');
  const lineAt = (index: number): number => {
    while (nextNewline >= 0 && nextNewline < index) {
      line++;
      nextNewline = s.indexOf('\n', nextNewline + 1);
    }
    return line;
  };
  const flush = () => {
    if (pending !== '') {
      parent!.appendChild(doc.createTextNode(pending));
      pending = '';
    }
  };
  const append = (node: DomNode) => {
    if (parent === undefined) doc.appendChild(node);
    else parent.appendChild(node);
  };

  let pos = 0;
  while (pos < s.length) {
    const lt = s.indexOf('<', pos);
    const end = lt < 0 ? s.length : lt;
    if (end > pos) {
      const raw = s.slice(pos, end);
      if (parent !== undefined) pending += textOf(raw);
      else if (NOT_SPACE.test(raw)) decline();
    }
    if (lt < 0) break;
    const c = s.charCodeAt(lt + 1);
    if (c === 0x3f) { // <?
      const close = s.indexOf('?>', lt + 2);
      if (close < 0) decline();
      let p = lt + 2;
      while (p < close && !isSpace(s.charCodeAt(p))) p++;
      const target = s.slice(lt + 2, p);
      while (p < close && isSpace(s.charCodeAt(p))) p++;
      const data = s.slice(p, close);
      if (data.includes('?')) decline();
      if (target === 'xml') {
        if (doc.hasChildNodes()) decline();
      } else {
        flushIfInside();
        append(doc.createProcessingInstruction(target, data));
      }
      pos = close + 2;
    } else if (c === 0x21) { // <!
      if (s.startsWith('<!--', lt)) {
        const close = s.indexOf('-->', lt + 4);
        if (close < 0) decline();
        flushIfInside();
        append(doc.createComment(s.slice(lt + 4, close)));
        pos = close + 3;
      } else if (s.startsWith('<![CDATA[', lt) && parent !== undefined) {
        const close = s.indexOf(']]>', lt + 9);
        if (close < 0) decline();
        pending += s.slice(lt + 9, close);
        pos = close + 3;
      } else decline(); // a DOCTYPE
    } else if (c === 0x2f) { // </
      const gt = s.indexOf('>', lt + 2);
      if (gt < 0 || parent === undefined) decline();
      flush();
      parents.pop();
      scopes.pop();
      parent = parents[parents.length - 1];
      scope = scopes[scopes.length - 1] ?? ROOT_SCOPE;
      pos = gt + 1;
    } else {
      pos = startTag(lt);
    }
  }
  if (parent !== undefined) decline();

  function flushIfInside(): void {
    if (parent !== undefined) flush();
  }

  /** The start tag at s[lt]: its element made and opened (or made and closed); returns the index after it. */
  function startTag(lt: number): number {
    let p = lt + 1;
    while (p < s.length && !isSpace(s.charCodeAt(p)) && s.charCodeAt(p) !== 0x3e && s.charCodeAt(p) !== 0x2f) p++;
    const name = s.slice(lt + 1, p);
    const names: string[] = [];
    const values: string[] = [];
    let selfClosing = false;
    for (;;) {
      while (p < s.length && isSpace(s.charCodeAt(p))) p++;
      if (p >= s.length) decline();
      const c = s.charCodeAt(p);
      if (c === 0x3e) break;
      if (c === 0x2f) {
        selfClosing = true;
        p++;
        break;
      }
      const at = p;
      while (p < s.length && !isSpace(s.charCodeAt(p)) && s.charCodeAt(p) !== 0x3d) p++;
      const attribute = s.slice(at, p);
      if (attribute === '__proto__' || attribute === 'hasOwnProperty') decline();
      while (isSpace(s.charCodeAt(p))) p++;
      p++; // =
      while (isSpace(s.charCodeAt(p))) p++;
      const quote = s[p];
      const close = s.indexOf(quote, p + 1);
      if (close < 0) decline();
      names.push(attribute);
      values.push(valueOf(s.slice(p + 1, close)));
      p = close + 1;
    }
    // p is at the ">" ending the tag.
    if (s.charCodeAt(p) !== 0x3e) decline();
    let inside: Record<string, string> = scope;
    for (let i = 0; i < names.length; i++) {
      const n = names[i];
      if (n === 'xmlns' || n.startsWith('xmlns:')) {
        if (inside === scope) inside = Object.assign(Object.create(null) as Record<string, string>, scope);
        inside[n === 'xmlns' ? '' : n.slice(6)] = values[i];
      }
    }
    const colon = name.indexOf(':');
    const element = doc.createElementNS(inside[colon < 0 ? '' : name.slice(0, colon)] || '', name);
    if (parent !== undefined) flush();
    append(element);
    for (let i = 0; i < names.length; i++) {
      const n = names[i];
      const split = n.indexOf(':');
      const prefix = split < 0 ? (n === 'xmlns' ? 'xmlns' : '') : n.slice(0, split);
      const attribute = doc.createAttributeNS(prefix === '' ? '' : inside[prefix] || '', n);
      const value = n === 'id' || n === 'xml:id' ? values[i].replace(/\s+/g, ' ').trim() : values[i];
      attribute.value = attribute.nodeValue = value;
      element.setAttributeNode(attribute);
    }
    element.Zj = String(lineAt(p));
    if (!selfClosing) {
      parents.push(element);
      scopes.push(inside);
      parent = element;
      scope = inside;
    }
    return p + 1;
  }
}
