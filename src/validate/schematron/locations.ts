/**
 * Where each element of a document starts, in document order, so that a
 * Schematron firing that names "element n" can be reported as line:column.
 * Also collects the attribute values, from which the sandbox learns which
 * local files the document names.
 *
 * `validate` takes the outline from the pass that checks well-formedness
 * and RELAX NG (OutlineEvents); a document read otherwise is outlined by
 * saxes (outlineDocument), which is loaded only then.
 */
import { createRequire } from 'node:module';
import type { SaxesParser } from 'saxes';
import type { Position, XmlEvents, XmlStartTag } from '../../xml/wellformed.js';

export interface StartTag {
  line: number;
  column: number;
}

export interface DocumentOutline {
  /** Start tag of element n (1-based document order) at index n - 1. */
  elements: StartTag[];
  /** Every attribute value, in document order. */
  attributeValues: string[];
}

/**
 * One saxes pass over the text. A document that is not well-formed yields the
 * elements seen up to the error (layer 1 reports the error itself).
 */
export function outlineDocument(text: string): DocumentOutline {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const elements: StartTag[] = [];
  const attributeValues: string[] = [];
  const { SaxesParser: Parser } = createRequire(import.meta.url)('saxes') as { SaxesParser: typeof SaxesParser };
  const parser = new Parser({ position: true });
  parser.on('opentagstart', (tag) => {
    // saxes has read `<name` and one more character; find the `<` itself.
    const offset = text.lastIndexOf(`<${tag.name}`, parser.position);
    elements.push(at(lineStarts, offset));
  });
  parser.on('attribute', (attribute) => attributeValues.push(attribute.value));
  parser.on('error', () => undefined);
  try {
    parser.write(text).close();
  } catch {
    // Not well-formed: keep what was outlined so far.
  }
  return { elements, attributeValues };
}

function at(lineStarts: number[], offset: number): StartTag {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - lineStarts[low] + 1 };
}

/**
 * The outline, gathered from the events of the reading layer as the document
 * is checked: the place of each start tag's "<" (the events give its name's,
 * one column on), and the values of its attributes and namespace
 * declarations, as saxes would report them.
 */
export class OutlineEvents implements XmlEvents {
  readonly outline: DocumentOutline = { elements: [], attributeValues: [] };

  startElement(tag: XmlStartTag, at: Position): void {
    this.outline.elements.push({ line: at.line, column: at.column - 1 });
    if (tag.namespaces !== null) this.outline.attributeValues.push(...Object.values(tag.namespaces));
    for (const attribute of tag.attributes) this.outline.attributeValues.push(attribute.value);
  }

  endElement(): void {}

  text(): void {}

  end(): void {}
}
