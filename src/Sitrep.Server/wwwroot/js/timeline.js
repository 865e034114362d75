// The timeline: events per month as SVG bars. Dragging across bars (or clicking one) selects a date
// range, which filters the map and the table; "clear" removes it.
import { el } from './dom.js';

const svgNs = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}) {
  const node = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  return node;
}

/** All months from the first to the last, so gaps show as gaps. */
function months(counts) {
  if (counts.length === 0) return [];
  const byMonth = new Map(counts.map((c) => [c.month, c.count]));
  const [y0, m0] = counts[0].month.split('-').map(Number);
  const [y1, m1] = counts[counts.length - 1].month.split('-').map(Number);
  const all = [];
  for (let y = y0, m = m0; y < y1 || (y === y1 && m <= m1); m === 12 ? (y++, m = 1) : m++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    all.push({ month: key, count: byMonth.get(key) || 0 });
  }
  return all;
}

const lastDay = (month) => {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

export function drawTimeline(container, counts, selection, onSelect) {
  container.replaceChildren();
  const data = months(counts);
  if (data.length === 0) {
    container.append(el('p', { class: 'muted' }, 'No dated events.'));
    return;
  }
  const width = 1000;
  const height = 90;
  const bar = width / data.length;
  const max = Math.max(...data.map((d) => d.count));
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height + 16}`, class: 'timeline', role: 'img', 'aria-label': 'Events per month' });
  let dragFrom = null;
  const pick = (i) => {
    const [a, b] = dragFrom === null ? [i, i] : [Math.min(dragFrom, i), Math.max(dragFrom, i)];
    onSelect({ since: `${data[a].month}-01`, until: lastDay(data[b].month) });
  };
  data.forEach((d, i) => {
    const h = d.count === 0 ? 0 : Math.max(2, (d.count / max) * height);
    const selected = (!selection.since || d.month >= selection.since.slice(0, 7)) && (!selection.until || d.month <= selection.until.slice(0, 7)) && (selection.since || selection.until);
    const group = svg('g', { class: 'month' + (selected ? ' selected' : ''), 'data-month': d.month });
    group.append(svg('rect', { x: i * bar, y: 0, width: bar, height, class: 'hit' }));
    group.append(svg('rect', { x: i * bar + bar * 0.1, y: height - h, width: Math.max(1, bar * 0.8), height: h, class: 'bar' }));
    const title = svg('title');
    title.textContent = `${d.month}: ${d.count} event${d.count === 1 ? '' : 's'}`;
    group.append(title);
    group.addEventListener('mousedown', (event) => { event.preventDefault(); dragFrom = i; });
    group.addEventListener('mouseup', () => { pick(i); dragFrom = null; });
    chart.append(group);
  });
  const step = Math.ceil(data.length / 12);
  data.forEach((d, i) => {
    if (i % step !== 0) return;
    const label = svg('text', { x: i * bar + 2, y: height + 13, class: 'axis' });
    label.textContent = d.month;
    chart.append(label);
  });
  container.append(chart);
}
