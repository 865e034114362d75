// The front page: map, timeline, events table with filters, areas, emerging actors, upload for analysts.
import { el, $, clear } from './dom.js';
import { getJson, query, send, areaUrl, actorUrl, reportUrl } from './api.js';
import { header, fail } from './layout.js';
import { createMap, showEvents, showAreas, paintSwatches } from './map.js';
import { drawTimeline } from './timeline.js';
import { eventsTable } from './table.js';
import { statusColors } from './colors.js';

const filterNames = ['q', 'type', 'actor', 'area', 'source', 'modality', 'since', 'until'];
const form = $('#filters');
let view;

function filters() {
  const data = new FormData(form);
  return Object.fromEntries(filterNames.map((n) => [n, (data.get(n) || '').trim()]));
}

function setFilters(values) {
  for (const name of filterNames) form.elements[name].value = values[name] || '';
}

// reuse: the first load, which shares the sidebars' request for the latest events.
async function refresh(reuse = false) {
  const f = filters();
  history.replaceState(null, '', query(f) || location.pathname);
  const { since, until, ...rest } = f;
  const unfiltered = Object.values(f).every((v) => !v);
  const [page, months] = await Promise.all([
    unfiltered && reuse ? latestEvents() : getJson('/api/events' + query({ ...f, limit: 1000 })),
    getJson('/api/events/histogram' + query(rest)),
  ]);
  const shown = showEvents(view, page.items);
  $('#event-count').textContent = `${page.total} matching${page.total > page.items.length ? `, the first ${page.items.length} shown` : ''}; ${shown} on the map`;
  clear($('#table')).append(eventsTable(page.items));
  drawTimeline($('#timeline'), months, { since, until }, (range) => {
    form.elements.since.value = range.since;
    form.elements.until.value = range.until;
    refresh().catch(fail);
  });
  $('#range-note').textContent = since || until ? `Showing ${since || '…'} to ${until || '…'}.` : 'Drag across the months to filter the map and the table.';
  paintSwatches();
}

// The latest events, unfiltered: what the type list is made of. The front page without filters asks once.
let latest = null;
const latestEvents = () => (latest ??= getJson('/api/events?limit=1000'));

async function sidebars() {
  const [areas, emerging, all] = await Promise.all([
    getJson('/api/areas?summary=true'),
    getJson('/api/actors?emerging=true'),
    latestEvents(),
  ]);
  showAreas(view, areas);
  const list = $('#area-list');
  for (const a of areas) {
    const badge = el('span', { class: 'badge', 'data-color': statusColors[a.status] }, a.status.replace('_', ' '));
    list.append(el('li', {}, el('a', { href: areaUrl(a.name) }, a.name), ' ', badge,
      el('span', { class: 'muted' }, a.since ? ` since ${a.since}` : '', a.underBlockade.days ? `, ${a.underBlockade.days} days` : '')));
    $('#f-area').append(el('option', { value: a.name }, a.name));
  }
  if (areas.length === 0) list.append(el('li', { class: 'muted' }, 'None described as besieged yet.'));
  const actors = $('#emerging-list');
  for (const a of emerging) {
    actors.append(el('li', {}, el('a', { href: actorUrl(a.id) }, a.name), el('span', { class: 'muted' }, ` ${a.type.replace('_', ' ')}, first seen in `),
      el('a', { href: reportUrl(a.firstReport) }, `report ${a.firstReport}`), a.firstChannel ? el('span', { class: 'muted' }, ` (${a.firstChannel})`) : null));
  }
  if (emerging.length === 0) actors.append(el('li', { class: 'muted' }, 'None yet.'));
  for (const type of [...new Set(all.items.map((e) => e.type))].sort()) $('#f-type').append(el('option', { value: type }, type));
  paintSwatches();
}

async function upload(event) {
  event.preventDefault();
  const data = new FormData();
  for (const file of $('#upload-files').files) data.append('files', file, file.name);
  const response = await send('POST', '/api/reports/upload', data);
  const out = clear($('#upload-result'));
  if (!response.ok) {
    out.append(el('p', { class: 'error' }, `Upload refused (${response.status}).`));
    return;
  }
  const summary = await response.json();
  out.append(el('p', {}, `${summary.new} new, ${summary.newVersions} new versions, ${summary.alreadyStored} already stored.`));
  for (const p of summary.problems) out.append(el('p', { class: 'error' }, `${p.origin}: ${p.reason} (${p.code})`));
  await refresh();
}

async function main() {
  // Everything the page needs is asked for at once (index.html preloads it); the basemap draws whenever it arrives (map.js).
  const sessionLoaded = header();
  const params = new URLSearchParams(location.search);
  setFilters(Object.fromEntries(filterNames.map((n) => [n, params.get(n)])));
  view = createMap($('#map'));
  form.addEventListener('submit', (event) => { event.preventDefault(); refresh().catch(fail); });
  $('#f-clear').addEventListener('click', () => { setFilters({}); refresh().catch(fail); });
  for (const select of form.querySelectorAll('select')) select.addEventListener('change', () => refresh().catch(fail));
  if (params.get('area') || params.get('type')) {
    // The area and type lists are filled from the sidebars' answers: the filters need them first.
    await sidebars();
    if (params.get('area')) form.elements.area.value = params.get('area');
    if (params.get('type')) form.elements.type.value = params.get('type');
    await refresh();
  } else {
    await Promise.all([sidebars(), refresh(true)]);
  }
  const session = await sessionLoaded;
  if (session.role === 'analyst' || session.role === 'admin') {
    $('#upload').hidden = false;
    $('#upload-form').addEventListener('submit', (event) => upload(event).catch(fail));
  }
  document.body.dataset.ready = 'true';
}

main().catch(fail);
