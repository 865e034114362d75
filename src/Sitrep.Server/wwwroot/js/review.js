// Analysts' decisions, shared by the review queue and the event page: buttons and small forms that POST
// to /api/events/{id}/review and /merge with the session's antiforgery token.
import { el } from './dom.js';
import { send, eventUrl } from './api.js';

export const canReview = (session) => session.role === 'analyst' || session.role === 'admin';

/** "confirmed", "corrected by ana on 2023-07-26": an event's review status as words. */
export function statusText(review, history = []) {
  const last = history.length ? history[history.length - 1] : null;
  return last ? `${review} (${last.kind} by ${last.analyst}, ${last.at.slice(0, 16).replace('T', ' ')})` : review;
}

async function post(url, body) {
  const response = await send('POST', url, body);
  let answer = null;
  try { answer = await response.json(); } catch { /* an empty 401/403 body */ }
  if (!response.ok) {
    const reason = answer?.detail || (response.status === 401 ? 'sign in first' : response.status === 403 ? 'analysts and admins only' : response.statusText);
    throw new Error(`${response.status}: ${reason}`);
  }
  return answer;
}

export function decide(id, action, extra = {}) {
  return post('/api/events/' + encodeURIComponent(id) + '/review', { action, ...extra });
}

export function merge(id, other, note) {
  return post('/api/events/' + encodeURIComponent(id) + '/merge', { other, note });
}

/**
 * The review controls of one event: confirm, reject (or restore), a correction form, a merge form and,
 * when it has several members (keys: strings, or {key, label}), split. onDone(result, action) runs after each recorded decision;
 * errors are shown beside the controls.
 */
export function reviewControls(event, keys, fields, onDone) {
  const message = el('span', { class: 'review-message', role: 'status' });
  const run = (action, work) => async () => {
    message.className = 'review-message';
    message.textContent = '…';
    try {
      const result = await work();
      message.textContent = `${result.decision.kind} recorded (#${result.decision.id})`;
      await onDone(result, action);
    } catch (error) {
      message.className = 'review-message error';
      message.textContent = error.message;
    }
  };
  const note = el('input', { class: 'review-note', placeholder: 'note for the audit log', maxlength: 2000 });
  const withNote = () => (note.value.trim() ? { note: note.value.trim() } : {});

  const rejected = event.review === 'rejected';
  const buttons = el('span', { class: 'review-buttons' },
    el('button', { type: 'button', class: 'confirm', onclick: run('confirm', () => decide(event.id, 'confirm', withNote())) }, 'Confirm'),
    rejected
      ? el('button', { type: 'button', class: 'restore', onclick: run('restore', () => decide(event.id, 'restore', withNote())) }, 'Restore')
      : el('button', { type: 'button', class: 'reject', onclick: run('reject', () => decide(event.id, 'reject', withNote())) }, 'Reject'));

  const field = el('select', { name: 'field', class: 'correct-field' }, fields.map((f) => el('option', { value: f }, f)));
  const category = el('input', { name: 'category', class: 'correct-category', placeholder: 'category, e.g. people', hidden: true });
  const value = el('input', { name: 'value', class: 'correct-value', placeholder: 'the right value', required: true, maxlength: 500 });
  field.addEventListener('change', () => { category.hidden = !field.value.startsWith('quantity:'); });
  const correct = el('form', { class: 'correct-form' }, 'Correct ', field, category, value, el('button', { type: 'submit' }, 'Correct'));
  correct.addEventListener('submit', (e) => {
    e.preventDefault();
    const name = field.value.startsWith('quantity:') ? 'quantity:' + category.value.trim() : field.value;
    run('correct', () => decide(event.id, 'correct', { field: name, value: value.value.trim(), ...withNote() }))();
  });

  const other = el('input', { name: 'other', class: 'merge-other', placeholder: 'id of the same event', required: true });
  const mergeForm = el('form', { class: 'merge-form' }, 'Same event as ', other, el('button', { type: 'submit' }, 'Merge'));
  mergeForm.addEventListener('submit', (e) => {
    e.preventDefault();
    run('merge', () => merge(event.id, other.value.trim(), withNote().note))();
  });

  let split = null;
  if (keys.length > 1) {
    const member = el('select', { name: 'key', class: 'split-key' },
      keys.map((k) => (typeof k === 'string' ? el('option', { value: k }, k) : el('option', { value: k.key, title: k.key }, k.label))));
    split = el('form', { class: 'split-form' }, 'Not the same event: ', member, el('button', { type: 'submit' }, 'Split out'));
    split.addEventListener('submit', (e) => {
      e.preventDefault();
      run('split', () => decide(member.value, 'split', withNote()))();
    });
  }

  return el('div', { class: 'review-controls' }, buttons, note, message, correct, mergeForm, split);
}

export const eventLink = (id, text) => el('a', { href: eventUrl(id) }, text);
