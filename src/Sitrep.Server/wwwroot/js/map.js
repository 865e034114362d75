// The events map: Natural Earth countries (npm world-atlas, served by Sitrep) drawn as vectors, no tile
// server; events clustered and coloured by group; besieged areas as rings. Leaflet, its marker clusters
// and topojson-client are loaded as classic scripts (globals L and topojson).
import { el } from './dom.js';
import { eventUrl, areaUrl } from './api.js';
import { groups, groupOf, statusColors } from './colors.js';

/* global L, topojson */

export function createMap(container) {
  const map = L.map(container, { preferCanvas: true, worldCopyJump: true, minZoom: 2, maxZoom: 12, zoomSnap: 0.5 }).setView([35, 40], 4);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Shapes: Natural Earth (world-atlas)');
  // The countries have a pane and canvas of their own under the events, so they can arrive last.
  map.createPane('basemap').style.zIndex = 250;
  loadBasemap(map).catch(() => container.classList.add('no-basemap'));
  const clusters = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40 });
  const areas = L.layerGroup();
  map.addLayer(clusters);
  map.addLayer(areas);
  legend().addTo(map);
  return { map, clusters, areas };
}

// Natural Earth at 1:110m (110 KB) draws the first view quickly; zoomed in past DETAILED_FROM, the
// 1:50m shapes (750 KB) replace it, fetched once.
const DETAILED_FROM = 5;

async function loadBasemap(map) {
  const renderer = L.canvas({ pane: 'basemap' });
  const draw = async (scale) => {
    const world = await (await fetch(`/lib/world-atlas/countries-${scale}.json`)).json();
    return L.geoJSON(topojson.feature(world, world.objects.countries), {
      interactive: false,
      pane: 'basemap',
      renderer,
      style: { color: '#9e9a90', weight: 0.6, fillColor: '#f4f1ea', fillOpacity: 1 },
    });
  };
  let coarse = (await draw('110m')).addTo(map);
  map.getContainer().dataset.basemap = 'drawn';
  const detail = async () => {
    if (map.getZoom() < DETAILED_FROM || !coarse) return;
    map.off('zoomend', detail);
    const fine = await draw('50m');
    fine.addTo(map);
    map.removeLayer(coarse);
    coarse = null;
    map.getContainer().dataset.basemap = 'detailed';
  };
  map.on('zoomend', detail);
  await detail();
}

export function showEvents(view, events) {
  view.clusters.clearLayers();
  const markers = [];
  for (const e of events) {
    if (e.latitude === null || e.longitude === null) continue;
    const color = groupOf(e).color;
    const marker = L.circleMarker([e.latitude, e.longitude], { radius: 7, color: '#fff', weight: 1.5, fillColor: color, fillOpacity: 0.9 });
    marker.bindPopup(() => popup(e));
    marker.options.eventId = e.id;
    markers.push(marker);
  }
  view.clusters.addLayers(markers);
  return markers.length;
}

export function showAreas(view, areas) {
  view.areas.clearLayers();
  for (const a of areas) {
    if (a.latitude === null || a.longitude === null) continue;
    const ring = L.circleMarker([a.latitude, a.longitude], { radius: 16, color: statusColors[a.status] || '#555', weight: 3, fill: false, dashArray: a.status === 'partially_besieged' ? '4 4' : null });
    ring.bindTooltip(`${a.name}: ${a.status.replace('_', ' ')}${a.since ? ' since ' + a.since : ''}`);
    ring.on('click', () => location.assign(areaUrl(a.name)));
    ring.addTo(view.areas);
  }
}

function popup(e) {
  return el('div', { class: 'popup' },
    el('strong', {}, e.type), ' ', e.date || 'undated', el('br'),
    e.places[0]?.value || '', el('br'),
    el('span', { class: 'quote' }, e.evidence.length > 180 ? e.evidence.slice(0, 180) + '…' : e.evidence), el('br'),
    el('a', { href: eventUrl(e.id) }, `Open (${e.sourceCount} source${e.sourceCount === 1 ? '' : 's'})`));
}

function legend() {
  const control = L.control({ position: 'bottomleft' });
  control.onAdd = () => el('div', { class: 'legend' },
    groups.map((g) => el('div', {}, el('span', { class: 'swatch', 'data-color': g.color }), g.name)),
    el('div', {}, el('span', { class: 'ring' }), 'Besieged area'));
  return control;
}

/** Colours the legend swatches from their data attribute (CSP forbids inline style attributes in markup). */
export function paintSwatches(root = document) {
  for (const swatch of root.querySelectorAll('[data-color]')) swatch.style.backgroundColor = swatch.dataset.color;
}
