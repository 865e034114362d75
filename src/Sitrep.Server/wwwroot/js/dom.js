// Building DOM nodes without HTML strings: every text goes in as a text node, so report text can never
// become markup. Attributes are set one by one; "text" sets textContent, "on*" adds a listener.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = String(value);
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

/** Only http(s) links from reports are followed; anything else (javascript:, data:) is shown as text. */
export function safeUrl(url) {
  try {
    const parsed = new URL(url, location.origin);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export function link(href, text, attrs = {}) {
  return el('a', { href, ...attrs }, text);
}

export const $ = (selector, root = document) => root.querySelector(selector);

export function param(name) {
  return new URLSearchParams(location.search).get(name);
}

export function number(value) {
  return typeof value === 'number' ? value.toLocaleString('en-GB') : '';
}

/** node.append without the "null" and "undefined" text that the DOM would make of absent children. */
export function put(node, ...children) {
  return append(node, children);
}
