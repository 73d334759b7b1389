/**
 * Transcribed speech. u: "a stretch of speech usually preceded and followed
 * by silence or by a change of speaker" (TEI Guidelines), spoken by @who.
 * pause, vocal ("any vocalized but not necessarily lexical phenomenon"),
 * kinesic, incident and shift are the transcriber's descriptions. They all
 * ran together in one line with no speaker ("Hello there coughs friend. Hi
 * waves back"): who said what, and what was said rather than described, was lost.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { personRegister, teiDoc, type TeiSource } from '../support/tei-doc.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'spoken.xml', title: 'Spoken', body,
  header: personRegister([['alice', 'Alice'], ['bob', 'Bob']]) });

const TRANSCRIPT = '<div><u who="#alice">Hello <pause dur="PT2S"/> there <vocal><desc>coughs</desc></vocal> friend.</u>'
  + '<u who="#bob">Hi <kinesic><desc>waves</desc></kinesic> back<shift feature="loud" new="f"/>LOUD<shift feature="loud"/>.</u>'
  + '<u who="#carol">Who? <incident><desc>door slams</desc></incident></u>'
  + '<u>Unattributed <pause dur="PT1M30S"/><pause/> end.</u></div>';

/** The page's utterances, each as its words with the tags taken out. */
const utterances = (page: string): string[] => [...page.matchAll(/<p class="tei-u"[^>]*>([\s\S]*?)<\/p>/g)]
  .map(([, inner]) => inner.replace(/<[^>]*>/g, ''));

describe('transcribed speech: utterances and what the transcriber describes', function () {

  it('sets each utterance apart, headed by who speaks, on the page and in the plain text', async () => {
    const page = await toHtml(doc(TRANSCRIPT));
    assert.deepEqual(utterances(page), [
      'Alice: Hello (pause, 2 s) there (coughs) friend.',
      'Bob: Hi (waves) back (loud: f) LOUD (loud: normal).',
      'carol: Who? (door slams)',
      'Unattributed (pause, 1 min 30 s) (pause) end.',
    ]);
    const text = (await toText(doc(TRANSCRIPT))).trim().split('\n\n');
    assert.deepEqual(text, utterances(page));
  });

  it('links a speaker the header declares to the entity index, and marks the descriptions as not spoken', async () => {
    const page = await toHtml(doc(TRANSCRIPT));
    assert.match(page, /<span class="utterance-who"><a class="entity" href="[^"]*#spoken%3Aalice">Alice<\/a>:<\/span> Hello/);
    assert.match(page, /<span class="utterance-who">carol:<\/span>/);
    assert.match(page, /<span class="tei-vocal spoken-event">\(coughs\)<\/span>/);
    assert.match(page, /<span class="tei-pause spoken-event">\(pause, 2 s\)<\/span>/);
  });
});
