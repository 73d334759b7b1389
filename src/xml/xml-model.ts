/**
 * `<?xml-model?>` processing instructions (W3C "Associating Schemas with XML
 * documents"): which schemas a document asks to be validated against.
 */

export interface XmlModel {
  href: string;
  type?: string;
  schematypens?: string;
  phase?: string;
  line: number;
  column: number;
}

export const RELAXNG_NS = 'http://relaxng.org/ns/structure/1.0';
export const SCHEMATRON_NS = 'http://purl.oclc.org/dsdl/schematron';

/**
 * The xml-model PIs of a document's prolog, in document order. Only the
 * prolog (before the root element) is read, so passing a whole large document
 * costs no more than passing its first lines.
 */
export function readXmlModels(text: string): XmlModel[] {
  const models: XmlModel[] = [];
  const pattern = /<\?xml-model(\s[\s\S]*?)?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>|<\?[\s\S]*?\?>|<[^?!]/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (!match[0].startsWith('<?xml-model')) {
      if (/^<[^?!]/.test(match[0])) break; // the root element: the prolog is over
      continue;
    }
    const attributes = pseudoAttributes(match[1] ?? '');
    if (attributes.href === undefined) continue;
    const { line, column } = positionOf(text, match.index);
    models.push({ href: attributes.href, type: attributes.type, schematypens: attributes.schematypens, phase: attributes.phase, line, column });
  }
  return models;
}

/**
 * Whether the prolog has been fully seen in `text` (the root element has
 * started, outside comments and the DOCTYPE). Read from the start and no
 * further than the root: `text` is the first chunk of a document, up to a
 * megabyte, and removing every comment of it first cost a novel a few
 * milliseconds.
 */
export function prologComplete(text: string): boolean {
  const pattern = /<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>|<[A-Za-z_:\u00C0-\uFFFF]/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0].length === 2) return true;
  }
  return false;
}

export function isRelaxNgModel(model: XmlModel): boolean {
  if (model.schematypens !== undefined) return model.schematypens === RELAXNG_NS;
  return /\.rng$/i.test(model.href.split(/[?#]/)[0]);
}

function pseudoAttributes(body: string): Record<string, string | undefined> {
  const result: Record<string, string> = {};
  for (const m of body.matchAll(/([A-Za-z_][\w.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    result[m[1]] = unescape(m[2] ?? m[3]);
  }
  return result;
}

function unescape(value: string): string {
  return value.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[name];
  });
}

function positionOf(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}
