// Sign-in: name and password to POST /api/auth/login with the antiforgery token, then back where the user was.
import { el, $, param, put } from './dom.js';
import { getSession, send } from './api.js';
import { fail } from './layout.js';

function next() {
  const target = param('next') || '/';
  return target.startsWith('/') && !target.startsWith('//') ? target : '/';
}

async function main() {
  const session = await getSession();
  const message = el('p', { id: 'login-message', class: 'muted' }, session.authenticated ? `Signed in as ${session.name}.` : '');
  const form = el('form', { id: 'login-form', class: 'login' },
    el('label', {}, 'Name', el('input', { name: 'name', id: 'login-name', autocomplete: 'username', required: true })),
    el('label', {}, 'Password', el('input', { name: 'password', id: 'login-password', type: 'password', autocomplete: 'current-password', required: true })),
    el('button', { type: 'submit' }, 'Sign in'),
    message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const response = await send('POST', '/api/auth/login', { name: form.elements.name.value, password: form.elements.password.value });
    if (response.ok) {
      location.assign(next());
    } else {
      message.className = 'error';
      message.textContent = response.status === 429 ? 'Too many attempts; wait a minute.' : 'Wrong name or password.';
    }
  });
  put($('#page'), el('h1', {}, el('a', { href: '/' }, 'Sitrep'), ' sign in'), form,
    el('p', { class: 'muted' }, session.readAccess === 'public' ? 'Reading is open to everyone; sign in to add reports.' : 'Sign in to read.'));
  document.body.dataset.ready = 'true';
}

main().catch(fail);
