/**
 * Name classes: what they contain, and their one shape. The derivatives
 * test a name class at every start tag and attribute a thread has not met
 * before; name classes of one shape keep that code monomorphic (a shape per
 * kind threw it away the first time a schema's nsName or choice came).
 */
import { strict as assert } from 'node:assert';
import { contains, expandedName, nameClass, nameClassKey, type NameClass } from '../../../src/validate/relaxng/names.js';

const TEI = 'http://www.tei-c.org/ns/1.0';

describe('name classes', () => {
  const p = nameClass.name(TEI, 'p');
  const anyButP = nameClass.anyName(p);
  const tei = nameClass.nsName(TEI, nameClass.choice(p, nameClass.name(TEI, 'div')));
  const classes: NameClass[] = [p, anyButP, tei, nameClass.choice(p, tei), nameClass.none, nameClass.anyName(), nameClass.nsName('')];

  it('contain the names they name, and only those', () => {
    const [pName, div, head, other] = [expandedName(TEI, 'p'), expandedName(TEI, 'div'), expandedName(TEI, 'head'), expandedName('', 'p')];
    assert.deepEqual([pName, div, head, other].map((n) => contains(p, n)), [true, false, false, false]);
    assert.deepEqual([pName, div, head, other].map((n) => contains(anyButP, n)), [false, true, true, true]);
    assert.deepEqual([pName, div, head, other].map((n) => contains(tei, n)), [false, false, true, false]);
    assert.deepEqual([pName, div, head, other].map((n) => contains(nameClass.none, n)), [false, false, false, false]);
    assert.equal(nameClassKey(tei), `{${TEI}}*-(({${TEI}}p|{${TEI}}div))`);
  });

  it('have the same fields, in the same order, whatever their kind', () => {
    const shape = Object.keys(classes[0]).join(',');
    for (const nc of classes) assert.equal(Object.keys(nc).join(','), shape, nameClassKey(nc));
  });
});
