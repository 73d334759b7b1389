/**
 * A small TEI document around the parts a test is about: the smallest header
 * the schema allows, with the test's own header parts where it needs them
 * (a register, renditions), and its front matter and body.
 */

/** A document as the transform layer takes it: its text and the file name its messages and ids use. */
export interface TeiSource {
  text: string;
  file: string;
}

export interface TeiParts {
  /** The body's content. */
  body: string;
  /** The file name the document is given; its base name becomes the page's name. */
  file?: string;
  /** The title in the header's titleStmt. */
  title?: string;
  /** Front matter's content; no front when absent. */
  front?: string;
  /** Header parts after fileDesc (encodingDesc, profileDesc …), as markup. */
  header?: string;
}

/** The markup of a TEI document holding `parts`. */
export function teiText({ body, title = 'Test', front, header = '' }: TeiParts): string {
  return '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>'
    + `<titleStmt><title>${title}</title></titleStmt><publicationStmt><p>Test.</p></publicationStmt>`
    + `<sourceDesc><p>Made up.</p></sourceDesc></fileDesc>${header}</teiHeader>`
    + `<text>${front === undefined ? '' : `<front>${front}</front>`}<body>${body}</body></text></TEI>`;
}

/** A TEI document holding `parts`, named `parts.file` (default "test.xml"). */
export function teiDoc(parts: TeiParts): TeiSource {
  return { file: parts.file ?? 'test.xml', text: teiText(parts) };
}

/** A register of people for the header: each [xml:id, name] as a person in particDesc. */
export function personRegister(people: [string, string][]): string {
  return '<profileDesc><particDesc><listPerson>'
    + people.map(([id, name]) => `<person xml:id="${id}"><persName>${name}</persName></person>`).join('')
    + '</listPerson></particDesc></profileDesc>';
}
