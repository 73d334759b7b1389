/**
 * roleDesc "describes a character's role in a drama" (TEI Guidelines); a cast list prints it beside the role, set
 * apart by ", " or, before a bracket, by a space (samizdat:role-gap). Where the role's words end in white space of
 * their own ("<role>Puck </role><roleDesc>(Robin)</roleDesc>"), the page's source kept it and added the space:
 * "Puck  (Robin)", two spaces, which a copy of the page's text or a screen reader's text keeps. One space now, as
 * before a comma ("Theseus, duke"), where the role's own white space was already left out.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { teiDoc } from '../support/tei-doc.js';

const cast = teiDoc({
  file: 'cast-spacing.xml',
  title: 'Cast',
  body: '<castList>'
    + '<castItem><role>Puck </role><roleDesc>(Robin Goodfellow)</roleDesc></castItem>'
    + '<castItem><role>Philostrate, </role><roleDesc>master of the revels</roleDesc></castItem>'
    + '<castItem><role>Quince </role> <roleDesc>(a carpenter)</roleDesc></castItem>'
    + '<castItem><role>Theseus </role><roleDesc>duke of Athens</roleDesc></castItem>'
    + '</castList>',
});

describe('one space between a role and its description', function () {

  it('on the page, in the source', async () => {
    const page = await toHtml(cast);
    const items = [...page.matchAll(/<p class="tei-castItem">([\s\S]*?)<\/p>/g)].map((m) => m[1]);
    assert.deepEqual(items, [
      '<span class="tei-role">Puck</span> <span class="tei-roleDesc">(Robin Goodfellow)</span>',
      '<span class="tei-role">Philostrate,</span> <span class="tei-roleDesc">master of the revels</span>',
      '<span class="tei-role">Quince</span> <span class="tei-roleDesc">(a carpenter)</span>',
      '<span class="tei-role">Theseus</span>, <span class="tei-roleDesc">duke of Athens</span>',
    ]);
  });

  it('in the plain text, as before', async () => {
    assert.deepEqual((await toText(cast)).trim().split('\n\n'),
      ['Puck (Robin Goodfellow)', 'Philostrate, master of the revels', 'Quince (a carpenter)', 'Theseus, duke of Athens']);
  });
});
