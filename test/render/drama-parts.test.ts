/**
 * A play's prologue ("the prologue to a drama, typically spoken by an actor out
 * of character"), epilogue and setting (set: "a description of the setting,
 * time, locale, appearance, etc., of the action of a play", TEI Guidelines),
 * and writing ("a passage of written text revealed to participants in the
 * course of a spoken text": a letter read on stage, a sign). DraCor's plays
 * give a prologue or an epilogue no head: the page and the plain text ran its
 * speeches on from the play's with nothing to say where the prologue began, a
 * setting read as one more paragraph, and none of them had a style of its own.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { toHtml, toText } from '../../src/transform/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';

const doc = (body: string, front = ''): TeiSource => teiDoc({ file: 'play.xml', title: 'Play', body, front });

const FRONT = '<set><p>Verona and Mantua.</p></set>';
const BODY = '<div type="prologue"><prologue><sp who="#chorus"><speaker>Chorus</speaker><l>Two households, both alike in dignity,</l></sp></prologue></div>'
  + '<div type="act"><head>Act 1</head><sp who="#romeo"><speaker>Romeo</speaker><l>I read: <writing type="letter">Come at once.</writing> So be it.</l></sp></div>'
  + '<div><epilogue><p>Our play is done.</p></epilogue></div>'
  + '<div><epilogue><head>The Epilogue, spoken by Puck</head><p>If we shadows have offended,</p></epilogue></div>';

/** The words of the page's elements with class $name (tags taken out). */
const words = (page: string, name: string): string[] => [...page.matchAll(new RegExp(`<(p|span) class="${name}"[^>]*>([\\s\\S]*?)</\\1>`, 'g'))]
  .map((m) => m[2].replace(/<[^>]*>/g, '').trim());

describe('a play\'s prologue, epilogue, setting and writing', function () {
  this.timeout(300_000);

  it('labels a prologue, an epilogue and a setting without a head on the page, and not one with a head', async () => {
    const page = await toHtml(doc(BODY, FRONT));
    assert.deepEqual(words(page, 'drama-label'), ['Setting', 'Prologue', 'Epilogue']);
    assert.match(page, /<div class="tei-prologue"><p class="drama-label">Prologue<\/p><div class="tei-sp"/, 'the label heads the prologue, inside it');
    assert.match(page, /<div class="tei-set"><p class="drama-label">Setting<\/p>/);
    assert.match(page, /class="tei-head">The Epilogue, spoken by Puck</, 'the head is the label where there is one');
    assert.deepEqual(words(page, 'tei-writing rend-letter'), ['Come at once.']);
  });

  it('labels them in the plain text as on the page', async () => {
    const text = (await toText(doc(BODY, FRONT))).trim().split('\n\n');
    assert.deepEqual(text, ['Setting', 'Verona and Mantua.', 'Prologue', 'Chorus', 'Two households, both alike in dignity,',
      'Act 1', 'Romeo', 'I read: Come at once. So be it.', 'Epilogue', 'Our play is done.', 'The Epilogue, spoken by Puck', 'If we shadows have offended,']);
  });

  it('gives each a style', () => {
    const css = readFileSync(new URL('../../xslt/html/samizdat.css', import.meta.url), 'utf8');
    for (const selector of ['.drama-label', '.tei-set', '.tei-writing', '.tei-prologue']) assert.ok(css.includes(selector + ' {') || css.includes(selector + ','), selector);
  });
});
