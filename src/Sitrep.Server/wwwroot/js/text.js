// Report text with spans marked. Spans count Unicode code points (docs/contract.md); JavaScript strings
// count UTF-16 units, so offsets are converted before slicing (an emoji or a rare CJK character is two
// units, one code point).
import { el } from './dom.js';

/** utf16[i] is the UTF-16 offset of code point i; one more entry for the end of the text. */
export function codePointOffsets(text) {
  const offsets = [];
  let unit = 0;
  for (const character of text) {
    offsets.push(unit);
    unit += character.length;
  }
  offsets.push(unit);
  return offsets;
}

/**
 * The text as nodes: plain text nodes, and <mark> elements for the spans ({start, end, className, title}),
 * which must not overlap (later overlapping spans are dropped).
 */
export function markedText(text, spans) {
  const offsets = codePointOffsets(text);
  const last = offsets.length - 1;
  const sorted = [...spans].filter((s) => s.start >= 0 && s.end <= last && s.start < s.end).sort((a, b) => a.start - b.start);
  const nodes = [];
  let at = 0;
  for (const span of sorted) {
    if (span.start < at) continue;
    nodes.push(document.createTextNode(text.slice(offsets[at], offsets[span.start])));
    nodes.push(el('mark', { class: span.className || 'evidence', title: span.title }, text.slice(offsets[span.start], offsets[span.end])));
    at = span.end;
  }
  nodes.push(document.createTextNode(text.slice(offsets[at], offsets[last])));
  return nodes;
}
