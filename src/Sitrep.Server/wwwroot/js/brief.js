// An area's brief, printable: the Markdown of GET /api/areas/{name}/brief rendered as DOM nodes, with
// buttons to print (or save as PDF from the browser's print dialog) and to download the Markdown.
import { el, $, param, put } from './dom.js';
import { areaUrl } from './api.js';
import { header, fail } from './layout.js';
import { renderMarkdown } from './markdown.js';

async function main() {
  await header();
  const name = param('area') || '';
  const url = '/api/areas/' + encodeURIComponent(name) + '/brief';
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/markdown' } });
  if (response.status === 401) {
    location.assign('/login.html?next=' + encodeURIComponent(location.pathname + location.search));
    return;
  }
  if (!response.ok) throw new Error(response.status === 404 ? `No besieged or blockaded area is called "${name}".` : `${response.status}: ${url}`);
  const markdown = await response.text();
  const article = el('article', { class: 'brief', id: 'brief' }, renderMarkdown(markdown));
  const title = article.querySelector('h1');
  if (title) document.title = `${title.textContent} - Sitrep`;
  put($('#page'),
    el('p', { class: 'controls no-print' },
      el('a', { href: areaUrl(name) }, '← the area'), ' ',
      el('button', { type: 'button', id: 'print', onclick: () => window.print() }, 'Print or save as PDF'), ' ',
      el('a', { href: url, download: `${name}-brief.md` }, 'Markdown')),
    article);
  document.body.dataset.ready = 'true';
}

main().catch(fail);
