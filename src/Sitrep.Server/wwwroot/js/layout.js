// The header every page shares: navigation and who is signed in.
import { el, $ } from './dom.js';
import { getSession, send } from './api.js';

export async function header() {
  const session = await getSession();
  const nav = el('nav', { class: 'top' },
    el('a', { href: '/', class: 'brand' }, 'Sitrep'),
    el('a', { href: '/#events' }, 'Events'),
    el('a', { href: '/#areas' }, 'Areas'),
    el('a', { href: '/#actors' }, 'Actors'),
    el('a', { href: '/review.html', id: 'nav-review' }, 'Review'),
    el('a', { href: '/api/events.csv' }, 'CSV'),
    el('a', { href: '/api/events.geojson' }, 'GeoJSON'),
    el('a', { href: '/openapi/v1.json' }, 'API'),
    el('span', { class: 'grow' }));
  if (session.authenticated) {
    nav.append(el('span', { class: 'user', id: 'user' }, `${session.name} (${session.role})`),
      el('button', { type: 'button', class: 'link', onclick: signOut }, 'Sign out'));
  } else {
    nav.append(el('a', { href: '/login.html?next=' + encodeURIComponent(location.pathname + location.search), id: 'sign-in' }, 'Sign in'));
  }
  $('body').prepend(nav);
  return session;
}

async function signOut() {
  await send('POST', '/api/auth/logout');
  location.assign('/');
}

export function fail(error) {
  const main = $('main');
  main.prepend(el('p', { class: 'error' }, String(error.message || error)));
}
