/**
 * Where each element of a document starts, in document order, so that a
 * Schematron firing that names "element n" can be reported as line:column.
 * Also collects the attribute values, from which the sandbox learns which
 * local files the document names.
 */
import { SaxesParser } from 'saxes';

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
  const parser = new SaxesParser({ position: true });
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
