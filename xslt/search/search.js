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
/** Opens the other forms after a passage's text (see src/search/records.ts). */
const FORMS_OPEN = '⟨';

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
/** The metadata each record carries (src/search/records.ts): labels of a result, not words of the passage. */
const META = ['document-title', 'document', 'paragraph', 'heading'];

const byId = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const form = /** @type {HTMLFormElement} */ (byId('search'));
const query = /** @type {HTMLInputElement} */ (byId('search-q'));
const fieldset = byId('search-filters');
const sortSelect = /** @type {HTMLSelectElement} */ (byId('search-sort'));
const status = byId('search-status');
const list = byId('search-results');
const more = /** @type {HTMLButtonElement} */ (byId('search-more'));
const unavailable = byId('search-unavailable');

/** The edition's root: the search page is one folder down. */
const root = new URL('../', document.baseURI);
/** Counts searches, so that a slow one answered after a newer one started shows nothing. */
let generation = 0;

/** @type {any} */
let pagefind;
try {
  if (location.protocol === 'file:') throw new Error('opened as a file');
  pagefind = await import('./pagefind/pagefind.js');
  // Pagefind searches metadata too; here it only labels results (document title, paragraph, heading), so it must not rank them.
  await pagefind.options({ baseUrl: root.pathname, excerptLength: 30, ranking: { metaWeights: Object.fromEntries(META.map((key) => [key, 0])) } });
  await pagefind.init();
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
  const search = await pagefind.search(words === '' ? null : words, {
    filters,
    ...(SORTS.includes(sortKey) && { sort: { [sortKey]: 'asc' } }),
  });
  if (current !== generation) return;
  // A passage found only through its labels (its document's title, say) does not hold the words: it is not a passage found.
  const results = (search?.results ?? []).filter((/** @type {any} */ r) => words === '' || r.words.length > 0);
  let shown = 0;
  const next = async () => {
    more.hidden = true;
    const page = await Promise.all(results.slice(shown, shown + PAGE).map((/** @type {any} */ r) => r.data()));
    if (current !== generation) return false;
    for (const data of page) list.append(resultItem(data));
    shown += page.length;
    more.hidden = shown >= results.length;
    return true;
  };
  more.onclick = () => void next();
  if (!(await next())) return;
  // Said once the first results are there, so that a screen reader announces what the reader can now read.
  const what = words === '' ? 'with these filters' : `for “${words}”`;
  status.textContent = results.length === 0
    ? `No passage found ${what}.`
    : `${results.length} passage${results.length === 1 ? '' : 's'} found ${what}.`;
  document.title = words === '' ? 'Search the edition' : `${words} – Search the edition`;
}

/** One passage found: its document and paragraph as a link to it, the excerpt with the words found marked. */
function resultItem(/** @type {any} */ data) {
  const item = document.createElement('li');
  item.className = 'search-result';
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  const words = String(data.content ?? '').split(/\s+/);
  // The other forms follow the text, the first of them opening with the bracket.
  const at = words.findIndex((word) => word.startsWith(FORMS_OPEN));
  const formsAt = at < 0 ? words.length : at;
  link.href = withTextFragment(String(data.url), words, formsAt, (data.locations ?? []).filter((/** @type {number} */ l) => l < formsAt));
  link.textContent = String(data.meta?.['document-title'] ?? data.url);
  heading.append(link);
  const where = document.createElement('p');
  where.className = 'search-result-where';
  where.textContent = [data.meta?.paragraph ? `paragraph ${data.meta.paragraph}` : '', data.meta?.heading ?? ''].filter((s) => s !== '').join(' · ');
  const excerpt = document.createElement('p');
  excerpt.className = 'search-result-excerpt';
  excerpt.append(...excerptNodes(String(data.excerpt ?? ''), words, formsAt));
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

/**
 * The excerpt as nodes: words found as <mark>, and the words that are other
 * forms (past `formsAt` in the content's words) in a span that says so. The
 * excerpt is a run of the content's words; where it starts is found by
 * comparing them.
 */
function excerptNodes(/** @type {string} */ html, /** @type {string[]} */ words, /** @type {number} */ formsAt) {
  const tokens = excerptWords(html);
  let start = 0;
  for (let s = 0; s + tokens.length <= words.length; s++) {
    if (tokens.every((t, i) => t.word === words[s + i])) { start = s; break; }
  }
  /** @type {Node[]} */
  const nodes = [];
  /** @type {HTMLElement | undefined} */
  let forms;
  tokens.forEach((token, i) => {
    const node = token.mark ? Object.assign(document.createElement('mark'), { textContent: token.word }) : document.createTextNode(token.word);
    const space = i === 0 ? [] : [document.createTextNode(' ')];
    if (start + i < formsAt) {
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
 * The passage's address with a text fragment for the first word found in
 * the reading text, with up to three words either side, so that the browser
 * highlights this occurrence and not an earlier one on the page. Browsers
 * without text fragments, or that do not find it, still go to the paragraph.
 */
function withTextFragment(/** @type {string} */ url, /** @type {string[]} */ words, /** @type {number} */ formsAt, /** @type {number[]} */ locations) {
  if (locations.length === 0) return url;
  const at = Math.min(...locations);
  const encode = (/** @type {string[]} */ part) => encodeURIComponent(part.join(' ')).replace(/-/g, '%2D');
  const before = words.slice(Math.max(0, at - 3), at);
  const after = words.slice(at + 1, Math.min(formsAt, at + 4));
  const directive = `${before.length > 0 ? `${encode(before)}-,` : ''}${encode([words[at]])}${after.length > 0 ? `,-${encode(after)}` : ''}`;
  const [address, fragment = ''] = url.split('#');
  return `${address}#${fragment}:~:text=${directive}`;
}
