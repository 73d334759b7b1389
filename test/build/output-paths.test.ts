/**
 * The output map's check in steps (`OutputPaths`, units added as the build
 * knows them: the pages before the search index, the index after) must find
 * what the check of every unit at once finds, in the same order.
 */
import { strict as assert } from 'node:assert';
import { OutputPaths, checkOutputPaths } from '../../src/build/names.js';

const units = [
  { source: 'tei/a.xml', files: ['a/index.html', 'a/a.txt'] },
  { source: 'tei/b.xml', files: ['b/index.html', 'index.html/x'] },
  // The edition-wide pages, in two steps as a build adds them: the site's, then the search index's.
  { source: 'dist (the edition-wide pages)', files: ['index.html', 'entities/index.html'] },
  { source: 'dist (the edition-wide pages)', files: ['search/index.html', 'a/a.txt', 'entities/index.html', 'b'] },
  { source: 'dist (the images)', files: ['images/cat.jpg', 'b/index.html'] },
];

describe('output paths checked in steps', () => {
  it('finds the clashes checkOutputPaths finds, in the same order, however the units are split into steps', () => {
    const whole = checkOutputPaths(units);
    // Two units writing one path, twice; a file where a folder is needed, twice (index.html, b); nothing for the
    // edition-wide pages' own two steps writing entities/index.html.
    assert.deepEqual(whole.map((p) => p.message.replace(/; rename.*/, '')), [
      'dist (the edition-wide pages) and tei/a.xml would both write a/a.txt in the output folder',
      'dist (the images) and tei/b.xml would both write b/index.html in the output folder',
      'dist (the edition-wide pages) writes the file index.html where tei/b.xml needs a folder of that name',
      'dist (the edition-wide pages) writes the file b where tei/b.xml needs a folder of that name',
    ]);
    for (let split = 0; split <= units.length; split++) {
      const paths = new OutputPaths();
      paths.add(units.slice(0, split));
      paths.add(units.slice(split));
      assert.deepEqual(paths.problems(), whole, `split after ${split} unit(s)`);
    }
  });

  it('finds nothing in a consistent map', () => {
    const paths = new OutputPaths();
    paths.add([{ source: 'tei/a.xml', files: ['a/index.html'] }]);
    paths.add([{ source: 'dist (the edition-wide pages)', files: ['index.html', 'search/index.html'] }]);
    assert.deepEqual(paths.problems(), []);
  });
});
