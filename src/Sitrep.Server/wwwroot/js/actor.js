// Actors: the list (emerging ones first), or one actor with its reports and events.
import { el, $, param, put } from './dom.js';
import { getJson, actorUrl, reportUrl } from './api.js';
import { header, fail } from './layout.js';
import { facts } from './fields.js';
import { eventsTable } from './table.js';
import { paintSwatches } from './map.js';

async function one(id) {
  const { actor: a, reportIds, events } = await getJson('/api/actors/' + encodeURIComponent(id));
  put($('#page'),
    el('h1', {}, a.name, a.emerging ? el('span', { class: 'badge new' }, 'emerging') : null),
    facts([
      ['Id', a.id],
      ['Type', a.type.replace('_', ' ')],
      ['Country', a.countryCode || '—'],
      ['Also written', a.aliases.join(', ') || '—'],
      ['First seen', el('span', {}, a.firstSeen || 'undated', ' in ', el('a', { href: reportUrl(a.firstReport) }, `report ${a.firstReport}`), a.firstChannel ? ` (${a.firstChannel})` : '')],
      ['Last seen', a.lastSeen || '—'],
      ['Reports', el('span', {}, reportIds.map((r, i) => [i ? ', ' : '', el('a', { href: reportUrl(r) }, r)]))],
    ]),
    el('h2', {}, `Events (${events.length})`),
    eventsTable(events));
}

async function all() {
  const actors = await getJson('/api/actors');
  actors.sort((x, y) => Number(y.emerging) - Number(x.emerging));
  put($('#page'), el('h1', {}, 'Actors'), el('table', { class: 'events' },
    el('thead', {}, el('tr', {}, ['Actor', 'Type', 'Reports', 'Events', 'First seen', 'Last seen'].map((c) => el('th', {}, c)))),
    el('tbody', {}, actors.map((a) => el('tr', {},
      el('td', {}, el('a', { href: actorUrl(a.id) }, a.name), a.emerging ? el('span', { class: 'badge new' }, 'emerging') : null),
      el('td', {}, a.type.replace('_', ' ')), el('td', { class: 'num' }, String(a.reports)), el('td', { class: 'num' }, String(a.events)),
      el('td', {}, a.firstSeen || ''), el('td', {}, a.lastSeen || ''))))));
}

async function main() {
  await header();
  const id = param('id');
  await (id ? one(id) : all());
  paintSwatches();
  document.body.dataset.ready = 'true';
}

main().catch(fail);
