/**
 * The entity stylesheets declare the maps a name's targets and the speakers'
 * index travel in as map(*). saxon-js checks a declared key or value type
 * (map(xs:string, item()*)) by visiting every entry of the map each time one
 * is passed or returned, and these maps pass through several functions for
 * every name, speech and speaker of a page (for its link and again for its
 * mention): typed, they cost a play's page several per cent of its time.
 * What the maps hold is documented beside each function.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';

/** Functions and parameters that are called or taken once or more for every name, speech or speaker. */
const UNTYPED: Record<string, string[]> = {
  'xslt/common/entities.xsl': [
    'function name="samizdat:resolve-entity"', 'function name="samizdat:local-entry"', 'variable name="samizdat:resolutions"',
    'function name="samizdat:resolved-entity"', 'function name="samizdat:entity-targets"',
  ],
  'xslt/html/entities.xsl': [
    'function name="samizdat:speaker-index"', 'function name="samizdat:mention-place"', 'param name="samizdat:speakers"',
    'param name="target"', 'param name="targets"',
  ],
};

describe('entity stylesheets: map types saxon-js checks cheaply', () => {
  for (const [file, declarations] of Object.entries(UNTYPED)) {
    it(`${file} declares its per-name maps map(*)`, () => {
      const xslt = readFileSync(file, 'utf8');
      for (const declaration of declarations) {
        const found = [...xslt.matchAll(new RegExp(`<xsl:${declaration.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^>]*\\bas="([^"]*)"`, 'g'))];
        assert.ok(found.length > 0, `${declaration} is not declared in ${file}`);
        for (const [, type] of found) assert.match(type, /^map\(\*\)[?*]?$/, `${declaration} in ${file} is declared ${type}`);
      }
    });
  }
});
