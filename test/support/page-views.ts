/**
 * What each view of a samizdat page shows, as a reader sees it: the page
 * parsed (parse5, the HTML standard's parser), the elements of the other view
 * (class view-reading / view-diplomatic, which the style sheet hides) left
 * out, and the words of each paragraph read with white space normalised.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
export type View = 'reading' | 'diplomatic';

const classes = (e: Element): string[] => (e.attrs.find((a) => a.name === 'class')?.value ?? '').split(/\s+/);
const isElement = (n: Node): n is Element => 'tagName' in n;

/** The words of $node in $view: not the other view's, nor the paragraph numbers. */
function words(node: Node, view: View): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  if (!isElement(node) && !('childNodes' in node)) return '';
  if (isElement(node)) {
    const c = classes(node);
    if (c.includes(`view-${view === 'reading' ? 'diplomatic' : 'reading'}`) || c.includes('para-number')) return '';
  }
  return ('childNodes' in node ? node.childNodes : []).map((n) => words(n as Node, view)).join('');
}

function find(node: Node, test: (e: Element) => boolean, found: Element[] = []): Element[] {
  if (isElement(node) && test(node)) found.push(node);
  else if ('childNodes' in node) for (const n of node.childNodes) find(n as Node, test, found);
  return found;
}

/** The paragraphs (p id="para-N") of the page's text, each as $view shows its words. */
export function viewParagraphs(page: string, view: View): string[] {
  return find(parse(page), (e) => e.tagName === 'p' && /^para-\d+$/.test(e.attrs.find((a) => a.name === 'id')?.value ?? ''))
    .map((p) => words(p, view).replace(/\s+/g, ' ').trim());
}

/** The whole text of the page's article (the document's text, the apparatus …) as $view shows it. */
export function viewText(page: string, view: View): string {
  return find(parse(page), (e) => e.tagName === 'article').map((a) => words(a, view)).join(' ').replace(/\s+/g, ' ').trim();
}

/** The elements of the page whose class list has $name. */
export function withClass(page: string, name: string): Element[] {
  return find(parse(page), (e) => classes(e).includes(name));
}
export const attribute = (e: Element, name: string): string | undefined => e.attrs.find((a) => a.name === name)?.value;
