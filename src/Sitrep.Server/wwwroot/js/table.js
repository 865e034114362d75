// The events table: one row per merged event; the row links to the event page.
import { el } from './dom.js';
import { eventUrl } from './api.js';
import { groupOf } from './colors.js';

const columns = ['Date', 'Type', 'Place', 'Actor 1', 'Actor 2', 'Sources', 'Modality', 'Evidence'];

export function eventsTable(events) {
  const body = el('tbody');
  for (const e of events) {
    const swatch = el('span', { class: 'swatch', 'data-color': groupOf(e).color });
    body.append(el('tr', { 'data-id': e.id },
      el('td', { class: 'nowrap' }, e.date || ''),
      el('td', { class: 'nowrap' }, swatch, el('a', { href: eventUrl(e.id) }, e.type)),
      el('td', {}, e.places[0]?.value || ''),
      el('td', {}, e.actor1[0]?.value || ''),
      el('td', {}, e.actor2[0]?.value || ''),
      el('td', { class: 'num' }, String(e.sourceCount)),
      el('td', {}, e.modalities.join(', ')),
      el('td', { class: 'evidence' }, e.evidence.length > 160 ? e.evidence.slice(0, 160) + '…' : e.evidence)));
  }
  return el('table', { class: 'events', id: 'events-table' }, el('thead', {}, el('tr', {}, columns.map((c) => el('th', {}, c)))), body);
}
