// One stored report: its metadata, and its text (as text, never HTML) with every event's evidence marked.
import { el, $, param, safeUrl, put } from './dom.js';
import { getJson } from './api.js';
import { header, fail } from './layout.js';
import { facts } from './fields.js';
import { markedText } from './text.js';

async function main() {
  await header();
  const r = await getJson('/api/reports/' + encodeURIComponent(param('id')));
  const url = r.url && safeUrl(r.url);
  const spans = r.annotations.events.map((e) => ({ ...e.evidence, className: 'evidence', title: `${e.type} (${e.modality})` }));
  put($('#page'),
    el('h1', {}, r.title || r.externalId),
    facts([
      ['Source', r.outlet || r.channel || '—'],
      ['Published', r.published || '—'],
      ['Link', url ? el('a', { href: url, rel: 'noopener noreferrer' }, url) : r.url || '—'],
      ['Identity', `${r.externalId} (version ${r.version}, ${r.format})`],
      ['Found', `${r.annotations.events.length} events, ${r.annotations.places.length} places, ${r.annotations.actors.length} actors`],
      r.error ? ['Error', r.error] : null,
    ]),
    el('div', { class: 'report-text', id: 'report-text' }, markedText(r.text, spans)));
  document.body.dataset.ready = 'true';
}

main().catch(fail);
