/**
 * What the word count of a briefing includes: the body text of its sections (paragraphs, lists,
 * quotes, tables) and any body text outside a section. It leaves out the title block (title,
 * metadata, summary/BLUF field), headings, citation markers, images, and sections whose
 * role is `annex` or `notes`. A product's limit and a section's own cap are checked against
 * these counts.
 */

/** Letters or digits, joined by inner apostrophes or hyphens (don't, well-known) into one word. */
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’\-‐][\p{L}\p{N}\p{M}]+)*/gu;
/** Scripts written without spaces: each character counts as one word, as analysts count them. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu;

/** Words in a piece of text. Linear in its length, so a million-character word is no problem. */
export function countWords(text: string): number {
  if (text === '') return 0;
  let count = 0;
  const unspaced = text.match(UNSPACED);
  const rest = unspaced ? text.replace(UNSPACED, ' ') : text;
  for (const _match of rest.matchAll(WORD)) count += 1;
  return count + (unspaced?.length ?? 0);
}

export const SECTION_ROLES = ['body', 'annex', 'notes'] as const;
export type SectionRole = (typeof SECTION_ROLES)[number];

/** Whether a section's words count toward the product's limit. */
export function sectionCounts(role: SectionRole): boolean {
  return role === 'body';
}

/** The count of one section, or of body text outside any section (sectionId null). */
export interface SectionCount {
  sectionId: string | null;
  heading: string;
  role: SectionRole;
  words: number;
  cap: number | null;
}

export interface DocumentCount {
  /** Words that count toward the limit. */
  total: number;
  sections: SectionCount[];
}

/** How a count compares with a limit: `over` past it, `near` within 10 % of it. */
export function limitState(words: number, limit: number | null): 'none' | 'ok' | 'near' | 'over' {
  if (limit === null) return 'none';
  if (words > limit) return 'over';
  return words >= limit * 0.9 ? 'near' : 'ok';
}

/** The bits of a serialized Lexical node that counting needs. */
export interface SerializedCountNode {
  type: string;
  text?: string;
  children?: SerializedCountNode[];
  sectionId?: string;
  role?: SectionRole;
  cap?: number | null;
  /** A key judgement block's statement (its words are body text of its section). */
  statement?: string;
}

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'quote', 'list', 'listitem', 'table', 'tablerow', 'tablecell', 'section', 'root']);

/** Plain text of a serialized node: blocks end with a newline, decorators add nothing. */
export function serializedText(node: SerializedCountNode): string {
  if (node.type === 'text' || node.type === 'link-text') return node.text ?? '';
  if (node.type === 'linebreak' || node.type === 'tab') return node.type === 'tab' ? '\t' : '\n';
  if (node.type === 'judgement') return `${node.statement ?? ''}\n`;
  if (!node.children) return '';
  const inner = node.children.map(serializedText).join('');
  return BLOCK_TYPES.has(node.type) ? `${inner}\n` : inner;
}

/** Counts a serialized editor state (e.g. one read from the store, or a revision). */
export function countSerialized(root: SerializedCountNode): DocumentCount {
  const sections: SectionCount[] = [];
  let loose: SectionCount | null = null;
  for (const child of root.children ?? []) {
    if (child.type === 'section') {
      const [first, ...rest] = child.children ?? [];
      const hasHeading = first?.type === 'heading';
      const body = hasHeading ? rest : (child.children ?? []);
      const role = child.role ?? 'body';
      sections.push({
        sectionId: child.sectionId ?? null,
        heading: hasHeading && first ? serializedText(first).trim() : '',
        role,
        words: body.reduce((sum, node) => sum + countWords(serializedText(node)), 0),
        cap: child.cap ?? null,
      });
    } else if (child.type !== 'heading') {
      loose ??= { sectionId: null, heading: '', role: 'body', words: 0, cap: null };
      loose.words += countWords(serializedText(child));
    }
  }
  const all = loose ? [loose, ...sections] : sections;
  return { total: all.filter((s) => sectionCounts(s.role)).reduce((sum, s) => sum + s.words, 0), sections: all };
}
