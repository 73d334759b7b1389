/**
 * Pagefind through samizdat's wrapper: the index's files come back in memory
 * in a fixed order, without Pagefind's own interfaces; indexes asked for at
 * once are made side by side, each in a Pagefind process of its own, up to
 * PAGEFIND_PROCESSES and then in turn; a record Pagefind refuses is a
 * PagefindProblem with its reason; and the caller is told when the last
 * record is on its way, before the index is made; an index started ahead
 * (`prepareIndex`) is taken by the next index of its fragment limit, to the
 * same files, and stopped when none takes it.
 */
import { strict as assert } from 'node:assert';
import { gunzipSync } from 'node:zlib';
import { BATCHES_IN_FLIGHT, PAGEFIND_PROCESSES, PagefindProblem, addInOrder, dropPreparedIndex, indexRecords, pagefindRecord, prepareIndex, preparedIndex, whenAllSent } from '../../src/search/pagefind.js';
import type { SearchRecord } from '../../src/search/records.js';

const record = (n: number, content: string): SearchRecord => ({
  url: `/doc/index.html#p${n}`, content, language: 'en', meta: { passages: `0:p${n}:${n}` }, filters: { document: ['Doc'] }, sort: { order: `d${n}` },
});

async function* batches<T = SearchRecord>(...records: T[][]): AsyncIterable<T[]> {
  for (const batch of records) yield batch;
}

describe('search: Pagefind', function () {

  it('returns the index in memory, sorted by path, without Pagefind’s own interfaces', async () => {
    const { files, records } = await indexRecords(batches([record(1, 'the first paragraph')], [record(2, 'the second paragraph')]));
    assert.equal(records, 2);
    const paths = [...files.keys()];
    assert.deepEqual(paths, [...paths].sort());
    assert.ok(paths.includes('pagefind.js') && paths.includes('pagefind-entry.json') && paths.some((p) => p.endsWith('.pf_meta')));
    assert.deepEqual(paths.filter((p) => /ui|highlight/.test(p)), []);
    assert.equal(paths.filter((p) => p.startsWith('fragment/')).length, 2, 'one fragment per record');
  });

  it('gives Pagefind what a record carries for the search page in its address, not in its metadata', () => {
    const carrying: SearchRecord = { ...record(3, 'words'), meta: { passages: '0:p3:3 4:p 4:4', heading: 'To Ada & Co', 'sort-order': 'd3', odd: '+ %3A =?#' } };
    assert.deepEqual(pagefindRecord(carrying), {
      url: '/doc/index.html?passages=0:p3:3+4:p+4:4&heading=To+Ada+%26+Co&sort-order=d3&odd=%2B+%253A+%3D%3F%23#p3', content: 'words', language: 'en', filters: { document: ['Doc'] }, sort: { order: 'd3' },
    });
    assert.equal(pagefindRecord({ ...carrying, url: '/doc/index.html', meta: { passages: '0::' } }).url, '/doc/index.html?passages=0::', 'an address without a fragment');
    assert.equal(pagefindRecord({ ...carrying, meta: {} }).url, '/doc/index.html#p3', 'nothing to carry: the address as it was');
    // What it carries reads back as it was (the search page reads it with URLSearchParams too).
    const query = pagefindRecord(carrying).url.split('#')[0].split('?')[1];
    assert.deepEqual(Object.fromEntries(new URLSearchParams(query)), carrying.meta);
  });

  it('gives each record an address of its own: Pagefind keeps one record per address', async () => {
    // A division's heading and the verse after it are both found at the division's id: on main, one record.
    const heading: SearchRecord = { ...record(1, 'To Ada'), url: '/doc/index.html#letter', meta: { passages: '0:letter:' } };
    const verse: SearchRecord = { ...record(2, 'A verse'), url: '/doc/index.html#letter', meta: { passages: '0:letter:' } };
    const taken = new Set<string>();
    assert.deepEqual([heading, verse, verse].map((r) => pagefindRecord(r, taken).url),
      ['/doc/index.html?passages=0:letter:#letter', '/doc/index.html?passages=0:letter:&record=2#letter', '/doc/index.html?passages=0:letter:&record=3#letter']);
    const { files, records } = await indexRecords(batches([heading, verse]));
    const contents = [...files].filter(([path]) => path.endsWith('.pf_fragment')).map(([, bytes]) => (JSON.parse(gunzipSync(bytes).toString('utf8').replace(/^pagefind_dcd/, '')) as { content: string }).content);
    assert.deepEqual([records, contents.sort()], [2, ['A verse', 'To Ada']]);
  });

  it('indexes the words of a record\'s content, and none of what it carries for the search page', async () => {
    // Pagefind indexes metadata values as words: the spans' "0zzqxp33" and "zzqx" and the heading's "kumquat" were
    // words of the index, a third more of them on the bench's edition.
    const carrying: SearchRecord = { ...record(3, 'apple banana'), meta: { passages: '0:zzqx-p3:3', heading: 'Kumquat' } };
    const { files } = await indexRecords(batches([carrying]));
    const chunks = [...files].filter(([path]) => path.endsWith('.pf_index')).map(([, bytes]) => gunzipSync(bytes).toString('latin1'));
    assert.ok(chunks.length > 0 && chunks.every((chunk) => chunk.startsWith('pagefind_dcd')), 'the index\'s chunks, read');
    const words = chunks.join('');
    assert.deepEqual(['appl', 'banana', 'zzqx', 'kumquat', 'p3'].filter((word) => words.includes(word)), ['appl', 'banana']);
    const fragments = [...files].filter(([path]) => path.endsWith('.pf_fragment')).map(([, bytes]) => JSON.parse(gunzipSync(bytes).toString('utf8').replace(/^pagefind_dcd/, '')) as { url: string; meta: object });
    assert.deepEqual(fragments.map(({ url, meta }) => [url, meta]), [['/doc/index.html?passages=0:zzqx-p3:3&heading=Kumquat#p3', {}]]);
  });

  it('makes indexes asked for at once side by side, each in a process of its own, and more in turn', async function () {
    if (PAGEFIND_PROCESSES < 2) this.skip();
    // The first index's records wait until the second index has asked for its own: with one process
    // for both, the second would not start before the first is made, and the first would wait in vain.
    let secondStarted!: () => void;
    const started = new Promise<void>((resolve) => { secondStarted = resolve; });
    const timedOut = new Promise<'alone'>((resolve) => setTimeout(() => resolve('alone'), 20_000).unref());
    let overlapped: boolean | undefined;
    async function* first(): AsyncIterable<SearchRecord[]> {
      yield [record(1, 'apples')];
      overlapped = (await Promise.race([started, timedOut])) !== 'alone';
      yield [record(2, 'pears')];
    }
    async function* second(): AsyncIterable<SearchRecord[]> {
      secondStarted();
      yield [record(1, 'plums')];
    }
    const third = batches([record(1, 'figs'), record(2, 'quinces'), record(3, 'sloes')]);
    const [a, b, c] = await Promise.all([indexRecords(first()), indexRecords(second()), indexRecords(third)]);
    assert.equal(overlapped, true, 'the second index was begun while the first was being made');
    assert.deepEqual([a.records, b.records, c.records], [2, 1, 3]);
  });

  it('makes indexes asked for at once, each with its own records', async () => {
    const [a, b] = await Promise.all([
      indexRecords(batches([record(1, 'apples')])),
      indexRecords(batches([record(1, 'pears'), record(2, 'plums'), record(3, 'figs')])),
    ]);
    assert.equal(a.records, 1);
    assert.equal(b.records, 3);
    const fragments = (files: Map<string, Uint8Array>) => [...files.keys()].filter((p) => p.startsWith('fragment/')).length;
    assert.deepEqual([fragments(a.files), fragments(b.files)], [1, 3]);
  });

  it('indexes records given a batch at a time (one indexed while the next is sent) as it indexes them given at once', async () => {
    const words = ['apples', 'pears', 'plums', 'figs', 'quinces', 'medlars', 'sloes', 'damsons'];
    const all = Array.from({ length: 600 }, (_, i) => record(i + 1, `${words[i % words.length]} and ${words[(i * 5) % words.length]} number ${i}`));
    const once = await indexRecords(batches(all));
    const oneByOne = await indexRecords(batches(...all.map((r) => [r])));
    assert.equal(oneByOne.records, 600);
    assert.deepEqual([...oneByOne.files.keys()], [...once.files.keys()]);
    for (const [path, content] of once.files) assert.ok(Buffer.from(oneByOne.files.get(path)!).equals(Buffer.from(content)), `${path} differs`);
  });

  it('gives batches in order with several unanswered at once, and says when the source is drained before the last answer', async () => {
    // Answers held back: only once BATCHES_IN_FLIGHT batches are unanswered does the source wait (with two, Pagefind
    // waited after each document's records for its answers to come back and the next document's to be sent).
    const given: number[] = [];
    const answers: (() => void)[] = [];
    const events: string[] = [];
    const total = BATCHES_IN_FLIGHT + 3;
    async function* source(): AsyncIterable<number[]> {
      for (let n = 1; n <= total; n++) {
        events.push(`read ${n}`);
        yield [n];
      }
    }
    const adding = addInOrder(source(), (batch) => {
      given.push(...batch);
      return new Promise<void>((resolve) => answers.push(() => { events.push(`answered ${batch[0]}`); resolve(); }));
    }, () => events.push('drained'));
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(given, Array.from({ length: BATCHES_IN_FLIGHT }, (_, i) => i + 1), 'as many batches as may be in flight, unanswered');
    for (let i = 0; answers[i] !== undefined || i < total; i++) {
      answers[i]();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await adding;
    assert.deepEqual(given, Array.from({ length: total }, (_, i) => i + 1), 'every record, in order');
    assert.ok(events.indexOf('drained') < events.indexOf(`answered ${total}`), 'drained before the last answer');
    assert.ok(events.indexOf(`read ${BATCHES_IN_FLIGHT}`) < events.indexOf('answered 1'), 'read ahead of the answers');
  });

  it('fails with an answer’s failure, though later batches were given, and leaves no unhandled rejection', async () => {
    let drained = false;
    await assert.rejects(addInOrder(batches([1], [2], [3]), async (batch) => {
      if (batch[0] === 1) throw new Error('refused 1');
    }, () => { drained = true; }), /refused 1/);
    assert.equal(drained, true, 'the failure is met once the source is drained, in its turn');
  });

  it('stops with the reason for a refused record though later batches were sent after it', async () => {
    const refused = { ...record(2, 'x'), filters: { document: 'not a list' } } as unknown as SearchRecord;
    await assert.rejects(indexRecords(batches([record(1, 'first')], [refused], [record(3, 'third')], [record(4, 'fourth')])),
      (error: unknown) => error instanceof PagefindProblem && /expected a sequence/.test(error.message));
  });

  it('says when the last record is on its way: after the source is drained, before the index is made, once', async () => {
    const events: string[] = [];
    async function* source(): AsyncIterable<SearchRecord[]> {
      yield [record(1, 'apples')];
      yield [record(2, 'pears')];
      events.push('drained');
    }
    // Pagefind answers through its pipes, a turn of the event loop at least: told while it still works, the caller has a turn first.
    const sent = () => {
      events.push('sent');
      setImmediate(() => events.push('a turn of the caller'));
    };
    const made = indexRecords(source(), undefined, sent).then((index) => { events.push('made'); return index; });
    assert.equal((await made).records, 2);
    assert.deepEqual(events, ['drained', 'sent', 'a turn of the caller', 'made']);
  });

  it('says so too when the index fails, so that no caller waits for it in vain', async () => {
    const refused = { ...record(1, 'x'), filters: { document: 'not a list' } } as unknown as SearchRecord;
    let told = 0;
    await assert.rejects(indexRecords(batches([refused]), undefined, () => { told += 1; }), PagefindProblem);
    assert.equal(told, 1);
    async function* broken(): AsyncIterable<SearchRecord[]> {
      yield [record(1, 'apples')];
      throw new Error('the passages could not be read');
    }
    told = 0;
    await assert.rejects(indexRecords(broken(), undefined, () => { told += 1; }), /the passages could not be read/);
    assert.equal(told, 1);
  });

  it('tells a caller of a few indexes when the last has sent its records, and of many (or none) at once', () => {
    let done = 0;
    const few = Math.min(2, PAGEFIND_PROCESSES);
    const tracker = whenAllSent(() => { done += 1; });
    const sent = Array.from({ length: few }, () => tracker.one());
    tracker.all();
    for (let i = 0; i < few; i++) {
      assert.equal(done, 0, `told before index ${i + 1} of ${few} sent its records`);
      sent[i]();
      sent[i]();
    }
    assert.equal(done, 1);
    done = 0;
    const many = whenAllSent(() => { done += 1; });
    const manySent = Array.from({ length: PAGEFIND_PROCESSES + 1 }, () => many.one());
    assert.equal(done, 0, 'not told before the indexes are counted');
    many.all();
    assert.equal(done, 1, 'more indexes than processes: told at once');
    for (const s of manySent) s();
    assert.equal(done, 1, 'and only once');
    whenAllSent(() => { done += 1; }).all();
    assert.equal(done, 2, 'no index: told at once');
  });

  it('tells a caller whose indexes started before they were counted: when the last has sent, or when counted if all had', () => {
    let done = 0;
    const tracker = whenAllSent(() => { done += 1; });
    const first = tracker.one();
    first();
    assert.equal(done, 0, 'more may start: not told yet');
    tracker.all();
    assert.equal(done, 1, 'counted, every index had sent: told then');
    done = 0;
    const later = whenAllSent(() => { done += 1; });
    const a = later.one();
    a();
    const b = later.one();
    later.all();
    assert.equal(done, PAGEFIND_PROCESSES < 2 ? 1 : 0, 'one index still sending');
    b();
    assert.equal(done, 1);
  });

  it('stops with Pagefind’s reason when it refuses a record, and indexes again afterwards', async () => {
    const refused = { ...record(1, 'x'), filters: { document: 'not a list' } } as unknown as SearchRecord;
    await assert.rejects(indexRecords(batches([refused])), (error: unknown) => error instanceof PagefindProblem && /Pagefind failed: .*expected a sequence/.test(error.message));
    assert.equal((await indexRecords(batches([record(1, 'again')]))).records, 1);
  });
  it('gives an index started ahead to the next index of its fragment limit, to the same files as one started then', async () => {
    const records = [record(1, 'the first paragraph'), record(2, 'the second paragraph'), record(3, 'a third')];
    const fresh = await indexRecords(batches(records), 2);
    prepareIndex(2);
    assert.equal(preparedIndex(), 2);
    const ahead = await indexRecords(batches(records), 2);
    assert.equal(preparedIndex(), undefined, 'taken');
    assert.deepEqual(ahead, fresh);
    await dropPreparedIndex();
  });

  it('leaves an index started ahead to an index of its limit, and frees its process when it is dropped', async () => {
    prepareIndex(3);
    const other = await indexRecords(batches([record(1, 'apples')]), 5);
    assert.equal(other.records, 1);
    assert.equal(preparedIndex(), 3, 'an index of another limit does not take it');
    await dropPreparedIndex();
    assert.equal(preparedIndex(), undefined);
    // Its process is free again: were it kept, starting one ahead would find none free after as many rounds as processes.
    for (let round = 0; round <= PAGEFIND_PROCESSES; round++) {
      prepareIndex(3);
      assert.equal(preparedIndex(), 3, `round ${round + 1}: a process is free`);
      await dropPreparedIndex();
    }
    assert.equal((await indexRecords(batches([record(1, 'pears')]), 3)).records, 1);
  });
});
