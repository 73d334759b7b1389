// @ts-check
/**
 * The search page of a samizdat edition (dist/search/index.html): queries the
 * Pagefind index beside it (./pagefind/), fills the filters from it, and
 * lists the passages found, each linking to its paragraph with the words
 * found highlighted where the browser supports text fragments. Everything
 * it loads comes from the edition's own folder; the state of a search is in
 * the page's address (q, the filters, sort), so a search can be bookmarked,
 * shared, and left with Back.
 *
 * Text from the index reaches the page only as text: excerpts are parsed
 * inert and only their words and <mark>s are kept.
 */

/** Results shown at first and added by "More results". */
const PAGE = 10;
/** Open and close the other forms after a passage's text (see src/search/records.ts). */
const FORMS_OPEN = '⟨';
const FORMS_CLOSE = '⟩';

/** Filters in the order the form lists them, with what their label says; others (entity types of the edition's own) follow. */
const FILTERS = [
  ['document', 'in the document'],
  ['person', 'mentioning the person'],
  ['group', 'mentioning the group'],
  ['place', 'mentioning the place'],
  ['organisation', 'mentioning the organisation'],
  ['event', 'mentioning the event'],
  ['object', 'mentioning the object'],
  ['work', 'mentioning the work'],
];
const TYPE_NAMES = /** @type {Record<string, string>} */ ({
  person: 'persons', group: 'groups', place: 'places', organisation: 'organisations', event: 'events', object: 'objects', work: 'works', name: 'names',
});
const SORTS = ['order', 'date', 'title'];
/** Prefix of what repeats a record's sort keys in an index of several shards (SORT_META in src/search/records.ts; read by `recordAbout`). */
const SORT_META = 'sort-';

/**
 * What a record carries for this page (src/search/records.ts: where its passages are, their heading, its sort keys),
 * from the query of its address, where the build puts it (src/search/pagefind.ts, `pagefindRecord`): Pagefind would
 * index it as words in the record's metadata. @returns {URLSearchParams}
 */
function recordAbout(/** @type {any} */ data) {
  const address = String(data.raw_url ?? data.url ?? '').split('#')[0];
  const query = address.indexOf('?');
  return new URLSearchParams(query < 0 ? '' : address.slice(query + 1));
}

const byId = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const form = /** @type {HTMLFormElement} */ (byId('search'));
const fieldset = byId('search-filters');
const status = byId('search-status');
const list = byId('search-results');
const more = /** @type {HTMLButtonElement} */ (byId('search-more'));
const unavailable = byId('search-unavailable');

/** The edition's root: the search page is one folder down. */
const root = new URL('../', document.baseURI);
/** Counts searches, so that a slow one answered after a newer one started shows nothing. */
let generation = 0;
/** One Pagefind instance per shard, made at the first search that needs each shard's results apart (`inOrder`). @type {Promise<any[]> | undefined} */
let shardInstances;
/** Letters of a search word that its stem keeps (see "Index chunks" below). */
const STEM_PREFIX = 3;
/** Per bundle, its index chunks' word ranges, read once. @type {Map<string, Promise<[string, string][]>>} */
const chunkRanges = new Map();
/** Per Pagefind instance, the chunks it was asked to load, by their first word. @type {WeakMap<object, Set<string>>} */
const chunksLoaded = new WeakMap();

/**
 * The index's bundles (src/search/shards.ts), relative to this page: the first
 * is loaded, the others merged into it. An edition in one shard lists none.
 */
const bundles = (form.dataset.bundles ?? 'pagefind/').split(' ').filter((b) => b !== '');
const settings = { baseUrl: root.pathname, excerptLength: 30 };

/** @type {any} */
let pagefind;
try {
  if (location.protocol === 'file:') throw new Error('opened as a file');
  pagefind = await import(`./${bundles[0]}pagefind.js`);
  await pagefind.options(settings);
  await pagefind.init();
  for (const bundle of bundles.slice(1)) await pagefind.mergeIndex(new URL(bundle, document.baseURI).pathname, settings);
} catch (error) {
  pagefind = undefined;
  unavailable.append(` (The index could not be loaded: ${error instanceof Error ? error.message : String(error)}.)`);
}

if (pagefind) {
  unavailable.hidden = true;
  form.hidden = false;
  addFilters(await pagefind.filters());
  show(new URLSearchParams(location.search));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = formParams();
    history.pushState(null, '', params.toString() === '' ? location.pathname : `?${params}`);
    void run(params);
  });
  // A filter or the order, once chosen, searches at once.
  form.addEventListener('change', (event) => { if (event.target instanceof HTMLSelectElement) form.requestSubmit(); });
  window.addEventListener('popstate', () => show(new URLSearchParams(location.search)));
}

/** The form's state as address parameters, empty values left out. */
function formParams() {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (typeof value === 'string' && value.trim() !== '') params.set(name, value.trim());
  return params;
}

/** Puts `params` into the form and searches. */
function show(/** @type {URLSearchParams} */ params) {
  for (const element of form.elements) {
    if (element instanceof HTMLInputElement || element instanceof HTMLSelectElement) {
      if (element.name) element.value = params.get(element.name) ?? '';
      // A value the index does not have (an old link) leaves the select at "any".
      if (element instanceof HTMLSelectElement && element.selectedIndex < 0) element.selectedIndex = 0;
    }
  }
  void run(formParams());
}

/** One select per filter the index has, labelled as the rest of "Only passages …". */
function addFilters(/** @type {Record<string, Record<string, number>>} */ filters) {
  const known = FILTERS.map(([key]) => key);
  const rest = Object.keys(filters).filter((key) => !known.includes(key) && !['type', 'year', 'language'].includes(key)).sort();
  for (const [key, label] of [...FILTERS, ...rest.map((key) => [key, `mentioning the ${key.replace(/-entity$/, '')}`])]) {
    if (filters[key]) fieldset.append(select(key, label, sortedValues(filters[key]), (value) => value));
  }
  if (filters.type) fieldset.append(select('type', 'mentioning any of the', sortedValues(filters.type), (value) => TYPE_NAMES[value] ?? value));
  if (filters.year) {
    const years = Object.keys(filters.year).sort((a, b) => Number(a) - Number(b)).map((year) => /** @type {[string, number]} */ ([year, filters.year[year]]));
    fieldset.append(select('year-from', 'dated from the year', years, (year) => year), select('year-to', 'dated up to the year', years, (year) => year));
  }
  if (filters.language) {
    const names = 'DisplayNames' in Intl ? new Intl.DisplayNames([document.documentElement.lang || 'en'], { type: 'language' }) : undefined;
    fieldset.append(select('language', 'in the language', sortedValues(filters.language), (code) => `${names?.of(code) ?? code} (${code})`));
  }
  if (fieldset.querySelector('select') === null) fieldset.hidden = true;
}

function sortedValues(/** @type {Record<string, number>} */ counts) {
  return Object.entries(counts).sort(([a], [b]) => a.localeCompare(b));
}

/** A labelled select for the filter `name`: "any", then each value with the number of passages that have it. */
function select(/** @type {string} */ name, /** @type {string} */ label, /** @type {[string, number][]} */ values, /** @type {(value: string) => string} */ shown) {
  const row = document.createElement('p');
  row.className = 'search-filter';
  const id = `search-filter-${name}`;
  const labelElement = document.createElement('label');
  labelElement.htmlFor = id;
  labelElement.textContent = label;
  const selectElement = document.createElement('select');
  selectElement.id = id;
  selectElement.name = name;
  selectElement.append(new Option('any', ''));
  for (const [value, count] of values) selectElement.append(new Option(`${shown(value)} (${count})`, value));
  row.append(labelElement, ' ', selectElement);
  return row;
}

/** Pagefind's filters for the form's state. */
function filtersOf(/** @type {URLSearchParams} */ params) {
  /** @type {Record<string, unknown>} */
  const filters = {};
  for (const [name, value] of params) {
    if (!['q', 'sort', 'year-from', 'year-to'].includes(name)) filters[name] = value;
  }
  const from = params.get('year-from');
  const to = params.get('year-to');
  if (from !== null || to !== null) {
    const years = [...form.querySelectorAll('#search-filter-year-from option')].map((o) => /** @type {HTMLOptionElement} */ (o).value).filter((y) => y !== '');
    const inRange = years.filter((y) => (from === null || Number(y) >= Number(from)) && (to === null || Number(y) <= Number(to)));
    filters.year = { any: inRange.length > 0 ? inRange : ['(none)'] };
  }
  return filters;
}

/** Searches for the form's state and lists the first results. */
async function run(/** @type {URLSearchParams} */ params) {
  const current = ++generation;
  const words = params.get('q') ?? '';
  const filters = filtersOf(params);
  const sortKey = params.get('sort') ?? '';
  list.replaceChildren();
  more.hidden = true;
  if (words === '' && Object.keys(filters).length === 0) {
    status.textContent = 'Type words to find, or choose what the passages should mention, and search.';
    document.title = 'Search the edition';
    return;
  }
  status.textContent = 'Searching …';
  // Pagefind orders each shard's results on its own and merges them by score: in an order, or with no words (edition order, as one index gives), the shards' lists are merged here.
  const order = SORTS.includes(sortKey) ? sortKey : words === '' ? 'order' : '';
  const found = bundles.length === 1 ? await oneIndex(words, filters, sortKey) : order !== '' ? await inOrder(words, filters, order) : await bestFirst(words, filters);
  if (current !== generation) return;
  let shown = 0;
  const next = async () => {
    more.hidden = true;
    const page = await found.take(PAGE);
    if (current !== generation) return false;
    for (const data of page) list.append(resultItem(data));
    shown += page.length;
    more.hidden = shown >= found.count;
    return true;
  };
  // Keyboard and screen-reader users go on reading at the first result added.
  more.onclick = async () => {
    const first = shown;
    if (await next()) /** @type {HTMLElement | undefined} */ (list.querySelectorAll('.search-result h2 a')[first])?.focus();
  };
  if (!(await next())) return;
  // Said once the first results are there, so that a screen reader announces what the reader can now read.
  const what = words === '' ? 'with these filters' : `for “${words}”`;
  status.textContent = found.count === 0
    ? `No passage found ${what}.`
    : `${found.count} passage${found.count === 1 ? '' : 's'} found ${what}.`;
  document.title = words === '' ? 'Search the edition' : `${words} – Search the edition`;
}

/**
 * @typedef {object} Found The passages a search found: how many, and the next
 *   ones in the order they are listed (their data: URL, excerpt, metadata …).
 * @property {number} count
 * @property {(n: number) => Promise<any[]>} take
 */

/** A passage found only through its labels (its document's title, say) does not hold the words: it is not a passage found. */
const holdsWords = (/** @type {string} */ words) => (/** @type {any} */ r) => words === '' || r.words.length > 0;

/** Pagefind's results as it orders them, in an edition of one shard: in any order, or best match first. @returns {Promise<Found>} */
async function oneIndex(/** @type {string} */ words, /** @type {Record<string, unknown>} */ filters, /** @type {string} */ sortKey) {
  await loadWordChunks(pagefind, bundles[0], words);
  const search = await pagefind.search(words === '' ? null : words, { filters, ...(SORTS.includes(sortKey) && { sort: { [sortKey]: 'asc' } }) });
  return listed((search?.results ?? []).filter(holdsWords(words)));
}

/** The passages of `results`, in that order. @returns {Found} */
function listed(/** @type {any[]} */ results) {
  let taken = 0;
  return {
    count: results.length,
    take: (n) => Promise.all(results.slice(taken, (taken += n)).map((/** @type {any} */ r) => r.data())),
  };
}

/** One Pagefind instance per shard, made at the first search of an index in shards. @returns {Promise<any[]>} */
function shards() {
  shardInstances ??= Promise.all(bundles.map(async (bundle) => {
    const instance = pagefind.createInstance({ basePath: new URL(bundle, document.baseURI).pathname });
    await instance.options(settings);
    await instance.init();
    return instance;
  }));
  return shardInstances;
}

/**
 * Each shard's results for `words`, those of the shards whose answer one
 * index would give (`answering`) and matched through the words.
 */
async function shardResults(/** @type {string} */ words, /** @type {Record<string, unknown>} */ filters, /** @type {Record<string, string>} */ sort) {
  const instances = await shards();
  await Promise.all(instances.map((instance, shard) => loadWordChunks(instance, bundles[shard], words)));
  const [searches, kept] = await Promise.all([
    Promise.all(instances.map((instance) => instance.search(words === '' ? null : words, { filters, sort }))),
    answering(instances, words),
  ]);
  return searches.map((search, shard) => kept[shard] ? (search?.results ?? []).filter(holdsWords(words)) : []);
}

/** The results of every shard, best match first, as Pagefind merges them (by score: mergeIndex). @returns {Promise<Found>} */
async function bestFirst(/** @type {string} */ words, /** @type {Record<string, unknown>} */ filters) {
  const lists = await shardResults(words, filters, {});
  // Stable: equal scores keep the shards' order, as in Pagefind's own merge.
  return listed(lists.flat().sort((a, b) => b.score - a.score));
}

/**
 * The results of every shard in `order`, as one index would list them: each
 * shard's results in order (Pagefind sorts them), merged by the sort key
 * each record carries (`recordAbout`). Only the records about to be shown,
 * and the next of each shard, are loaded. @returns {Promise<Found>}
 */
async function inOrder(/** @type {string} */ words, /** @type {Record<string, unknown>} */ filters, /** @type {string} */ order) {
  const lists = await shardResults(words, filters, { [order]: 'asc' });
  /** Each shard's next record, loaded. @type {(Promise<any> | undefined)[]} */
  const heads = lists.map((list) => list[0]?.data());
  const positions = lists.map(() => 0);
  const key = (/** @type {any} */ data) => recordAbout(data).get(`${SORT_META}${order}`) ?? '';
  return {
    count: lists.reduce((sum, list) => sum + list.length, 0),
    take: async (n) => {
      const taken = [];
      while (taken.length < n) {
        const loaded = await Promise.all(heads);
        let first = -1;
        loaded.forEach((data, shard) => { if (data && (first < 0 || byCodePoint(key(data), key(loaded[first])) < 0)) first = shard; });
        if (first < 0) break;
        taken.push(loaded[first]);
        positions[first] += 1;
        heads[first] = lists[first][positions[first]]?.data();
      }
      return taken;
    },
  };
}

/*
 * Near matches. Pagefind (1.6, pagefind_web/src/search.rs, find_word_extensions)
 * matches a search word (stemmed) with every word of the index that begins
 * with it; only when the index has none does it fall back to the longest
 * word of the index that the search word begins with ("grim" for
 * "Grimstone"). Each shard is an index of its own: a shard without the word
 * answers with its near word, where one index would have found the word
 * elsewhere and given no near matches at all. A result does not say which
 * words of the index it matched, so each shard is asked, once per word:
 * - does it hold the word (Pagefind's exact search, `"word"`, finds it)?
 * - if not, does it hold longer words that begin with it? A shard that fell
 *   back answers the word followed by letters no word has (`NO_WORD`) as it
 *   answered the word: with the same near word. One with longer words does not.
 * One index gives the answers of the shards that hold the word or longer ones;
 * when none does, it falls back to the nearest word of the whole index, that
 * is the answers of the shards whose near word is the longest.
 */

/** Appended to a word, letters no word of an edition begins with. */
const NO_WORD = '0qx';
/** A filter no record has: Pagefind lists nothing but still counts what the words match (`unfilteredResultCount`). */
const NO_RECORD = { filters: { 'samizdat-none': 'none' } };
/** The shards whose answer one index gives, per search word (the index does not change while the page is open). @type {Map<string, Promise<boolean[]>>} */
const wordAnswers = new Map();

/** The words of a search as Pagefind takes them apart: lower case, at spaces, without the punctuation it drops. */
function searchWords(/** @type {string} */ words) {
  return words.split(/\s+/).map((word) => word.replace(/[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu, '').toLocaleLowerCase()).filter((word) => word !== '');
}

/** Whether Pagefind matches `words` with the index words they begin with: not an exact (quoted) search, nor none (filters only). */
function byBeginnings(/** @type {string} */ words) {
  return words !== '' && !/^\s*".+"\s*$/.test(words);
}

/** Per shard, whether one index would give its answer to `words`: for every word of them (`wordAnswering`). */
async function answering(/** @type {any[]} */ instances, /** @type {string} */ words) {
  // A quoted search is matched exactly, never near; no words (filters only) match nothing.
  if (!byBeginnings(words)) return instances.map(() => true);
  const perWord = await Promise.all(searchWords(words).map((word) => {
    if (!wordAnswers.has(word)) wordAnswers.set(word, wordAnswering(instances, word));
    return /** @type {Promise<boolean[]>} */ (wordAnswers.get(word));
  }));
  return instances.map((_, shard) => perWord.every((kept) => kept[shard]));
}

/** Per shard, whether one index would give its answer to the one word `word` (see "Near matches" above). */
async function wordAnswering(/** @type {any[]} */ instances, /** @type {string} */ word) {
  const kinds = await Promise.all(instances.map(async (instance) => {
    if (((await instance.search(`"${word}"`, NO_RECORD))?.unfilteredResultCount ?? 0) > 0) return { kind: 'word' };
    const found = (await instance.search(word))?.results ?? [];
    if (found.length === 0) return { kind: 'none' };
    // One after the other: the second search finds the index's words the first loaded.
    const beyond = (await instance.search(`${word}${NO_WORD}`))?.results ?? [];
    return sameResults(found, beyond) ? { kind: 'near', found } : { kind: 'longer' };
  }));
  if (kinds.some(({ kind }) => kind === 'word' || kind === 'longer')) return kinds.map(({ kind }) => kind === 'word' || kind === 'longer');
  const closeness = await Promise.all(kinds.map(({ found }) => found ? nearness(found) : 0));
  const nearest = Math.max(...closeness);
  // The same bonus, read back through different weights, may differ in the last digits.
  return closeness.map((c) => c > 0 && c >= nearest * (1 - 1e-4));
}

/** Whether two lists of results are the same records matched at the same places. */
function sameResults(/** @type {any[]} */ a, /** @type {any[]} */ b) {
  const keys = (/** @type {any[]} */ results) => results.map((r) => `${r.id} ${r.words.join(',')}`).sort().join(' ');
  return a.length === b.length && keys(a) === keys(b);
}

/**
 * How near the word a shard fell back to is to the search word: Pagefind
 * scores a word found by how near its length is to the search word's (the
 * word's length bonus, in each place's `balanced_score`, its weight squared
 * times the bonus), and all a shard's near matches are of the same word.
 */
async function nearness(/** @type {any[]} */ found) {
  const first = found.find((r) => r.words.length > 0);
  if (!first) return 0;
  const data = await first.data();
  // Pagefind hands out weights divided by 24 (coupled_search.ts).
  return Math.max(0, ...(data.weighted_locations ?? []).map((/** @type {any} */ l) => l.weight > 0 ? l.balanced_score / (l.weight * 24) ** 2 : 0));
}

/*
 * Index chunks. Pagefind (1.6, pagefind_web/src/lib.rs, request_indexes)
 * splits an index's words into chunks by word ranges (its metadata lists
 * each chunk's first and last word) and, for a search word, loads only the
 * chunk whose range holds it; the words it matches are those of the chunks
 * loaded so far that begin with it. The words beginning with it that the
 * next chunks hold ("their", "them" … after a chunk ending at "the") are
 * missed, and where the chunks end differs from one index to another: the
 * count would depend on the number of shards, and on what was searched
 * before. So before a search every chunk that may hold a word beginning
 * with a search word is loaded (Pagefind keeps what it loaded). Pagefind
 * matches the word's stem, which the page does not know; a stem begins
 * with the word's first letters, so the chunks of every word beginning with
 * the first `STEM_PREFIX` letters are loaded: a few more chunks than needed.
 */

/* The state of loading chunks is declared at the top, as the first search starts before this module has run to its end. */

/** Loads into `instance`, the index of `bundle`, the chunks that may hold words beginning with a word of `words` (not for an exact search). */
async function loadWordChunks(/** @type {any} */ instance, /** @type {string} */ bundle, /** @type {string} */ words) {
  if (!byBeginnings(words)) return;
  if (!chunkRanges.has(bundle)) chunkRanges.set(bundle, readChunkRanges(bundle).catch(() => []));
  const ranges = await /** @type {Promise<[string, string][]>} */ (chunkRanges.get(bundle));
  const loaded = chunksLoaded.get(instance) ?? new Set();
  chunksLoaded.set(instance, loaded);
  const wanted = new Set();
  for (const word of searchWords(words)) {
    const prefix = [...word].slice(0, STEM_PREFIX).join('');
    for (const [from, to] of ranges) {
      // The range holds a word beginning with `prefix` when it ends after the prefix and starts before the words beginning with it end.
      if (byCodePoint(to, prefix) >= 0 && (byCodePoint(from, prefix) <= 0 || from.startsWith(prefix)) && !loaded.has(from)) wanted.add(from);
    }
  }
  // A chunk's first word is in that chunk's range: searching it (preload: no search is run) loads the chunk.
  await Promise.all([...wanted].map((from) => { loaded.add(from); return instance.preload(from); }));
}

/** The word ranges of the index chunks of `bundle`, from its metadata (`pagefind-entry.json`, then the `.pf_meta` file it names). @returns {Promise<[string, string][]>} */
async function readChunkRanges(/** @type {string} */ bundle) {
  const base = new URL(bundle, document.baseURI);
  const entry = await (await fetch(new URL('pagefind-entry.json', base))).json();
  // One language per index (see docs/search.md): its only entry.
  const language = /** @type {any} */ (Object.values(entry.languages ?? {})[0]);
  if (!language?.hash) return [];
  let bytes = new Uint8Array(await (await fetch(new URL(`pagefind.${language.hash}.pf_meta`, base))).arrayBuffer());
  const signature = (/** @type {Uint8Array} */ b) => new TextDecoder().decode(b.subarray(0, 12)) === 'pagefind_dcd';
  if (!signature(bytes)) bytes = new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
  if (!signature(bytes)) return [];
  // The metadata: [version, pages, chunks ([first word, last word, file] each), filters, sorts …].
  const meta = decodeCbor(bytes.subarray(12));
  return (Array.isArray(meta) && Array.isArray(meta[2]) ? meta[2] : [])
    .filter((/** @type {unknown} */ c) => Array.isArray(c) && typeof c[0] === 'string' && typeof c[1] === 'string')
    .map((/** @type {string[]} */ c) => /** @type {[string, string]} */ ([c[0], c[1]]));
}

/** The value a CBOR item encodes (RFC 8949: the kinds Pagefind writes; tags read through). */
function decodeCbor(/** @type {Uint8Array} */ bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder();
  let at = 0;
  const size = (/** @type {number} */ info) => {
    if (info < 24) return info;
    const width = { 24: 1, 25: 2, 26: 4, 27: 8 }[info];
    if (!width) throw new Error('CBOR: indefinite length');
    const value = width === 1 ? view.getUint8(at) : width === 2 ? view.getUint16(at) : width === 4 ? view.getUint32(at) : Number(view.getBigUint64(at));
    at += width;
    return value;
  };
  /** @returns {any} */
  const item = () => {
    const head = view.getUint8(at++);
    const major = head >> 5;
    const info = head & 31;
    if (major === 7) {
      if (info === 25 || info === 26 || info === 27) {
        const value = info === 25 ? 0 : info === 26 ? view.getFloat32(at) : view.getFloat64(at);
        at += { 25: 2, 26: 4, 27: 8 }[info] ?? 0;
        return value;
      }
      return info === 21 ? true : info === 20 ? false : null;
    }
    const n = size(info);
    if (major === 0) return n;
    if (major === 1) return -1 - n;
    if (major === 2 || major === 3) {
      const part = bytes.subarray(at, (at += n));
      return major === 3 ? text.decode(part) : part;
    }
    if (major === 4) return Array.from({ length: n }, item);
    if (major === 5) {
      /** @type {Record<string, unknown>} */
      const map = {};
      for (let i = 0; i < n; i++) { const key = item(); map[String(key)] = item(); }
      return map;
    }
    return item();
  };
  return item();
}

/** Compares strings by code point, as Pagefind orders its sort keys (by their UTF-8 bytes), where `<` compares UTF-16 units. */
function byCodePoint(/** @type {string} */ a, /** @type {string} */ b) {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = /** @type {number} */ (a.codePointAt(i));
    const y = /** @type {number} */ (b.codePointAt(j));
    if (x !== y) return x - y;
    i += x > 0xffff ? 2 : 1;
    j += y > 0xffff ? 2 : 1;
  }
  return (a.length - i) - (b.length - j);
}

/**
 * A record's words, each with whether it is among the other forms (between
 * the brackets that follow a passage's text) and which of the record's
 * passages it belongs to.
 */
function contentWords(/** @type {any} */ data) {
  const about = recordAbout(data);
  const spans = (about.get('passages') ?? '').split(' ').filter((s) => s !== '').map((span) => {
    const [offset, target, number] = span.split(':');
    return { offset: Number(offset), target, number: decodeURIComponent(number ?? '') };
  });
  if (spans.length === 0) spans.push({ offset: 0, target: String(data.raw_url ?? '').split('#')[1] ?? '', number: '' });
  // The words that follow a dash in the text with no space between (src/search/records.ts, DASH_JOIN): shown joined.
  const joins = new Set((about.get('joins') ?? '').split(' ').filter((s) => s !== '').map(Number));
  let forms = false;
  let passage = 0;
  const words = String(data.content ?? '').split(/\s+/).map((word, index) => {
    while (passage + 1 < spans.length && spans[passage + 1].offset <= index) passage++;
    if (word === FORMS_OPEN) forms = true;
    const entry = { word, forms, passage, join: joins.has(index) };
    if (word === FORMS_CLOSE) forms = false;
    return entry;
  });
  return { words, spans };
}

/** One passage found: its document and paragraph as a link to it, the excerpt with the words found marked. */
function resultItem(/** @type {any} */ data) {
  const { words, spans } = contentWords(data);
  const tokens = excerptWords(String(data.excerpt ?? ''));
  // The excerpt is a run of the record's words: where it starts tells which passage its first word found is in.
  let start = 0;
  for (let s = 0; s + tokens.length <= words.length; s++) {
    if (tokens.every((t, i) => t.word === words[s + i].word)) { start = s; break; }
  }
  const marked = tokens.findIndex((t, i) => t.mark && !words[start + i]?.forms);
  const found = marked >= 0 ? start + marked : -1;
  const span = spans[found >= 0 ? words[found].passage : words[start]?.passage ?? 0];
  const address = String(data.url).split(/[?#]/)[0];

  const item = document.createElement('li');
  item.className = 'search-result';
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = `${address}${span.target ? `#${encodeURIComponent(span.target)}` : ''}${found >= 0 ? textDirective(words, found, span.target === '' ? '#' : '') : ''}`;
  link.textContent = String(data.filters?.document?.[0] ?? address);
  heading.append(link);
  const where = document.createElement('p');
  where.className = 'search-result-where';
  where.textContent = [span.number ? `paragraph ${span.number}` : '', recordAbout(data).get('heading') ?? ''].filter((s) => s !== '').join(' · ');
  const excerpt = document.createElement('p');
  excerpt.className = 'search-result-excerpt';
  excerpt.append(...excerptNodes(tokens, words, start));
  item.append(heading, ...(where.textContent === '' ? [] : [where]), excerpt);
  return item;
}

/**
 * The excerpt's words, each marked (a word found) or not. Parsed inert (no
 * script runs, nothing loads), and only text is kept.
 */
function excerptWords(/** @type {string} */ html) {
  const body = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
  /** @type {{ word: string, mark: boolean }[]} */
  const tokens = [];
  for (const node of body.childNodes) {
    for (const word of (node.textContent ?? '').split(/\s+/)) if (word !== '') tokens.push({ word, mark: node.nodeName === 'MARK' });
  }
  return tokens;
}

/** The excerpt as nodes: words found as <mark>, and runs of other forms in a span that says what they are. */
function excerptNodes(/** @type {{ word: string, mark: boolean }[]} */ tokens, /** @type {{ forms: boolean, join: boolean }[]} */ words, /** @type {number} */ start) {
  /** @type {Node[]} */
  const nodes = [];
  /** @type {HTMLElement | undefined} */
  let forms;
  tokens.forEach((token, i) => {
    // A bracket cut from its forms by the excerpt's edge says nothing.
    if ((i === tokens.length - 1 && token.word === FORMS_OPEN) || (i === 0 && token.word === FORMS_CLOSE)) return;
    const node = token.mark ? Object.assign(document.createElement('mark'), { textContent: token.word }) : document.createTextNode(token.word);
    const space = nodes.length === 0 || words[start + i]?.join ? [] : [document.createTextNode(' ')];
    if (!words[start + i]?.forms) {
      forms = undefined;
      nodes.push(...space, node);
      return;
    }
    if (!forms) {
      forms = document.createElement('span');
      forms.className = 'search-forms';
      const label = document.createElement('span');
      label.className = 'visually-hidden';
      label.textContent = 'other forms: ';
      forms.append(label);
      nodes.push(...space, forms);
    } else forms.append(...space);
    forms.append(node);
  });
  return nodes;
}

/**
 * A text fragment for the word found at `at`, with up to three words of its
 * passage either side, so that the browser highlights this occurrence and not
 * an earlier one on the page. Browsers without text fragments, or that do not
 * find it, still go to the paragraph.
 */
function textDirective(/** @type {{ word: string, forms: boolean, passage: number, join: boolean }[]} */ words, /** @type {number} */ at, /** @type {string} */ hash) {
  const same = (/** @type {{ forms: boolean, passage: number }} */ w) => !w.forms && w.passage === words[at].passage;
  const before = [];
  for (let i = at - 1; i >= 0 && before.length < 3 && same(words[i]); i--) before.unshift(i);
  const after = [];
  for (let i = at + 1; i < words.length && after.length < 3 && same(words[i]); i++) after.push(i);
  // As the page has them: a word that follows a dash with no space is joined to it (the browser matches the prefix and suffix to the found word across white space, or none).
  const text = (/** @type {number[]} */ part) => part.map((i, n) => (n > 0 && !words[i].join ? ' ' : '') + words[i].word).join('');
  const encode = (/** @type {number[]} */ part) => encodeURIComponent(text(part)).replace(/-/g, '%2D');
  return `${hash}:~:text=${before.length > 0 ? `${encode(before)}-,` : ''}${encode([at])}${after.length > 0 ? `,-${encode(after)}` : ''}`;
}

export {};
