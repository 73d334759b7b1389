/**
 * The script a served page loads from `/__samizdat/reload.js` (never written
 * into the output): it listens to the server's events, reloads the page after
 * a rebuild, and shows the problems of a round over the page — as text, never
 * as markup — while the page keeps the last good edition.
 */

export const EVENTS_PATH = '/__samizdat/events';
export const RELOAD_SCRIPT_PATH = '/__samizdat/reload.js';

/** What the page gets on the events stream: `reload`, or `problems` with this shape as JSON. */
export interface ProblemsMessage {
  /** True when the round wrote nothing (the page shows the last good edition). */
  failed: boolean;
  problems: { where: string; severity: string; message: string; ruleId: string }[];
  /** Problems left out of `problems` to keep the message short. */
  more: number;
}

export const RELOAD_SCRIPT = `// samizdat serve: live reload (served only by samizdat serve, never published)
(function () {
  'use strict';
  if (!('EventSource' in window)) return;
  var events = new EventSource(${JSON.stringify(EVENTS_PATH)});
  var panel = null;
  events.addEventListener('reload', function () { location.reload(); });
  events.addEventListener('problems', function (event) { show(JSON.parse(event.data)); });
  function element(name, text, style) {
    var node = document.createElement(name);
    if (text !== undefined) node.textContent = text;
    if (style) node.setAttribute('style', style);
    return node;
  }
  function show(message) {
    if (panel) panel.remove();
    panel = null;
    if (message.problems.length === 0) return;
    panel = element('aside', undefined, 'position:fixed;left:0;right:0;bottom:0;max-height:50vh;overflow:auto;z-index:2147483647;' +
      'margin:0;padding:0.75em 1em;background:#fff8f6;color:#1a1a1a;border-top:3px solid #b3261e;' +
      'font:14px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;box-shadow:0 -2px 8px rgba(0,0,0,.2)');
    panel.setAttribute('role', 'alert');
    panel.setAttribute('aria-label', 'samizdat: problems in the sources');
    var close = element('button', 'Close', 'float:right;font:inherit');
    close.type = 'button';
    close.addEventListener('click', function () { panel.remove(); panel = null; });
    panel.appendChild(close);
    panel.appendChild(element('strong', message.failed
      ? 'The last change did not build; this page shows the last good edition.'
      : 'Built, with problems to fix.'));
    var list = element('ul', undefined, 'margin:0.5em 0 0;padding-left:1.2em');
    message.problems.forEach(function (p) {
      list.appendChild(element('li', p.where + ': ' + p.severity + ': ' + p.message + ' [' + p.ruleId + ']', 'white-space:pre-wrap'));
    });
    if (message.more > 0) list.appendChild(element('li', '… and ' + message.more + ' more (see the terminal).'));
    panel.appendChild(list);
    document.body.appendChild(panel);
  }
})();
`;
