/**
 * A cartulary as the entity index meets it in the field: one document whose
 * teiHeader keeps thousands of persons (particDesc/listPerson) and places
 * (settingDesc/listPlace), and whose charters name them with @ref="#id".
 * The same bytes for the same sizes, so runs compare. Names are written
 * as charters give them ("Petrus filius Guidi"), not as forename and
 * surname: sorted surname first, every one would be filed under F.
 *
 * The bench builds it at one size and at twice that size: the time should
 * grow in proportion (the build groups mentions and entries through maps),
 * not with the square.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface CartularySize {
  persons: number;
  places: number;
  /** Names in the charters, each pointing at a person or a place of the header. */
  mentions: number;
}

const FORENAMES = ['Albertus', 'Berta', 'Gerardus', 'Guido', 'Hugo', 'Ildebrandus', 'Matilda', 'Petrus', 'Rainerius', 'Rolandus', 'Sigefredus', 'Teuzo', 'Ugolinus', 'Willa'];
const PLACES = ['Lucca', 'Massa', 'Pisa', 'Pescia', 'Camaiore', 'Vico', 'Aquilea', 'Marlia', 'Segromigno', 'Compito'];

/** A deterministic sequence: the same numbers on every run. */
function* numbers(seed: number): Generator<number> {
  let state = seed;
  for (;;) {
    state = (state * 1103515245 + 12345) % 2147483648;
    yield state;
  }
}

export function cartularyDocument(size: CartularySize): string {
  const random = numbers(size.persons * 31 + size.mentions);
  const next = (n: number): number => random.next().value! % n;
  const persons: string[] = [];
  for (let i = 1; i <= size.persons; i++) {
    const forename = FORENAMES[i % FORENAMES.length];
    const father = FORENAMES[(i * 7) % FORENAMES.length];
    persons.push(`          <person xml:id="p${i}"${i % 3 === 0 ? ' sex="F"' : ''}>
            <persName type="reg">${forename} filius ${father} ${i}</persName>
            <persName type="variant" xml:lang="it">${forename} di ${father} ${i}</persName>
            ${i % 5 === 0 ? `<death notAfter="${1100 + (i % 150)}"/>` : `<floruit from="${1050 + (i % 100)}" to="${1100 + (i % 100)}"/>`}
            ${i % 4 === 0 ? '<occupation>notarius</occupation>' : ''}
          </person>`);
  }
  const places: string[] = [];
  for (let i = 1; i <= size.places; i++) {
    places.push(`          <place xml:id="l${i}">
            <placeName type="reg">${PLACES[i % PLACES.length]} ${i}</placeName>
            <location><geo>${(43 + (i % 100) / 100).toFixed(2)} ${(10 + (i % 90) / 100).toFixed(2)}</geo></location>
          </place>`);
  }
  const charters: string[] = [];
  const perCharter = 5;
  for (let c = 0; c * perCharter < size.mentions; c++) {
    const names: string[] = [];
    for (let m = c * perCharter; m < Math.min(size.mentions, (c + 1) * perCharter); m++) {
      if (m % 4 === 3 && size.places > 0) {
        const l = 1 + next(size.places);
        names.push(`in loco <placeName ref="#l${l}">${PLACES[l % PLACES.length]}</placeName>`);
      } else {
        const p = 1 + next(size.persons);
        names.push(`<persName ref="#p${p}">${FORENAMES[p % FORENAMES.length]}</persName>`);
      }
    }
    charters.push(`        <div type="charter" xml:id="ch${c + 1}">
          <p xml:id="c${c + 1}">In nomine Domini. Ego ${names.join(', et ')}, tradimus et offerimus ecclesie Sancti Salvatoris terram nostram, anno Domini ${1050 + (c % 150)}.</p>
        </div>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="la">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>A synthetic cartulary: ${size.persons} persons, ${size.places} places, ${size.mentions} names</title></titleStmt>
      <publicationStmt><p>Written by samizdat's benchmark (bench/cartulary.ts).</p></publicationStmt>
      <sourceDesc><p>Generated; modelled on a cartulary whose header keeps its persons and places.</p></sourceDesc>
    </fileDesc>
    <profileDesc>
      <particDesc>
        <listPerson>
${persons.join('\n')}
        </listPerson>
      </particDesc>
      <settingDesc>
        <listPlace>
${places.join('\n')}
        </listPlace>
      </settingDesc>
    </profileDesc>
  </teiHeader>
  <text>
    <body>
${charters.join('\n')}
    </body>
  </text>
</TEI>
`;
}

/** Writes the cartulary as `<root>/tei/cartulary.xml`; returns its size in bytes. */
export async function writeCartulary(root: string, size: CartularySize): Promise<number> {
  await mkdir(join(root, 'tei'), { recursive: true });
  const text = cartularyDocument(size);
  await writeFile(join(root, 'tei', 'cartulary.xml'), text);
  return Buffer.byteLength(text);
}
