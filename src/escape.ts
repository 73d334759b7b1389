/**
 * One escaping function per context. Every place in the TypeScript that puts
 * text from a document (or a file name, or a message) into HTML, JSON inside
 * HTML, XML, a URL or a file name goes through one of these, never through a
 * template of its own; the XSLT side leaves escaping to the serializer.
 * Property-based tests (test/escape.test.ts, test/build/hostile-text.test.ts)
 * throw random strings at each.
 */

const HTML_TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const HTML_ATTRIBUTE: Record<string, string> = { ...HTML_TEXT, '"': '&quot;', "'": '&#39;' };

/** Text content of an HTML element (not `<script>` or `<style>`, whose content is not parsed as text). */
export function htmlText(text: string): string {
  return text.replace(/[&<>]/g, (c) => HTML_TEXT[c]);
}

/** An HTML attribute value, quoted with `"` (or `'`). */
export function htmlAttribute(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ATTRIBUTE[c]);
}

/**
 * JSON for the content of a `<script>` element (JSON-LD): no `<` can open
 * `</script>` or `<!--`, no `&` or `>` can be read as markup, and U+2028 and
 * U+2029 are escaped for older JavaScript parsers. The result is still JSON
 * that parses to `value`.
 */
export function jsonInScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A relative URL path from a `/`-separated path of names: each name percent-encoded (Unicode as UTF-8), the separators kept. */
export function urlPath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** An URL fragment (`#id`) from an id. */
export function urlFragment(id: string): string {
  return encodeURIComponent(id);
}

/** Characters XML 1.0 cannot carry at all (even as references), and lone surrogates. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text and attribute values of XML (the JUnit report): characters XML cannot carry become U+FFFD. */
export function xmlText(text: string): string {
  return text
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/** An XML attribute value, which also keeps its line breaks (a literal newline would become a space). */
export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/\n/g, '&#10;');
}

/**
 * Whether `name` can be one file name in the output folder: one path
 * segment (no `/` or NUL, nor `\` where it separates folders: Windows),
 * not `.` or `..`, not hidden, no control characters, at most 255 bytes.
 * Elsewhere a `\` is a character of the name, as in a source file
 * `\draft.xml`, whose pages and citation files take its name.
 */
export function isFileName(name: string, platform: NodeJS.Platform = process.platform): boolean {
  const separators = platform === 'win32' ? /[/\\]/ : /\//;
  return name !== '' && name !== '.' && name !== '..' && !name.startsWith('.') && !separators.test(name)
    && !/[\u0000-\u001f\u007f-\u009f]/.test(name) && Buffer.byteLength(name) <= 255;
}
