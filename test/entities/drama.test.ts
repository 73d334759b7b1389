/**
 * A DraCor play (test/corpora/shakedracor/tei/the-tempest.xml, unchanged):
 * its characters are kept in profileDesc/particDesc/listPerson, its speeches
 * point at them with sp/@who and its cast list with castItem/@sameAs (and
 * @corresp for the group a character belongs to). Built, each speaker links
 * to its character's entry, each cast item too, and the entity index lists
 * every character with its speeches, each linking back to the speech.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../../src/build/index.js';
import { brokenLinks } from '../support/links.js';
import { corporaDir } from '../support/paths.js';

const play = join(corporaDir, 'shakedracor', 'tei', 'the-tempest.xml');
const source = readFileSync(play, 'utf8');

/** sp/@who of every speech, in order, from the TEI itself (the first speaker of a speech spoken by two), with its speaker's label. */
const speeches = [...source.matchAll(/<sp xml:id="([^"]+)" who="#([^" ]+)( #[^"]+)?">\s*(?:<speaker[^>]*>([^<]*)<\/speaker>)?/g)]
  .map((m) => ({ id: m[1], who: m[2], speaker: m[4]?.trim(), also: m[3]?.trim().slice(1) }));
/** The characters of particDesc, by xml:id. */
const characters = new Map([...source.slice(source.indexOf('<particDesc>'), source.indexOf('</particDesc>'))
  .matchAll(/<(?:person|personGrp) xml:id="([^"]+)"[^>]*>\s*<(?:persName|name)>([^<]+)</g)].map((m) => [m[1], m[2]]));

describe('a DraCor play: speakers and cast linked to their characters', function () {
  this.timeout(300_000);
  const scratch = mkdtempSync(join(tmpdir(), 'samizdat-drama-'));
  const out = join(scratch, 'dist');
  let page: string;
  let index: string;

  before(async () => {
    assert.ok(speeches.length > 600 && characters.size > 15, 'the play is read as expected');
    const report = await build([play], { out, buildCacheDir: join(scratch, 'cache'), jobs: 1 });
    assert.deepEqual(report.diagnostics, []);
    page = readFileSync(join(out, 'the-tempest', 'index.html'), 'utf8');
    index = readFileSync(join(out, 'entities', 'index.html'), 'utf8');
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('links every speaker to the character its sp/@who names', () => {
    const linked = [...page.matchAll(/<div id="([^"]+)" class="tei-sp">\s*<p class="tei-speaker"(?: id="[^"]+")?><a class="entity speaker-link" href="\.\.\/entities\/index\.html#the-tempest%3A([^"]+)">([^<]*)<\/a>(?:<sup class="entity-also"><a class="entity" href="\.\.\/entities\/index\.html#the-tempest%3A([^"]+)"[^>]*>2<\/a><\/sup>)?<\/p>/g)]
      .map((m) => ({ id: m[1], who: decodeURIComponent(m[2]), speaker: m[3].trim(), also: m[4] && decodeURIComponent(m[4]) }));
    assert.deepEqual(linked, speeches.filter((s) => s.speaker !== undefined));
    assert.ok(linked.length > 600);
    assert.deepEqual(speeches.filter((s) => s.also).map((s) => `${s.speaker} ${s.also}`), ['FERDINAND/ MIRANDA Miranda_Tmp'], 'a speech spoken by two links to both');
  });

  it('links every cast item\'s role to the character its @sameAs names, and gives the item an id', () => {
    const cast = [...source.matchAll(/<castItem sameAs="#([^"]+)">\s*<role>/g)].map((m) => m[1]);
    const linked = [...page.matchAll(/<p id="cast-\d+" class="tei-castItem">\s*<span class="tei-role"><a class="entity name-link" href="\.\.\/entities\/index\.html#the-tempest%3A([^"]+)">/g)]
      .map((m) => decodeURIComponent(m[1]));
    assert.ok(cast.length > 15, 'the cast items that have a role');
    assert.deepEqual(linked, cast);
  });

  it('lists every character in the index, with its speeches in order, each linking to the speech', () => {
    for (const [id, name] of characters) {
      const start = index.indexOf(`<article class="entry" id="the-tempest:${id}"`);
      assert.ok(start >= 0, `an entry for ${name}`);
      const entry = index.slice(start, index.indexOf('</article>', start));
      assert.match(entry, new RegExp(`<h3 id="the-tempest:${id.replace(/\./g, '\\.')}-name">${name}</h3>`));
      const own = speeches.filter((s) => s.who === id || s.also === id);
      if (own.length === 0) continue;
      assert.match(entry, new RegExp(`<summary>${own.length} speech(es)? in The Tempest</summary>`));
      const list = entry.slice(entry.indexOf('<details class="speeches">'));
      const links = [...list.matchAll(/<li><a href="\.\.\/the-tempest\/index\.html#([^"]+)">([^<]*)<\/a>: <span class="kwic">/g)].map((m) => m[1]);
      assert.deepEqual(links, own.map((s) => s.id), name);
    }
  });

  it('quotes how Prospero\'s first speech begins, and links his cast-list entry to the cast list', () => {
    const first = speeches.find((s) => s.who === 'Prospero_Tmp')!;
    const entry = index.slice(index.indexOf('<article class="entry" id="the-tempest:Prospero_Tmp"'));
    assert.match(entry, new RegExp(`<li><a href="\\.\\./the-tempest/index\\.html#${first.id}">PROSPERO</a>: <span class="kwic">Be collected\\. No more amazement\\. Tell your piteous heart…</span>`));
    assert.match(entry, /<a href="\.\.\/the-tempest\/index\.html#cast-1">The Tempest, cast list<\/a>: <span class="kwic"><mark>Prospero<\/mark>, the former duke of Milan/);
  });

  it('leaves no link leading nowhere', () => {
    assert.deepEqual(brokenLinks(out), []);
  });
});
