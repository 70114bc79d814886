import { type FileChunk, LineCounter } from './chunks';

const SPACE = /\s/;

/** Finds the end of the JSON value starting at `from` (an object or array), or -1 if it never ends. */
function scanValue(text: string, from: number): number {
  let depth = 0;
  let inString = false;
  for (let i = from; i < text.length; i += 1) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === '{' || c === '[') {
      depth += 1;
    } else if (c === '}' || c === ']') {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/**
 * Splits a CSL-JSON file (an array of items, or one item) into its items without parsing the
 * whole file at once: a malformed item is reported alone, and memory holds one item at a time.
 */
export function* splitCslJson(text: string): Generator<FileChunk> {
  const lines = new LineCounter(text);
  let i = 0;
  const skipSpace = (): void => {
    while (i < text.length && SPACE.test(text[i] ?? '')) i += 1;
  };
  skipSpace();
  if (text[i] === '{') {
    const end = scanValue(text, i);
    if (end === -1) yield { kind: 'broken', line: lines.at(i), key: null, reason: 'the file ends inside the item (truncated?)' };
    else yield { kind: 'entry', text: text.slice(i, end), line: lines.at(i), key: null };
    return;
  }
  if (text[i] !== '[') {
    yield { kind: 'broken', line: lines.at(i), key: null, reason: 'a CSL-JSON file must start with [ (a list of items)' };
    return;
  }
  i += 1;
  for (;;) {
    skipSpace();
    if (i >= text.length) {
      yield { kind: 'broken', line: lines.at(i), key: null, reason: 'the file ends before the list closes with ] (truncated?)' };
      return;
    }
    if (text[i] === ']') return;
    if (text[i] === ',') {
      i += 1;
      continue;
    }
    const line = lines.at(i);
    if (text[i] !== '{') {
      // Not an item: report it and resume at the next item, if any.
      const next = text.indexOf('{', i);
      yield { kind: 'broken', line, key: null, reason: `expected an item ({…}) but found “${text.slice(i, i + 20).replace(/\s+/g, ' ')}”` };
      if (next === -1) return;
      i = next;
      continue;
    }
    const end = scanValue(text, i);
    if (end === -1) {
      yield { kind: 'broken', line, key: null, reason: 'the file ends inside this item (truncated?)' };
      return;
    }
    yield { kind: 'entry', text: text.slice(i, end), line, key: null };
    i = end;
  }
}
