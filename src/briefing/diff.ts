/** One run of a diff: text both have, or text only the old or only the new one has. */
export interface DiffPart {
  op: 'same' | 'removed' | 'added';
  lines: string[];
}

/** Beyond this many line pairs the middle is shown as one removed and one added block. */
const MAX_CELLS = 4_000_000;

function push(parts: DiffPart[], op: DiffPart['op'], line: string): void {
  const last = parts[parts.length - 1];
  if (last && last.op === op) last.lines.push(line);
  else parts.push({ op, lines: [line] });
}

/**
 * A line diff (a line is a paragraph, heading or list item of the body) from `before` to
 * `after`: see {@link diffSequences}.
 */
export function diffLines(before: string, after: string): DiffPart[] {
  return diffSequences(before.split('\n'), after.split('\n'));
}

/**
 * A diff of two sequences of tokens (lines, or words for a capture's text): the common start and
 * end are trimmed first, then the middle is compared with a longest-common-subsequence table,
 * which stays small for the edits between two revisions; a middle too large for the table is one
 * removed and one added run. Each part's `lines` are its tokens.
 */
export function diffSequences(a: readonly string[], b: readonly string[]): DiffPart[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const parts: DiffPart[] = [];
  for (const line of a.slice(0, start)) push(parts, 'same', line);
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > MAX_CELLS) {
    for (const line of midA) push(parts, 'removed', line);
    for (const line of midB) push(parts, 'added', line);
  } else {
    const n = midA.length;
    const m = midB.length;
    const table = new Uint32Array((n + 1) * (m + 1));
    for (let i = n - 1; i >= 0; i -= 1) {
      for (let j = m - 1; j >= 0; j -= 1) {
        table[i * (m + 1) + j] =
          midA[i] === midB[j]
            ? (table[(i + 1) * (m + 1) + j + 1] ?? 0) + 1
            : Math.max(table[(i + 1) * (m + 1) + j] ?? 0, table[i * (m + 1) + j + 1] ?? 0);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && midA[i] === midB[j]) {
        push(parts, 'same', midA[i] ?? '');
        i += 1;
        j += 1;
      } else if (j < m && (i === n || (table[i * (m + 1) + j + 1] ?? 0) >= (table[(i + 1) * (m + 1) + j] ?? 0))) {
        push(parts, 'added', midB[j] ?? '');
        j += 1;
      } else {
        push(parts, 'removed', midA[i] ?? '');
        i += 1;
      }
    }
  }
  for (const line of a.slice(endA)) push(parts, 'same', line);
  return parts;
}
