// The review queue: unreviewed events, those that change access first, then those whose sources
// disagree, then the least certain; analysts confirm, reject, correct, merge or split each in place.
// Below it, the latest decisions of the audit log.
import { el, $, clear, put } from './dom.js';
import { getJson } from './api.js';
import { header, fail } from './layout.js';
import { sources } from './fields.js';
import { canReview, reviewControls, eventLink } from './review.js';

const pageSize = 50;

function row(item, fields, reviewer, onDone) {
  const e = item.event;
  const status = el('span', { class: 'review-status', 'data-status': e.review }, e.review);
  const evidence = e.evidence.length > 240 ? e.evidence.slice(0, 240) + '…' : e.evidence;
  const li = el('li', { class: 'queue-item', 'data-id': e.id },
    el('div', { class: 'queue-head' },
      eventLink(e.id, e.type), ' ',
      el('span', { class: 'muted' }, [e.date || 'undated', e.places[0]?.value, e.actor1[0]?.value].filter(Boolean).join(' · ')), ' ',
      status, ' ',
      item.reasons.map((r) => el('span', { class: 'reason' }, r))),
    el('p', { class: 'queue-evidence' }, evidence, ' ', sources(e.sources)));
  if (reviewer) {
    li.append(reviewControls(e, item.keys, fields, async (result, action) => {
      const done = { confirm: 'confirmed', reject: 'rejected', restore: 'unreviewed', correct: 'corrected', merge: 'merged', split: 'split' }[action] || action;
      status.textContent = `${done} by ${result.decision.analyst}`;
      status.dataset.status = done;
      li.classList.add('decided');
      await onDone();
    }));
  }
  return li;
}

async function showLog(target) {
  const log = await getJson('/api/review/log?limit=20');
  clear(target).append(log.length
    ? el('ul', { class: 'plain log' }, log.map((d) => el('li', {},
      el('span', { class: 'muted' }, `#${d.id} ${d.at.replace('T', ' ').slice(0, 16)} `), `${d.analyst}: ${d.kind} `, eventLink(d.target, d.target),
      d.field ? ` ${d.field} = ${d.value}` : '', d.other ? ' with ' : '', d.other ? eventLink(d.other, d.other) : '',
      d.note ? el('span', { class: 'muted' }, ` (${d.note})`) : '')))
    : el('p', { class: 'muted' }, 'No decisions yet.'));
}

async function main() {
  const session = await header();
  const reviewer = canReview(session);
  const offset = Math.max(0, Number(new URLSearchParams(location.search).get('offset')) || 0);
  const queue = await getJson(`/api/review/queue?limit=${pageSize}&offset=${offset}`);
  const logSection = el('section', { id: 'review-log' }, el('h2', {}, 'Latest decisions'), el('div', { id: 'log' }));
  const refreshLog = () => (reviewer ? showLog($('#log', logSection)) : Promise.resolve());
  const list = el('ol', { class: 'queue', id: 'queue', start: offset + 1 },
    queue.items.map((item) => row(item, queue.fields, reviewer, refreshLog)));
  put($('#page'),
    el('h1', {}, 'Review queue ', el('span', { class: 'muted' }, `${queue.total} unreviewed`)),
    reviewer
      ? el('p', { class: 'muted' }, 'A decision about an event applies to every report of it, outlives re-extraction, and goes to the audit log under your name.')
      : el('p', { class: 'note' }, session.authenticated ? 'Only analysts and admins review; you can read the queue.' : 'Sign in as an analyst to confirm, correct, reject, merge or split events.'),
    queue.items.length ? list : el('p', { class: 'muted' }, 'Nothing to review.'),
    el('p', { class: 'pager' },
      offset > 0 ? el('a', { href: `?offset=${Math.max(0, offset - pageSize)}` }, '← previous') : null, ' ',
      offset + pageSize < queue.total ? el('a', { href: `?offset=${offset + pageSize}` }, 'next →') : null),
    reviewer ? logSection : null);
  await refreshLog();
  document.body.dataset.ready = 'true';
}

main().catch(fail);
