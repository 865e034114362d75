// One besieged area: status over time as a band (and one band per corridor), days under blockade,
// deliveries against the needs estimate, population figures with their sources, and its events.
import { el, $, param, number, put } from './dom.js';
import { getJson, eventUrl } from './api.js';
import { header, fail } from './layout.js';
import { sourced, facts, sources } from './fields.js';
import { eventsTable } from './table.js';
import { statusColors } from './colors.js';
import { paintSwatches } from './map.js';

const day = (date) => Date.parse(date + 'T00:00:00Z') / 86400000;

/** A Gantt-like band: segments [{from, to, status, evidence}] placed between start and end (dates). */
function band(label, segments, start, end) {
  const span = Math.max(1, day(end) - day(start));
  const track = el('div', { class: 'track' });
  for (const s of segments) {
    const left = ((day(s.from) - day(start)) / span) * 100;
    const right = ((day(s.to || end) - day(start)) / span) * 100;
    const piece = el('a', { class: 'segment', href: s.evidence[0] ? eventUrl(s.evidence[0]) : '#', title: `${s.status.replace('_', ' ')} ${s.from} to ${s.to || 'the latest report'}` },
      s.status.replace('_', ' '));
    piece.style.left = `${left}%`;
    piece.style.width = `${Math.max(0.8, right - left)}%`;
    piece.style.backgroundColor = statusColors[s.status] || '#777';
    track.append(piece);
  }
  return el('div', { class: 'band' }, el('div', { class: 'band-label' }, label), track);
}

function deliveriesTrack(deliveries, start, end) {
  const span = Math.max(1, day(end) - day(start));
  const track = el('div', { class: 'track deliveries' });
  for (const d of deliveries.filter((d) => d.date)) {
    const tick = el('a', { class: 'tick', href: eventUrl(d.eventId), title: `${d.date}: ${d.actor || 'delivery'}${d.trucks ? `, ${d.trucks} trucks` : ''}${d.tonnes ? `, ${d.tonnes} t` : ''}` });
    tick.style.left = `${((day(d.date) - day(start)) / span) * 100}%`;
    track.append(tick);
  }
  return el('div', { class: 'band' }, el('div', { class: 'band-label' }, 'Deliveries'), track);
}

function needsBlock(needs) {
  if (!needs) return el('p', { class: 'muted' }, 'No needs estimate: the reports give no siege start or no population figure.');
  const bar = el('div', { class: 'coverage' }, el('div', { class: 'covered' }));
  bar.firstChild.style.width = `${Math.min(100, needs.foodCoverage * 100)}%`;
  return el('section', { class: 'needs', id: 'needs' },
    el('h2', {}, 'Deliveries against needs ', el('span', { class: 'estimate' }, 'ESTIMATE')),
    el('p', {}, `${number(needs.population)} people over ${needs.days} days (${needs.from} to ${needs.to}) needed about ${number(Math.round(needs.foodTonnesNeeded))} t of food `,
      `(${number(Math.round(needs.foodTruckloadsNeeded))} truckloads) and ${number(Math.round(needs.waterCubicMetresNeeded))} m³ of water. `,
      `Counted deliveries: ${number(Math.round(needs.foodTonnesDelivered))} t, ${(needs.foodCoverage * 100).toFixed(2)}% of the food need.`),
    bar,
    el('details', {}, el('summary', {}, 'Assumptions'), el('ul', {}, needs.assumptions.map((a) => el('li', {}, a)))));
}

async function main() {
  await header();
  const { area: a, needs, events } = await getJson('/api/areas/' + encodeURIComponent(param('name')));
  const dates = [...a.timeline.flatMap((t) => [t.from, t.to]), ...a.corridors.flatMap((c) => c.history.flatMap((h) => [h.from, h.to])), ...a.deliveries.map((d) => d.date), a.underBlockade.through]
    .filter(Boolean).sort();
  const start = dates[0];
  const end = dates[dates.length - 1] === start ? new Date((day(start) + 30) * 86400000).toISOString().slice(0, 10) : dates[dates.length - 1];
  const main = $('#page');
  put(main,
    el('h1', {}, a.name, ' ', el('span', { class: 'badge', 'data-color': statusColors[a.status] }, a.status.replace('_', ' '))),
    a.aliases.length ? el('p', { class: 'muted' }, 'Also: ' + a.aliases.join(', ')) : null,
    el('p', {}, el('a', { href: '/brief.html?area=' + encodeURIComponent(a.name), id: 'brief-link' }, 'Printable brief'), el('span', { class: 'muted' }, ' (with numbered citations; print or save as PDF)')),
    el('p', { class: 'headline', id: 'blockade-days' }, a.underBlockade.days
      ? `${number(a.underBlockade.days)} days under blockade, through ${a.underBlockade.through} (the latest dated report)`
      : 'No days under blockade counted.'),
    facts([
      ['Status', `${a.status.replace('_', ' ')}${a.since ? ' since ' + a.since : ''}`],
      ['Besieged by', a.besiegers.join(', ') || '—'],
      ['Blocked', a.blockedSupplies.join(', ') || '—'],
      ['Population', sourced(a.population, number)],
      ['Sources', sources(a.sources)],
    ]),
    el('section', { class: 'bands', id: 'status-band' },
      el('h2', {}, 'Status over time'),
      start ? [band('Area', a.timeline, start, end), a.corridors.map((c) => band(c.name, c.history, start, end)), deliveriesTrack(a.deliveries, start, end),
        el('div', { class: 'band-axis' }, el('span', {}, start), el('span', {}, end))] : el('p', { class: 'muted' }, 'No dated status.')),
    el('section', {}, el('h2', {}, 'Corridors'), a.corridors.length
      ? el('ul', {}, a.corridors.map((c) => el('li', {}, `${c.name}: ${c.status}${c.since ? ' since ' + c.since : ''} `, sources(c.sources))))
      : el('p', { class: 'muted' }, 'None reported.')),
    el('section', {}, el('h2', {}, 'Deliveries'), a.deliveries.length
      ? el('ul', {}, a.deliveries.map((d) => el('li', {}, el('a', { href: eventUrl(d.eventId) }, d.date || 'undated'), ` ${d.actor || ''}`,
        d.trucks ? ` ${number(d.trucks)} trucks` : '', d.tonnes ? ` ${number(d.tonnes)} t` : '', d.supplies.length ? ` (${d.supplies.join(', ')})` : '', ' ', sources(d.sources))))
      : el('p', { class: 'muted' }, 'None reported.')),
    needsBlock(needs),
    el('section', {}, el('h2', {}, `Events (${events.length})`), eventsTable(events)));
  paintSwatches();
  document.body.dataset.ready = 'true';
}

main().catch(fail);
