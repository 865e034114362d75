// One merged event: its fields with their sources, why its reports were merged, and each report's text
// with the evidence highlighted (spans are code points into the text).
import { el, $, param, number, put } from './dom.js';
import { getJson, areaUrl, actorUrl, reportUrl } from './api.js';
import { header, fail } from './layout.js';
import { sourced, facts, sources } from './fields.js';
import { markedText } from './text.js';
import { canReview, reviewControls, statusText } from './review.js';

async function main() {
  const session = await header();
  const id = param('id');
  const { event: e, mergeEvidence, mentions, corrections, reviewHistory } = await getJson('/api/events/' + encodeURIComponent(id));
  const actor = (v) => el('a', { href: actorUrl(v) }, v);
  const main = $('#page');
  put(main,
    el('h1', {}, e.type.replaceAll('_', ' ').toLowerCase(), ' ', el('span', { class: 'muted' }, e.date || 'undated')),
    facts([
      ['Type', `${e.type} (ACLED: ${e.acledEventType || '—'} / ${e.acledSubEventType || '—'})`],
      ['Dates', sourced(e.dates)],
      ['Places', sourced(e.places)],
      ['Actor 1', sourced(e.actor1, actor)],
      ['Actor 2', sourced(e.actor2, actor)],
      ['Figures', e.quantities.length ? el('span', {}, e.quantities.map((q, i) => [i ? ' · ' : '', `${q.category} ${number(q.value)} `, sources(q.sources)])) : null],
      ['Supplies', e.supplies.join(', ') || null],
      ['Modality', e.modalities.join(', ')],
      ['Areas', e.areas.length ? el('span', {}, e.areas.map((a, i) => [i ? ', ' : '', el('a', { href: areaUrl(a) }, a)])) : null],
      ['Sources', el('span', {}, `${e.sourceCount} report${e.sourceCount === 1 ? '' : 's'} `, sources(e.sources), e.sourceNames.length ? ` (${e.sourceNames.join(', ')})` : '')],
      ['Confidence', e.confidence.toFixed(2)],
      mergeEvidence.length ? ['Merged because', mergeEvidence.join('; ')] : null,
    ].map((row) => (row && row[1] !== null ? row : null))),
    e.hasDisagreement ? el('p', { class: 'note' }, 'Sources disagree on some details: every version is listed with its sources.') : null,
    await reviewSection(session, e, mentions, corrections, reviewHistory || []));

  for (const m of mentions) {
    const report = await getJson('/api/reports/' + encodeURIComponent(m.reportId));
    const spans = m.evidence ? [{ ...m.evidence, className: 'evidence', title: `evidence of ${e.type}` }] : [];
    const text = el('div', { class: 'report-text' }, markedText(report.text, spans));
    put(main, el('section', { class: 'mention' },
      el('h2', {}, el('a', { href: reportUrl(report.id) }, report.title || report.externalId)),
      el('p', { class: 'muted' }, [report.outlet || report.channel, report.published?.slice(0, 10), `modality ${m.modality}`].filter(Boolean).join(' · ')),
      text));
    const mark = text.querySelector('mark');
    if (mark) text.scrollTop = Math.max(0, mark.offsetTop - text.offsetTop - 40);
  }
  document.body.dataset.ready = 'true';
}

async function reviewSection(session, e, mentions, corrections, history) {
  const section = el('section', { class: 'review', id: 'review' },
    el('h2', {}, 'Review'),
    el('p', {}, 'Status: ', el('span', { class: 'review-status', id: 'review-status', 'data-status': e.review }, statusText(e.review, history))),
    corrections.length
      ? el('table', { class: 'events corrections', id: 'corrections' },
        el('thead', {}, el('tr', {}, ['Field', 'Extracted', 'Corrected to', 'By', 'When'].map((h) => el('th', {}, h)))),
        el('tbody', {}, corrections.map((c) => el('tr', {}, el('td', {}, c.field), el('td', { class: 'muted' }, c.extracted || '—'), el('td', {}, c.value),
          el('td', {}, c.analyst), el('td', { class: 'nowrap' }, c.at.replace('T', ' ').slice(0, 16))))))
      : null,
    history.length
      ? el('ul', { class: 'plain history' }, history.map((d) => el('li', { class: 'muted' },
        `${d.at.replace('T', ' ').slice(0, 16)} ${d.analyst}: ${d.kind}${d.field ? ` ${d.field} = ${d.value}` : ''}`)))
      : null);
  if (canReview(session)) {
    const fields = await getJson('/api/review/fields');
    section.append(reviewControls(e, mentions.map((m) => ({ key: m.key, label: `${m.source || 'report ' + m.reportId}: ${m.evidenceText.slice(0, 60)}` })), fields, (result) => {
      // After a merge or split the event may have another id: follow it.
      location.assign(result.eventId === e.id ? location.href : '/event.html?id=' + encodeURIComponent(result.eventId));
    }));
  }
  return section;
}

main().catch(fail);
