/**
 * A date's @when (or the bounds of a range, @notBefore/@notAfter, @from/@to)
 * is the date the encoder worked out: "October 8" is 8 October 1923 only in
 * the encoding. The page kept it in `datetime` alone, which a reader never
 * sees, and gave a range its bounds as bare ISO values with "to", whether
 * they bound an uncertain date or the ends of a period. Now the page says it
 * in the date's title, in words, unless the date's own words already do.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'dates.xml', title: 'Dates', body });

/** The opening tag of the page's date (time or range span) whose words are `words`. */
async function dateTag(date: string): Promise<string> {
  const page = await toHtml(doc(`<p>It was ${date} then.</p>`));
  const tag = /<(time|span) [^>]*class="[^"]*tei-(?:date|time)[^"]*"[^>]*>/.exec(page)?.[0];
  assert.ok(tag, `no date in ${page}`);
  return tag;
}

const title = (tag: string): string | undefined => /title="([^"]*)"/.exec(tag)?.[1];

describe('dates say in their title what the encoding says they are', function () {

  it('gives a date\'s @when in words: day, month and year, month and year, or year', async () => {
    assert.equal(title(await dateTag('<date when="1923-10-08">October 8</date>')), '8 October 1923');
    assert.equal(title(await dateTag('<date when="1923-08">August</date>')), 'August 1923');
    assert.equal(title(await dateTag('<date when="1923">six years after the revolution</date>')), '1923');
    assert.equal(title(await dateTag('<date when="-0044-03-15">the Ides of March</date>')), '15 March 44 BCE');
    assert.match(await dateTag('<date when="1923-10-08">October 8</date>'), /^<time datetime="1923-10-08"/);
  });

  it('gives no title where the date\'s own words say it already', async () => {
    assert.equal(title(await dateTag('<date when="2026-11-25">25 November 2026</date>')), undefined);
    assert.equal(title(await dateTag('<date when="1923">1923</date>')), undefined);
  });

  it('tells a date known only within bounds from a period', async () => {
    assert.equal(title(await dateTag('<date notBefore="1923-06-01" notAfter="1923-08-31">the summer of 1923</date>')),
      'between 1 June 1923 and 31 August 1923');
    assert.equal(title(await dateTag('<date from="1917" to="1921">the civil war years</date>')), 'from 1917 to 1921');
    assert.equal(title(await dateTag('<date notBefore="1923-09">after the plenum</date>')), 'not before September 1923');
    assert.equal(title(await dateTag('<date to="1924-01">until the conference</date>')), 'until January 1924');
  });

  it('gives a time of day a datetime and its value', async () => {
    const tag = await dateTag('<time when="14:30:00">half past two</time>');
    assert.match(tag, /^<time datetime="14:30:00"/);
    assert.equal(title(tag), '14:30:00');
  });

  it('leaves the plain text as the source words it', async () => {
    const text = await toText(doc('<p>On <date when="1923-10-08">October 8</date> he wrote.</p>'));
    assert.equal(text.trim(), 'On October 8 he wrote.');
  });
});
