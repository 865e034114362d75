// DOM nodes from the Markdown subset of Sitrep's area brief (AreaBrief.cs; BriefMarkdown.cs renders the
// same subset to HTML for PDFs): "#" headings, paragraphs, "- " and "1. " lists, pipe tables, and inline
// **strong**, _emphasis_, `code`, <https://...> links, backslash escapes and [n] citations linked to the
// n-th source. Everything is built with createElement and text nodes: a brief quotes report text, which
// must never become markup.
import { el, safeUrl } from './dom.js';

/** The brief's blocks as an array of nodes. */
export function renderMarkdown(markdown) {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const nodes = [];
  let paragraph = [];
  let list = null;
  const flush = () => {
    if (paragraph.length) nodes.push(el('p', {}, inline(paragraph.join(' '))));
    paragraph = [];
  };
  const close = () => { list = null; };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') { flush(); close(); continue; }
    const heading = /^(#{1,6}) (.*)$/.exec(line);
    if (heading) {
      flush(); close();
      nodes.push(el('h' + heading[1].length, {}, inline(heading[2].trim())));
      continue;
    }
    if (line.startsWith('|') && i + 1 < lines.length && isRule(lines[i + 1])) {
      flush(); close();
      const head = el('tr', {}, cells(line).map((c) => el('th', {}, inline(c))));
      const body = el('tbody');
      for (i += 2; i < lines.length && lines[i].startsWith('|'); i++) body.append(el('tr', {}, cells(lines[i]).map((c) => el('td', {}, inline(c)))));
      i--;
      nodes.push(el('table', { class: 'brief-table' }, el('thead', {}, head), body));
      continue;
    }
    const ordered = /^(\d{1,6})\. (.*)$/.exec(line);
    if (line.startsWith('- ') || ordered) {
      flush();
      const kind = ordered ? 'ol' : 'ul';
      if (!list || list.tagName.toLowerCase() !== kind) {
        list = el(kind);
        nodes.push(list);
      }
      list.append(ordered
        ? el('li', { value: ordered[1], id: 'source-' + ordered[1] }, inline(ordered[2]))
        : el('li', {}, inline(line.slice(2))));
      continue;
    }
    close();
    paragraph.push(line.trim());
  }
  flush();
  return nodes;
}

const escapable = (c) => c !== undefined && /[!-/:-@[-`{-~]/.test(c);
const wordChar = (c) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Inline Markdown of one block as nodes. */
export function inline(text, start = 0, end = text.length) {
  const nodes = [];
  let plain = '';
  const push = (node) => {
    if (plain) nodes.push(document.createTextNode(plain));
    plain = '';
    nodes.push(node);
  };
  let i = start;
  while (i < end) {
    const c = text[i];
    let close;
    if (c === '\\' && i + 1 < end && escapable(text[i + 1])) {
      plain += text[i + 1];
      i += 2;
    } else if (c === '`' && (close = find(text, '`', i + 1, end)) >= 0) {
      push(el('code', {}, text.slice(i + 1, close)));
      i = close + 1;
    } else if (c === '*' && text[i + 1] === '*' && (close = find(text, '**', i + 2, end)) > i + 2) {
      push(el('strong', {}, inline(text, i + 2, close)));
      i = close + 2;
    } else if (c === '_' && opensEmphasis(text, i, end) && (close = emphasisCloser(text, i + 1, end)) > 0) {
      push(el('em', {}, inline(text, i + 1, close)));
      i = close + 1;
    } else if (c === '<' && (close = find(text, '>', i + 1, end)) > 0 && webAddress(text.slice(i + 1, close))) {
      const url = text.slice(i + 1, close);
      push(el('a', { href: safeUrl(url), rel: 'noreferrer' }, url));
      i = close + 1;
    } else if (c === '[' && /^\[(\d{1,6})\]/.test(text.slice(i, end))) {
      const number = /^\[(\d{1,6})\]/.exec(text.slice(i, end))[1];
      push(el('a', { class: 'cite', href: '#source-' + number }, `[${number}]`));
      i += number.length + 2;
    } else {
      plain += c;
      i++;
    }
  }
  if (plain) nodes.push(document.createTextNode(plain));
  return nodes;
}

function find(text, marker, from, end) {
  for (let i = from; i <= end - marker.length; i++) {
    if (text[i] === '\\') { i++; continue; }
    if (text.startsWith(marker, i)) return i;
  }
  return -1;
}

// "_" opens emphasis at a word's start only, so AID_DELIVERED stays one word (as in CommonMark).
function opensEmphasis(text, at, end) {
  return (at === 0 || !wordChar(text[at - 1])) && at + 1 < end && !/\s/.test(text[at + 1]);
}

function emphasisCloser(text, from, end) {
  for (let i = from; i < end; i++) {
    if (text[i] === '\\') { i++; continue; }
    if (text[i] === '_' && i > from && !/\s/.test(text[i - 1]) && (i + 1 === end || !wordChar(text[i + 1]))) return i;
  }
  return -1;
}

function webAddress(text) {
  return /^https?:\/\/[^\s<>"]+$/i.test(text) && safeUrl(text) !== null;
}

function isRule(line) {
  const inner = line.trim().replace(/^\||\|$/g, '').split('|');
  return line.startsWith('|') && inner.every((cell) => /^\s*:?-+:?\s*$/.test(cell));
}

function cells(line) {
  const out = [];
  let cell = '';
  const text = line.trim();
  for (let i = text.startsWith('|') ? 1 : 0; i < text.length; i++) {
    if (text[i] === '\\' && i + 1 < text.length) { cell += text[i] + text[i + 1]; i++; }
    else if (text[i] === '|') { out.push(cell.trim()); cell = ''; }
    else cell += text[i];
  }
  if (cell.trim()) out.push(cell.trim());
  return out;
}
