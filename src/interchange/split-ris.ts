import type { FileChunk } from './chunks';

const TAG_LINE = /^([A-Z][A-Z0-9]) {2}-(?: |$)/;

/**
 * Splits RIS text into records (`TY  -` … `ER  -`). A record that a new `TY` interrupts, or
 * that the file ends inside, is reported as missing its end tag; the rest go on.
 */
export function* splitRis(text: string): Generator<FileChunk> {
  let start = -1;
  let startLine = 0;
  let key: string | null = null;
  let buffer: string[] = [];
  let lineNo = 0;
  let found = false;
  for (const raw of text.split('\n')) {
    lineNo += 1;
    const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    const tag = TAG_LINE.exec(line.trimStart())?.[1];
    if (tag === 'TY') {
      if (start !== -1)
        yield { kind: 'broken', line: startLine, key, reason: 'the record has no end tag (ER) before the next record starts' };
      start = lineNo;
      startLine = lineNo;
      key = null;
      buffer = [line.trimStart()];
      found = true;
      continue;
    }
    if (start === -1) continue;
    if (tag === 'ER') {
      buffer.push('ER  - ');
      yield { kind: 'entry', text: buffer.join('\n'), line: startLine, key };
      start = -1;
      buffer = [];
      continue;
    }
    if (tag === 'ID' && key === null) key = line.trimStart().slice(6).trim() || null;
    buffer.push(line);
  }
  if (start !== -1) yield { kind: 'broken', line: startLine, key, reason: 'the file ends before the record’s end tag (ER): truncated?' };
  if (!found && text.trim() !== '')
    yield { kind: 'broken', line: 1, key: null, reason: 'no RIS record (a line starting “TY  - ”) was found' };
}
