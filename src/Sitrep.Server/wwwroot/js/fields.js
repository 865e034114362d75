// Small shared renderers: values with their sources, definition lists.
import { el } from './dom.js';
import { reportUrl } from './api.js';

export function sources(ids) {
  return el('span', { class: 'sources' }, '[', ids.map((id, i) => [i ? ', ' : '', el('a', { href: reportUrl(id), title: `report ${id}` }, id)]), ']');
}

/** "42,000 [4] · 40,000 [5]": every reported value with the reports behind it, side by side. */
export function sourced(values, format = (v) => String(v)) {
  if (!values || values.length === 0) return el('span', { class: 'muted' }, '—');
  return el('span', {}, values.map((v, i) => [i ? ' · ' : '', format(v.value), ' ', sources(v.sources)]));
}

export function facts(rows) {
  return el('dl', { class: 'facts' }, rows.filter(Boolean).map(([label, value]) => [el('dt', {}, label), el('dd', {}, value)]));
}
