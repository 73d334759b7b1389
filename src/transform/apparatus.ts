/**
 * The critical apparatus of a TEI document as typed values: its witnesses,
 * and one entry per `app` whatever the linking method (parallel
 * segmentation, location-referenced, double end-point), with its lemma,
 * readings, sigla and the places where a witness's text cannot be read.
 *
 * The model itself is worked out by the stylesheets (xslt/common/apparatus.xsl),
 * so that the page, the plain text and this module agree; xslt/text/apparatus.xsl
 * gives it as JSON, and this module types it and turns element numbers into
 * line:column.
 */
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { outlineDocument } from '../validate/schematron/locations.js';
import type { TeiSource } from './source.js';
import { TransformProblem } from './stylesheet.js';

export type VariantMethod = 'parallel-segmentation' | 'location-referenced' | 'double-end-point';
export const VARIANT_METHODS: readonly VariantMethod[] = ['parallel-segmentation', 'location-referenced', 'double-end-point'];

/** Where a witness's text begins or ends, or a lacuna in it. */
export type FragmentLimit = 'lacunaStart' | 'lacunaEnd' | 'witStart' | 'witEnd';

/** A place in the document, when the element is in it (not in another file). */
export interface Place {
  line?: number;
  column?: number;
}

export interface ApparatusWitness extends Place {
  /** Its xml:id, what `@wit` points to. */
  id: string;
  /** What the apparatus prints: `witness/@n`, else the xml:id. */
  siglum: string;
  description: string;
  /** The xml:id of the group (listWit) it belongs to, if any. */
  group?: string;
  /** For a group, the xml:ids of its witnesses; empty for a witness. */
  members: string[];
}

export interface ApparatusReading extends Place {
  kind: 'reading';
  /** `lem`, `rdg`, or `base`: the base text a double-end-point entry without `lem` varies. */
  element: 'lem' | 'rdg' | 'base';
  /** Its words, white space normalised; '' for an omission. */
  text: string;
  omission: boolean;
  limits: FragmentLimit[];
  /** As the apparatus prints them (a group by its own siglum). */
  sigla: string[];
  /** The witnesses (xml:ids) that read it, groups expanded, implied ones included. */
  witnesses: string[];
  /** Whether its witnesses are implied (all those no other reading names). */
  implied: boolean;
  type?: string;
}

export interface ReadingGroup {
  kind: 'group';
  type?: string;
  readings: (ApparatusReading | ReadingGroup)[];
}

/** Why a witness's text cannot be read at an entry: no reading names it, or several do. */
export interface WitnessProblem {
  witness: string;
  kind: 'missing' | 'ambiguous';
  /** The readings that name it (ambiguous), or where the witness is declared (missing). */
  places: Place[];
}

export interface ApparatusEntry extends Place {
  /** Its number in the apparatus, in the order of the text. */
  number: number;
  /** Its id on the page (`app-3`, or the app's xml:id). */
  id: string;
  method: VariantMethod;
  /** `@loc`, for a location-referenced entry. */
  location?: string;
  /** Whether its call-out stands in the edited text. */
  shown: boolean;
  /** Whether it comes from another file's apparatus. */
  external: boolean;
  type?: string;
  lemma?: ApparatusReading;
  readings: (ApparatusReading | ReadingGroup)[];
  notes: string[];
  /** Where its call-out goes, when that is not the app itself (an app standing apart). */
  attachedTo?: Place;
  witnessProblems: WitnessProblem[];
}

export interface Apparatus {
  file: string;
  /** What `variantEncoding/@method` declares, if anything. */
  declaredMethod?: VariantMethod;
  /** Whether witness texts can be read from it (an apparatus in parallel segmentation, and witnesses). */
  witnessTexts: boolean;
  witnesses: ApparatusWitness[];
  entries: ApparatusEntry[];
}

type Json = Record<string, unknown>;

/** The apparatus of a source from the model xslt/text/apparatus.xsl gives as JSON. */
export function apparatusOf(source: TeiSource, json: string): Apparatus {
  const model = JSON.parse(json) as Json;
  // Lines as the editor sees them: in the file as written, DOCTYPE and all.
  const { elements } = outlineDocument(source.original ?? source.text);
  const place = (position: unknown): Place => {
    const start = typeof position === 'number' ? elements[position - 1] : undefined;
    return start ? { line: start.line, column: start.column } : {};
  };
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
  const reading = (r: Json): ApparatusReading | ReadingGroup => r.kind === 'group'
    ? { kind: 'group', type: text(r.type), readings: (r.readings as Json[]).map(reading) }
    : {
      kind: 'reading', element: r.element as ApparatusReading['element'], text: String(r.text), omission: Boolean(r.omission),
      limits: r.limits as FragmentLimit[], sigla: r.sigla as string[], witnesses: r.witnesses as string[], implied: Boolean(r.implied),
      type: text(r.type), ...place(r.position),
    };
  const declared = text(model.declaredMethod);
  return {
    file: source.file,
    declaredMethod: VARIANT_METHODS.includes(declared as VariantMethod) ? declared as VariantMethod : undefined,
    witnessTexts: Boolean(model.witnessTexts),
    witnesses: (model.witnesses as Json[]).map((w) => ({
      id: String(w.id), siglum: String(w.siglum), description: String(w.description), group: text(w.group), members: w.members as string[], ...place(w.position),
    })),
    entries: (model.entries as Json[]).map((e) => ({
      number: Number(e.number), id: String(e.id), method: e.method as VariantMethod, location: text(e.location),
      shown: Boolean(e.shown), external: Boolean(e.external), type: text(e.type),
      lemma: e.lemma ? reading(e.lemma as Json) as ApparatusReading : undefined,
      readings: (e.readings as Json[]).map(reading), notes: e.notes as string[],
      attachedTo: e.attachedTo === null ? undefined : place(e.attachedTo),
      witnessProblems: (e.witnessProblems as Json[]).map((p) => ({
        witness: String(p.witness), kind: p.kind as WitnessProblem['kind'], places: (p.positions as unknown[]).map(place),
      })),
      ...place(e.position),
    })),
  };
}

/** The witness a siglum (or xml:id) names, or a usage problem saying which sigla there are. */
export function findWitness(apparatus: Apparatus, siglum: string): ApparatusWitness {
  const { file, witnesses } = apparatus;
  const usage = (message: string): TransformProblem => new TransformProblem(diagnostic('error', WITNESS_USAGE_RULE, message, { file }));
  if (witnesses.length === 0) throw usage('this document lists no witnesses (listWit/witness), so it has no witness texts');
  if (!apparatus.witnessTexts) {
    const method = apparatus.entries[0]?.method ?? apparatus.declaredMethod;
    throw usage(`the texts of this document's witnesses cannot be read from its apparatus: ${method === undefined ? 'it has none' : `it is ${method}, not in parallel segmentation`} (a witness text needs app elements with lem/rdg in the text)`);
  }
  const found = witnesses.find((w) => w.siglum === siglum) ?? witnesses.find((w) => w.id === siglum);
  const sigla = witnesses.filter((w) => w.members.length === 0).map((w) => w.siglum).join(', ');
  if (!found) throw usage(`this document has no witness '${siglum}'; its witnesses are: ${sigla}`);
  if (found.members.length > 0) {
    const members = witnesses.filter((w) => found.members.includes(w.id)).map((w) => w.siglum).join(', ');
    throw usage(`'${siglum}' is a group of witnesses (${members}); name one witness: ${sigla}`);
  }
  return found;
}

/** Rule id of a --witness that names no witness (a usage problem). */
export const WITNESS_USAGE_RULE = 'usage';
/** Rule id of a witness text that cannot be read from the apparatus. */
export const WITNESS_TEXT_RULE = 'witness-text';

/** Raised when a witness's text cannot be read: every place, each a diagnostic. */
export class WitnessTextProblem extends TransformProblem {
  constructor(readonly problems: Diagnostic[]) {
    super(problems[0]);
  }
}

/** Where the witness's text cannot be read: one diagnostic per entry, naming both places. */
export function witnessTextProblems(apparatus: Apparatus, witness: ApparatusWitness): Diagnostic[] {
  const at = (p: Place): string => (p.line === undefined ? 'another file' : `${p.line}:${p.column}`);
  return apparatus.entries.flatMap((entry) => entry.witnessProblems.filter((p) => p.witness === witness.id).map((problem) => {
    const message = problem.kind === 'missing'
      ? `the text of witness ${witness.siglum} cannot be read: apparatus entry ${entry.number} (the <app> at ${at(entry)}) has no reading for ${witness.siglum} (declared at ${at(problem.places[0] ?? {})}), nor does one reading without @wit stand for the witnesses the others do not name`
      : `the text of witness ${witness.siglum} cannot be read: apparatus entry ${entry.number} (the <app> at ${at(entry)}) gives ${witness.siglum} ${problem.places.length} readings, at ${problem.places.map(at).join(' and ')}; mark successive states with @varSeq, or keep one`;
    return diagnostic('error', WITNESS_TEXT_RULE, message, { file: apparatus.file, line: entry.line, column: entry.column });
  }));
}
