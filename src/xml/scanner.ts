/**
 * A streaming XML 1.0 + namespaces scanner that checks well-formedness and
 * reports start tags, end tags, text and markup with their positions, fed
 * decoded text chunk by chunk. It does what the grammar layer needs at the
 * speed of the platform's string search and regular expressions: text and
 * attribute values are found with indexOf and checked with one expression
 * each, and only a piece that holds something to work on (a reference, a
 * carriage return, a forbidden character) is walked character by character.
 *
 * Well-formedness as XML 1.0 (fifth edition) and Namespaces in XML 1.0
 * define it: characters, names, tags matched, attributes unique (by name
 * and by expanded name) and quoted, references to declared entities only,
 * comments without "--", no "]]>" in text, one root, the XML declaration
 * only at the start, the DOCTYPE only before the root, prefixes declared.
 * Line ends are normalised, attribute values too. Entities are those the
 * handler resolves (the DOCTYPE's safety rules live in the handler); an
 * entity whose replacement holds markup is refused.
 *
 * Columns are counted in UTF-16 code units, as editors do.
 */

export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

export interface ScannedAttribute {
  /** As written: `xml:id`. */
  readonly name: string;
  readonly prefix: string;
  readonly local: string;
  uri: string;
  readonly value: string;
}

export interface ScannedTag {
  readonly name: string;
  readonly prefix: string;
  readonly local: string;
  readonly uri: string;
  /** Attributes other than namespace declarations. */
  readonly attributes: ScannedAttribute[];
  /** Namespace declarations: prefix ('' for the default) → URI, or null when it declares none. */
  readonly namespaces: Record<string, string> | null;
}

/** What the scanner reports to. Every position is 1-based. An `error` call must not return (throw to stop). */
export interface ScanHandler {
  /** The DOCTYPE's text after `<!DOCTYPE` and before its closing `>`. */
  doctype(text: string, line: number, column: number): void;
  /** The replacement text of a general entity the document declared, or undefined; the place is the reference's. */
  entity(name: string, line: number, column: number): string | undefined;
  /** A start tag; the place is its name's. */
  startTag(tag: ScannedTag, line: number, column: number): void;
  /** An end tag (also after a self-closing start tag); the place is just after it. */
  endTag(tag: ScannedTag, line: number, column: number): void;
  /** Character data (text, references resolved, CDATA), from its first character. */
  text(text: string, line: number, column: number): void;
  /** A comment or processing instruction ended; the place is just after it. */
  markup(line: number, column: number): void;
  error(message: string, line: number, column: number): never;
  /** The document ended, well-formed; the place is its end. */
  end(line: number, column: number): void;
}

const NAME_START = ':A-Z_a-z\\u{C0}-\\u{D6}\\u{D8}-\\u{F6}\\u{F8}-\\u{2FF}\\u{370}-\\u{37D}\\u{37F}-\\u{1FFF}\\u{200C}-\\u{200D}\\u{2070}-\\u{218F}\\u{2C00}-\\u{2FEF}\\u{3001}-\\u{D7FF}\\u{F900}-\\u{FDCF}\\u{FDF0}-\\u{FFFD}\\u{10000}-\\u{EFFFF}';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u{B7}\\u{300}-\\u{36F}\\u{203F}-\\u{2040}`;
/** An XML name (fifth edition), at lastIndex. */
const NAME = new RegExp(`[${NAME_START}][${NAME_CHAR}]*`, 'uy');
/** Characters XML 1.0 forbids (lone surrogates included: in `u` mode only those match). */
const FORBIDDEN = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF\\uD800-\\uDFFF';
const FORBIDDEN_CHAR = new RegExp(`[${FORBIDDEN}]`, 'u');
const WHITESPACE_ONLY = /^[ \t\r\n]*$/;
const XML_DECLARATION = /^[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])(1\.[0-9]+)\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])([A-Za-z][A-Za-z0-9._-]*)\3)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(yes|no)\5)?[ \t\r\n]*$/;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Prefixes in scope, prefix ('' for the default) → URI. A Map, not an
 * object: scopes built by spreading declarations had a hidden class per set
 * of prefixes, so the lookups of every start tag went polymorphic and V8
 * threw away the optimised scanner (a recompile of a second or more of
 * background work on the bench corpus, per thread); and a prefix named like
 * an Object.prototype property (`toString:`) looked declared.
 */
type Scope = ReadonlyMap<string, string>;
/** The prefixes in scope outside every element: only xml. */
const ROOT_SCOPE: Scope = new Map([['xml', XML_NAMESPACE]]);
/** A local name or prefix must start as a name does, colon aside. */
const NAME_START_NO_COLON = new RegExp(`^[${NAME_START.slice(1)}]`, 'u');

/**
 * Whether text needs more than a copy: a reference, a carriage return, "]"
 * (of "]]>"), a forbidden character or a surrogate (checked by `decode`); in
 * an attribute value also "<" and tabs and newlines (which become spaces).
 * One expression each: twice as fast as a loop over the characters.
 */
const TEXT_TO_DECODE = /[\x00-\x08\x0B-\x1F&\]\uD800-\uDFFF\uFFFE\uFFFF]/;
const VALUE_TO_DECODE = /[\x00-\x1F&<\uD800-\uDFFF\uFFFE\uFFFF]/;

function needsDecoding(text: string, attribute: boolean): boolean {
  return (attribute ? VALUE_TO_DECODE : TEXT_TO_DECODE).test(text);
}

/** What the markup at s[lt] is, to say that it is not closed. */
function unclosed(s: string, lt: number): string {
  if (s.startsWith('<!--', lt)) return 'a comment that is not closed (expected "-->")';
  if (s.startsWith('<![CDATA[', lt)) return 'a CDATA section that is not closed (expected "]]>")';
  if (s.startsWith('<!DOCTYPE', lt)) return 'the DOCTYPE, which is not closed (a quote, a bracket or the final ">" is missing)';
  if (s.startsWith('<?', lt)) return 'a processing instruction that is not closed (expected "?>")';
  if (s.startsWith('</', lt)) return 'an end tag that is not closed (expected ">")';
  return 'a start tag that is not closed (an attribute value\'s quote or the final ">" is missing)';
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;

/** ASCII characters of names, as NAME_START and NAME_CHAR have them: 3 starts and continues one (letters, "_", ":"), 2 only continues one (digits, "-", "."). */
const ASCII_NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x3a;
  ASCII_NAME[c] = letter ? 3 : (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e ? 2 : 0;
}
/** Slots of the table of names seen (a power of two). */
const NAME_SLOTS = 1024;
/**
 * Names read, by a hash of their characters, each slot the last name hashed
 * to it; kept from one document to the next (of this thread). Documents name
 * a few hundred elements and attributes many thousand times: a name found
 * here is neither copied out of the text again nor hashed again by the maps
 * the layers above key by it (V8 keeps a string's hash with the string).
 */
const names: (string | undefined)[] = new Array<string | undefined>(NAME_SLOTS).fill(undefined);

/**
 * The ASCII name s[from, to) as a string of its own. V8 makes a slice of 13
 * characters or more a view of the whole text it was cut from: kept in the
 * table, it would keep a megabyte chunk of some earlier document alive.
 */
function ownName(s: string, from: number, to: number): string {
  const codes: number[] = [];
  for (let i = from; i < to; i++) codes.push(s.charCodeAt(i));
  return String.fromCharCode(...codes);
}
/**
 * Whether `name` is written at s[at] and ends there: the character after it
 * is ASCII and not a name's (a non-ASCII one may continue the name, so it
 * answers no, and the name is read as any other).
 */
function closesWith(s: string, at: number, name: string): boolean {
  const after = s.charCodeAt(at + name.length);
  return after < 0x80 && ASCII_NAME[after] === 0 && s.startsWith(name, at);
}

/** Prefixed names already split and checked (`xml:id` → [`xml`, `id`]), up to `SPLITS_KEPT` of them. */
const splits = new Map<string, [string, string]>();
const SPLITS_KEPT = 4096;

/**
 * The attributes of the start tag being read, as written: kept by the
 * scanner and filled again for each tag (a start tag is read whole before
 * its attributes are resolved), rather than an object per attribute that
 * lives only until the tag's own attributes are made.
 */
interface RawAttributes {
  count: number;
  readonly names: string[];
  readonly values: string[];
  /** Where each name is, for messages. */
  readonly at: number[];
}

interface OpenElement {
  tag: ScannedTag;
  /** Prefixes in scope inside it. */
  scope: Scope;
}

/** What a piece of the buffer gave: its end, or that more text is needed to know. */
const MORE = -1;

export class XmlScanner {
  private s = '';
  private pos = 0;
  /** Absolute offset of s[0] in the document (for the XML declaration's place). */
  private base = 0;
  // Line accounting: lines are counted up to `counted`; `lineStart` is where the current line starts in `s`.
  private line = 1;
  private lineStart = 0;
  private counted = 0;
  private nextNewline = -2;
  private nextReturn = -2;
  private readonly open: OpenElement[] = [];
  private scope: Scope = ROOT_SCOPE;
  private sawRoot = false;
  private sawDoctype = false;
  private closed = false;
  private readonly raw: RawAttributes = { count: 0, names: [], values: [], at: [] };

  constructor(private readonly handler: ScanHandler) {}

  /** Feeds the next piece of decoded text. */
  write(chunk: string): void {
    if (this.base === 0 && this.s === '' && chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    if (this.pos > 0) this.compact();
    this.s += chunk;
    this.scan(false);
  }

  /** Ends the document. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.scan(true);
    const at = this.place(this.s.length);
    if (this.open.length > 0) {
      const top = this.open[this.open.length - 1].tag.name;
      this.handler.error(`the document ends before the element <${top}> is closed (expected </${top}>)`, at.line, at.column);
    }
    if (!this.sawRoot) this.handler.error('the document has no root element', at.line, at.column);
    this.handler.end(at.line, at.column);
  }

  private compact(): void {
    const cut = this.pos;
    this.s = this.s.slice(cut);
    this.base += cut;
    this.pos = 0;
    this.lineStart -= cut;
    this.counted -= cut;
    this.nextNewline = this.nextNewline >= cut ? this.nextNewline - cut : -2;
    this.nextReturn = this.nextReturn >= cut ? this.nextReturn - cut : -2;
  }

  /** Counts line ends up to `to` (line ends: \n, \r\n, a lone \r). */
  private countTo(to: number): void {
    if (to <= this.counted) return;
    const s = this.s;
    if (this.nextNewline === -2 || (this.nextNewline >= 0 && this.nextNewline < this.counted)) this.nextNewline = s.indexOf('\n', this.counted);
    if (this.nextReturn === -2 || (this.nextReturn >= 0 && this.nextReturn < this.counted)) this.nextReturn = s.indexOf('\r', this.counted);
    for (;;) {
      const n = this.nextNewline, r = this.nextReturn;
      const next = n < 0 ? r : r < 0 ? n : Math.min(n, r);
      if (next < 0 || next >= to) break;
      if (next === r) {
        this.nextReturn = s.indexOf('\r', r + 1);
        if (s.charCodeAt(r + 1) === 0x0a) continue; // \r\n: the \n counts
      } else this.nextNewline = s.indexOf('\n', n + 1);
      this.line++;
      this.lineStart = next + 1;
    }
    this.counted = to;
  }

  private place(index: number): { line: number; column: number } {
    this.countTo(index);
    return { line: this.line, column: index - this.lineStart + 1 };
  }

  /** The place of `index` without counting the lines up to it (a start tag's attributes are read before the tag is placed). */
  private peekPlace(index: number): { line: number; column: number } {
    const s = this.s;
    let line = this.line, lineStart = this.lineStart;
    for (let i = Math.max(this.counted, lineStart); i < index; i++) {
      const c = s.charCodeAt(i);
      if (c === 0x0a || (c === 0x0d && s.charCodeAt(i + 1) !== 0x0a)) {
        line++;
        lineStart = i + 1;
      }
    }
    return { line, column: index - lineStart + 1 };
  }

  private fail(message: string, index: number): never {
    const at = this.place(Math.min(index, this.s.length));
    return this.handler.error(message, at.line, at.column);
  }

  private scan(final: boolean): void {
    const s = this.s;
    while (this.pos < s.length) {
      const lt = s.indexOf('<', this.pos);
      if (lt !== this.pos) {
        const end = lt < 0 ? s.length : lt;
        const consumed = this.characterData(this.pos, end, final || lt >= 0);
        if (consumed === this.pos) return; // held back until more text comes
        this.pos = consumed;
        if (consumed < end) return;
        continue;
      }
      const next = this.markupAt(lt, final);
      if (next === MORE) {
        if (final) this.fail(`the document ends inside ${unclosed(s, lt)}`, lt);
        return;
      }
      this.pos = next;
    }
  }

  // ---- character data -----------------------------------------------------

  /** Text from `from` to `to`; returns how far it was consumed (less when its end must wait for more text). */
  private characterData(from: number, to: number, complete: boolean): number {
    const s = this.s;
    if (!complete) {
      // A reference, "]]>" or "\r\n" may be cut by the end of the chunk: keep the tail back.
      const amp = s.lastIndexOf('&', to - 1);
      if (amp >= from && s.indexOf(';', amp) < 0) to = amp;
      while (to > from && (s.charCodeAt(to - 1) === 0x5d || s.charCodeAt(to - 1) === 0x0d)) to--;
      if (to === from) return from;
    }
    const raw = s.slice(from, to);
    if (this.open.length === 0) {
      if (!WHITESPACE_ONLY.test(raw)) {
        const offset = raw.search(/[^ \t\r\n]/);
        this.fail(this.sawRoot ? 'text after the root element (only comments, processing instructions and whitespace may follow it)' : 'text before the root element', from + offset);
      }
      this.countTo(to);
      return to;
    }
    // Places on the paths taken for every text and tag are read off the count, not made into an object each.
    this.countTo(from);
    const line = this.line, column = from - this.lineStart + 1;
    const text = needsDecoding(raw, false) ? this.decode(raw, from) : raw;
    this.countTo(to);
    if (text !== '') this.handler.text(text, line, column);
    return to;
  }

  /**
   * Text, or an attribute's value, with references resolved and line ends
   * normalised (to a newline in text, to a space in a value, as tabs and
   * newlines are: XML 1.0 section 3.3.3); fails at a forbidden character, at
   * "]]>" in text, at "<" in a value.
   */
  private decode(raw: string, offset: number, attribute?: string): string {
    const bad = raw.search(FORBIDDEN_CHAR);
    if (bad >= 0) this.forbidden(raw, bad, offset);
    const inValue = attribute !== undefined;
    let out = '';
    let last = 0;
    for (let i = 0; i < raw.length; i++) {
      const c = raw.charCodeAt(i);
      if (c === 0x26) { // &
        const { text, end } = this.reference(raw, i, offset, inValue);
        out += raw.slice(last, i) + text;
        i = end - 1;
        last = end;
      } else if (c === 0x0d || (inValue && (c === 0x09 || c === 0x0a))) {
        out += raw.slice(last, i) + (inValue ? ' ' : '\n');
        if (c === 0x0d && raw.charCodeAt(i + 1) === 0x0a) i++;
        last = i + 1;
      } else if (inValue && c === 0x3c) {
        this.fail(`"<" is not allowed in the value of attribute ${attribute} (write "&lt;")`, offset + i);
      } else if (!inValue && c === 0x5d && raw.charCodeAt(i + 1) === 0x5d && raw.charCodeAt(i + 2) === 0x3e) {
        this.fail('"]]>" is not allowed in text (write "]]&gt;")', offset + i);
      }
    }
    return out + raw.slice(last);
  }

  private forbidden(raw: string, i: number, offset: number): never {
    const code = raw.codePointAt(i)!;
    return this.fail(`the character U+${code.toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML`, offset + i);
  }

  /** The reference at raw[i] ('&'): its replacement and where it ends. */
  private reference(raw: string, i: number, offset: number, inAttribute: boolean): { text: string; end: number } {
    const semicolon = raw.indexOf(';', i + 1);
    if (semicolon < 0) this.fail('"&" must start a reference such as &amp; or &#x20AC; (write "&amp;" for the character itself)', offset + i);
    const body = raw.slice(i + 1, semicolon);
    if (body[0] === '#') {
      const hex = body[1] === 'x';
      const digits = body.slice(hex ? 2 : 1);
      if (!(hex ? /^[0-9A-Fa-f]+$/ : /^[0-9]+$/).test(digits)) this.fail(`"&${body};" is not a character reference`, offset + i);
      const code = parseInt(digits, hex ? 16 : 10);
      const allowed = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
      if (!allowed) this.fail(`"&${body};" refers to a character XML does not allow`, offset + i);
      return { text: String.fromCodePoint(code), end: semicolon + 1 };
    }
    NAME.lastIndex = 0;
    const name = NAME.exec(body);
    if (!name || name[0] !== body) this.fail(`"&${body};" is not a reference (write "&amp;" for the character "&")`, offset + i);
    if (Object.hasOwn(PREDEFINED, body)) return { text: PREDEFINED[body], end: semicolon + 1 };
    const at = this.peekPlace(offset + i);
    const known = this.handler.entity(body, at.line, at.column);
    if (known === undefined) this.fail(`the entity "&${body};" is not declared`, offset + i);
    if (known.includes('<')) {
      this.fail(inAttribute ? `the entity "&${body};" holds "<", which an attribute value cannot` : `the entity "&${body};" holds markup, which samizdat does not expand (only text entities are supported)`, offset + i);
    }
    // In an attribute value, whitespace an entity brings is normalised like the value's own (XML 1.0 section 3.3.3).
    return { text: inAttribute ? known.replace(/[\t\n\r]/g, ' ') : known, end: semicolon + 1 };
  }

  // ---- markup ---------------------------------------------------------------

  /** The markup at s[lt] ('<'): returns the index after it, or MORE. */
  private markupAt(lt: number, final: boolean): number {
    const s = this.s;
    if (lt + 1 >= s.length) return final ? this.fail('the document ends after "<"', lt) : MORE;
    const c = s.charCodeAt(lt + 1);
    if (c === 0x2f) return this.endTag(lt); // </
    if (c === 0x3f) return this.processingInstruction(lt); // <?
    if (c === 0x21) return this.declaration(lt, final); // <!
    return this.startTag(lt);
  }

  private name(at: number): string | undefined {
    const s = this.s;
    let c = s.charCodeAt(at);
    if (c < 0x80 && ASCII_NAME[c] === 3) {
      // An ASCII name, as nearly all are: read without the expression, and taken from the table when seen before.
      // The end of the text is looked for, not read past: a read out of bounds (NaN) made V8 throw away the optimised scanner.
      const end = s.length;
      let p = at, hash = 0;
      do {
        hash = (Math.imul(hash, 31) + c) | 0;
        c = ++p < end ? s.charCodeAt(p) : -1;
      } while (c >= 0 && c < 0x80 && ASCII_NAME[c] !== 0);
      if (c < 0x80) { // ends at an ASCII character, or at the end of the text (-1)
        const slot = hash & (NAME_SLOTS - 1);
        const known = names[slot];
        if (known !== undefined && known.length === p - at && s.startsWith(known, at)) return known;
        const name = ownName(s, at, p);
        names[slot] = name;
        return name;
      }
    }
    NAME.lastIndex = at;
    return NAME.test(s) ? s.slice(at, NAME.lastIndex) : undefined;
  }

  /** The name at `at`, which must be there. */
  private requiredName(at: number, message: string): string {
    return this.name(at) ?? this.fail(message, at);
  }

  private startTag(lt: number): number {
    const s = this.s;
    if (this.open.length === 0 && this.sawRoot) this.fail('a second root element (a document has exactly one)', lt + 1);
    const name = this.name(lt + 1);
    if (name === undefined) return lt + 1 >= s.length ? MORE : this.fail(`"<" must start an element name, a comment, a processing instruction or CDATA (write "&lt;" for the character itself)`, lt + 1);
    let p = lt + 1 + name.length;
    const raw = this.raw;
    raw.count = 0;
    let selfClosing = false;
    for (;;) {
      const spaceStart = p;
      while (p < s.length && isSpace(s.charCodeAt(p))) p++;
      if (p >= s.length) return MORE;
      const c = s.charCodeAt(p);
      if (c === 0x3e) { p++; break; } // >
      if (c === 0x2f) { // />
        if (p + 1 >= s.length) return MORE;
        if (s.charCodeAt(p + 1) !== 0x3e) this.fail('"/" in a start tag must be followed by ">"', p);
        selfClosing = true;
        p += 2;
        break;
      }
      if (p === spaceStart) this.fail(`attributes of <${name}> must be separated from its name and from each other by whitespace`, p);
      const attributeName = this.name(p);
      if (attributeName === undefined) this.fail(`the start tag <${name}> is not closed, or holds something that is not an attribute`, p);
      const at = p;
      p += attributeName.length;
      while (p < s.length && isSpace(s.charCodeAt(p))) p++;
      if (p >= s.length) return MORE;
      if (s.charCodeAt(p) !== 0x3d) this.fail(`the attribute ${attributeName} of <${name}> has no value (write ${attributeName}="…")`, p);
      p++;
      while (p < s.length && isSpace(s.charCodeAt(p))) p++;
      if (p >= s.length) return MORE;
      const quote = s[p];
      if (quote !== '"' && quote !== "'") this.fail(`the value of attribute ${attributeName} must be in quotes`, p);
      const close = s.indexOf(quote, p + 1);
      if (close < 0) return MORE;
      const value = s.slice(p + 1, close);
      const n = raw.count++;
      raw.names[n] = attributeName;
      raw.values[n] = needsDecoding(value, true) ? this.decode(value, p + 1, attributeName) : value;
      raw.at[n] = at;
      p = close + 1;
    }
    this.sawRoot = true;
    const tag = this.namespaced(name, raw, lt + 1);
    this.countTo(lt + 1);
    this.handler.startTag(tag, this.line, lt + 1 - this.lineStart + 1);
    if (selfClosing) {
      this.open.pop();
      this.scope = this.open.length === 0 ? ROOT_SCOPE : this.open[this.open.length - 1].scope;
      this.countTo(p);
      this.handler.endTag(tag, this.line, p - this.lineStart + 1);
    }
    return p;
  }

  /** Namespaces in XML 1.0: declarations read, prefixes resolved, attributes unique by name and by expanded name. */
  private namespaced(name: string, raw: RawAttributes, at: number): ScannedTag {
    let declared: Record<string, string> | null = null;
    let scope = this.scope;
    const { names, values } = raw;
    for (let i = 0; i < raw.count; i++) {
      const n = names[i];
      for (let k = 0; k < i; k++) if (names[k] === n) this.fail(`the attribute ${n} is given twice on <${name}>`, raw.at[i]);
      if (n.charCodeAt(0) === 0x78 && (n === 'xmlns' || n.startsWith('xmlns:'))) {
        const declaredPrefix = this.declare(n, values[i], raw.at[i]);
        if (declared === null) {
          declared = {};
          scope = new Map(scope);
        }
        declared[declaredPrefix] = values[i];
        (scope as Map<string, string>).set(declaredPrefix, values[i]);
      }
    }
    const colon = name.indexOf(':');
    let prefix = '', local = name, uri: string | undefined;
    if (colon < 0) uri = scope.get('') ?? '';
    else {
      [prefix, local] = this.split(name, at);
      if (prefix === 'xmlns') this.fail('an element cannot have the prefix xmlns', at);
      uri = scope.get(prefix);
      if (uri === undefined) this.fail(`the prefix "${prefix}" of <${name}> is not declared`, at);
    }
    const attributes: ScannedAttribute[] = [];
    let prefixed = 0;
    for (let i = 0; i < raw.count; i++) {
      const n = names[i];
      if (declared && (n === 'xmlns' || n.startsWith('xmlns:'))) continue;
      if (n.indexOf(':') < 0) {
        attributes.push({ name: n, prefix: '', local: n, uri: '', value: values[i] });
        continue;
      }
      const [attributePrefix, attributeLocal] = this.split(n, raw.at[i]);
      const attributeUri = scope.get(attributePrefix);
      if (attributeUri === undefined) this.fail(`the prefix "${attributePrefix}" of the attribute ${n} is not declared`, raw.at[i]);
      attributes.push({ name: n, prefix: attributePrefix, local: attributeLocal, uri: attributeUri, value: values[i] });
      prefixed++;
    }
    // Two prefixes can name one namespace: then the expanded names must still differ.
    if (prefixed > 1) {
      for (let i = 0; i < attributes.length; i++) {
        for (let k = 0; k < i; k++) {
          if (attributes[i].uri === attributes[k].uri && attributes[i].local === attributes[k].local) {
            this.fail(`two attributes of <${name}> have the same namespace and name: {${attributes[i].uri}}${attributes[i].local}`, at);
          }
        }
      }
    }
    const tag: ScannedTag = { name, prefix, local, uri, attributes, namespaces: declared };
    this.open.push({ tag, scope });
    this.scope = scope;
    return tag;
  }

  /** A namespace declaration, checked: the prefix it declares. */
  private declare(n: string, uri: string, at: number): string {
    const prefix = n === 'xmlns' ? '' : n.slice(6);
    if (prefix === 'xmlns') this.fail('the prefix xmlns cannot be declared', at);
    if (prefix === 'xml' ? uri !== XML_NAMESPACE : uri === XML_NAMESPACE) this.fail(`the prefix xml is bound to ${XML_NAMESPACE}, and only it`, at);
    if (uri === XMLNS_NAMESPACE) this.fail(`the namespace ${XMLNS_NAMESPACE} cannot be declared`, at);
    if (prefix !== '' && uri === '') this.fail(`the prefix ${prefix} cannot be undeclared (xmlns:${prefix}="" is not allowed in XML 1.0)`, at);
    if (prefix.includes(':') || (prefix !== '' && !NAME_START_NO_COLON.test(prefix))) this.fail(`"${prefix}" is not a namespace prefix`, at);
    return prefix;
  }

  private split(name: string, at: number): [string, string] {
    const known = splits.get(name);
    if (known !== undefined) return known;
    const colon = name.indexOf(':');
    if (colon < 0) return ['', name];
    const prefix = name.slice(0, colon);
    const local = name.slice(colon + 1);
    if (prefix === '' || local === '' || local.includes(':')) this.fail(`"${name}" is not a name Namespaces in XML allows (one colon at most, between a prefix and a local name)`, at);
    if (!NAME_START_NO_COLON.test(local)) this.fail(`"${name}": the part after the colon must start as a name does`, at);
    const parts: [string, string] = [prefix, local];
    if (splits.size >= SPLITS_KEPT) splits.clear();
    splits.set(name, parts);
    return parts;
  }

  private endTag(lt: number): number {
    const s = this.s;
    const gt = s.indexOf('>', lt + 2);
    if (gt < 0) return MORE;
    // Nearly every end tag names the element it closes: compared with that name, it need not be read and hashed as a new one.
    const open = this.open.length === 0 ? undefined : this.open[this.open.length - 1].tag.name;
    const name = open !== undefined && closesWith(s, lt + 2, open) ? open : this.requiredName(lt + 2, '"</" must be followed by the name of the element it closes');
    let p = lt + 2 + name.length;
    while (p < gt && isSpace(s.charCodeAt(p))) p++;
    if (p !== gt) this.fail(`the end tag </${name}> holds something after its name`, p);
    const top = this.open.pop();
    if (top === undefined) this.fail(`the end tag </${name}> closes no element`, lt + 2);
    if (top.tag.name !== name) this.fail(`the end tag </${name}> does not match the start tag <${top.tag.name}> (expected </${top.tag.name}>)`, lt + 2);
    this.scope = this.open.length === 0 ? ROOT_SCOPE : this.open[this.open.length - 1].scope;
    this.countTo(gt + 1);
    this.handler.endTag(top.tag, this.line, gt + 1 - this.lineStart + 1);
    return gt + 1;
  }

  private processingInstruction(lt: number): number {
    const s = this.s;
    const close = s.indexOf('?>', lt + 2);
    if (close < 0) return MORE;
    const target = this.requiredName(lt + 2, '"<?" must be followed by the target of the processing instruction');
    const after = lt + 2 + target.length;
    if (after < close && !isSpace(s.charCodeAt(after))) this.fail(`the target of the processing instruction <?${target} must be followed by whitespace`, after);
    const content = s.slice(after, close);
    if (target.toLowerCase() === 'xml') {
      if (target !== 'xml' || this.base + lt !== 0) this.fail('the XML declaration (<?xml …?>) can only be at the very start of the document', lt);
      if (!XML_DECLARATION.test(content)) this.fail('the XML declaration must be <?xml version="1.x" encoding="…" standalone="…"?> (encoding and standalone optional, in that order)', lt);
    } else {
      if (target.includes(':')) this.fail(`the target of a processing instruction cannot hold a colon ("${target}")`, lt + 2);
      if (FORBIDDEN_CHAR.test(content)) this.forbidden(content, content.search(FORBIDDEN_CHAR), after);
    }
    const end = close + 2;
    const at = this.place(end);
    this.handler.markup(at.line, at.column);
    return end;
  }

  private declaration(lt: number, final: boolean): number {
    const s = this.s;
    if (s.startsWith('<!--', lt)) {
      const close = s.indexOf('-->', lt + 4);
      if (close < 0) return MORE;
      const content = s.slice(lt + 4, close);
      const dashes = content.indexOf('--');
      if (dashes >= 0 || content.endsWith('-')) this.fail('"--" is not allowed inside a comment', lt + 4 + (dashes >= 0 ? dashes : content.length - 1));
      if (FORBIDDEN_CHAR.test(content)) this.forbidden(content, content.search(FORBIDDEN_CHAR), lt + 4);
      const at = this.place(close + 3);
      this.handler.markup(at.line, at.column);
      return close + 3;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const close = s.indexOf(']]>', lt + 9);
      if (close < 0) return MORE;
      if (this.open.length === 0) this.fail('a CDATA section can only be inside the root element', lt);
      const content = s.slice(lt + 9, close);
      if (FORBIDDEN_CHAR.test(content)) this.forbidden(content, content.search(FORBIDDEN_CHAR), lt + 9);
      const at = this.place(lt + 9);
      const text = content.includes('\r') ? content.replace(/\r\n?/g, '\n') : content;
      if (text !== '') this.handler.text(text, at.line, at.column);
      return close + 3;
    }
    if (s.startsWith('<!DOCTYPE', lt)) {
      if (this.sawRoot) this.fail('the DOCTYPE must come before the root element', lt);
      if (this.sawDoctype) this.fail('a document can have only one DOCTYPE', lt);
      const end = this.doctypeEnd(lt + 9);
      if (end === MORE) return MORE;
      const raw = s.slice(lt + 9, end);
      if (!/^[ \t\r\n]+[^ \t\r\n[>]/.test(raw)) this.fail('<!DOCTYPE must be followed by whitespace and the root element\'s name', lt + 9);
      const bad = raw.search(FORBIDDEN_CHAR);
      if (bad >= 0) this.forbidden(raw, bad, lt + 9);
      const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
      this.sawDoctype = true;
      const at = this.place(lt);
      this.handler.doctype(text, at.line, at.column);
      const after = this.place(end + 1);
      this.handler.markup(after.line, after.column);
      return end + 1;
    }
    // Not yet enough text to tell which declaration it is.
    if (!final && s.length - lt < 9 && ('<!--'.startsWith(s.slice(lt, lt + 4)) || '<![CDATA['.startsWith(s.slice(lt)) || '<!DOCTYPE'.startsWith(s.slice(lt)))) return MORE;
    return this.fail('"<!" must start a comment (<!--), a CDATA section (<![CDATA[) or the DOCTYPE', lt);
  }

  /** The index of the DOCTYPE's closing ">", past quoted strings and the internal subset, or MORE. */
  private doctypeEnd(from: number): number {
    const s = this.s;
    let inSubset = false;
    for (let i = from; i < s.length; i++) {
      const c = s[i];
      if (c === '"' || c === "'") {
        const close = s.indexOf(c, i + 1);
        if (close < 0) return MORE;
        i = close;
      } else if (inSubset && c === '<' && s.startsWith('<!--', i)) {
        const close = s.indexOf('-->', i + 4);
        if (close < 0) return MORE;
        i = close + 2;
      } else if (inSubset && c === '<' && s.startsWith('<?', i)) {
        const close = s.indexOf('?>', i + 2);
        if (close < 0) return MORE;
        i = close + 1;
      } else if (c === '[' && !inSubset) inSubset = true;
      else if (c === ']' && inSubset) inSubset = false;
      else if (c === '>' && !inSubset) return i;
    }
    return MORE;
  }
}
