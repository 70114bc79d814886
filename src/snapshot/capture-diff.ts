import { diffSequences } from '../briefing/diff';

/** One run of a capture comparison: text both captures have, or text only the older or only the newer one has. */
export interface WordDiffPart {
  op: 'same' | 'removed' | 'added';
  text: string;
}

function push(parts: WordDiffPart[], op: WordDiffPart['op'], text: string): void {
  if (text === '') return;
  const last = parts[parts.length - 1];
  if (last && last.op === op) last.text += text;
  else parts.push({ op, text });
}

/** Words and the spaces between them, so that joining the tokens gives the text back. */
function tokens(text: string): string[] {
  return text.split(/(\s+)/).filter((token) => token !== '');
}

/**
 * Adds a word diff, reading each changed stretch as one removed run then one added run: the
 * single spaces the two wordings happen to share inside a stretch ("grave provocation" against
 * "serious concern") would otherwise cut it into word-by-word alternations no one can read.
 */
function pushChanges(parts: WordDiffPart[], words: ReturnType<typeof diffSequences>): void {
  let removed = '';
  let added = '';
  const flush = () => {
    push(parts, 'removed', removed);
    push(parts, 'added', added);
    removed = '';
    added = '';
  };
  words.forEach((word, index) => {
    const text = word.lines.join('');
    const inside = index > 0 && index < words.length - 1 && text.trim() === '';
    if (word.op === 'removed' || (word.op === 'same' && inside)) removed += text;
    if (word.op === 'added' || (word.op === 'same' && inside)) added += text;
    if (word.op === 'same' && !inside) {
      flush();
      push(parts, 'same', text);
    }
  });
  flush();
}

/** Lines with the newline that ends each (all but the last), so that joining them gives the text back. */
function lines(text: string): string[] {
  return text.split(/(?<=\n)/);
}

/**
 * A word-level diff of two captures' text. Lines (paragraphs) are compared first, so a page with
 * a changed header and footer does not make one huge comparison; then each run of removed lines
 * beside a run of added lines is compared word by word, which shows what changed inside a paragraph.
 */
export function diffCaptureWords(before: string, after: string): WordDiffPart[] {
  const parts: WordDiffPart[] = [];
  const lineParts = diffSequences(lines(before), lines(after));
  for (let index = 0; index < lineParts.length; index += 1) {
    const part = lineParts[index];
    if (!part) continue;
    const next = lineParts[index + 1];
    if (part.op !== 'same' && next && next.op !== 'same' && next.op !== part.op) {
      const [removed, added] = part.op === 'removed' ? [part, next] : [next, part];
      pushChanges(parts, diffSequences(tokens(removed.lines.join('')), tokens(added.lines.join(''))));
      index += 1;
      continue;
    }
    push(parts, part.op, part.lines.join(''));
  }
  return parts;
}
