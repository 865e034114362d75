// The JSON API: reads, and unsafe requests with the antiforgery token of the session.
let session = null;

export async function getSession(refresh = false) {
  if (!session || refresh) {
    const response = await fetch('/api/auth/session', { credentials: 'same-origin' });
    session = await response.json();
  }
  return session;
}

export async function getJson(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (response.status === 401) {
    location.assign('/login.html?next=' + encodeURIComponent(location.pathname + location.search));
    throw new Error('sign-in needed');
  }
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}: ${url}`);
  return response.json();
}

/** POST (or another unsafe method) with the X-CSRF-TOKEN header; body is JSON or FormData. */
export async function send(method, url, body) {
  const { csrfToken } = await getSession();
  const headers = { 'X-CSRF-TOKEN': csrfToken, Accept: 'application/json' };
  let payload = body;
  if (body !== undefined && !(body instanceof FormData)) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  return fetch(url, { method, headers, body: payload, credentials: 'same-origin' });
}

export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(name, value);
  }
  const text = search.toString();
  return text ? '?' + text : '';
}

export const eventUrl = (id) => '/event.html?id=' + encodeURIComponent(id);
export const areaUrl = (name) => '/area.html?name=' + encodeURIComponent(name);
export const actorUrl = (id) => '/actor.html?id=' + encodeURIComponent(id);
export const reportUrl = (id) => '/report.html?id=' + encodeURIComponent(id);
