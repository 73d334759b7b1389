/** The search records a document gives (xslt/search/records.xsl), parsed: what a test of the search compares. */
import { RECORDS_STYLESHEET } from '../../src/search/index.js';
import { compileStylesheet, runStylesheet, teiSource } from '../../src/transform/index.js';
import type { TeiSource } from './tei-doc.js';

/** A passage: [anchor, number, paragraph anchors, words, other forms, languages, dates, heading]. */
export type RecordPassage = [string, string, string[], string, string[], string[], string[][], string];

export async function searchRecords(doc: TeiSource): Promise<{ passages: RecordPassage[] }> {
  const stylesheet = await compileStylesheet(RECORDS_STYLESHEET);
  return JSON.parse(String(runStylesheet(stylesheet, teiSource(doc.text, doc.file)))) as { passages: RecordPassage[] };
}

/** The words of each of a document's search passages, in order. */
export async function passageWords(doc: TeiSource): Promise<string[]> {
  return (await searchRecords(doc)).passages.map((passage) => passage[3]);
}

/** Each of a document's search passages as [anchor, words]. */
export async function passageTexts(doc: TeiSource): Promise<string[][]> {
  return (await searchRecords(doc)).passages.map((passage) => [passage[0], passage[3]]);
}
