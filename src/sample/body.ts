import { serializedText, countSerialized, type DocumentCount, type SerializedCountNode } from '../briefing/word-count';
import type { ProductType } from '../domain/briefing';
import type { SampleBriefing, SampleInline, SampleKey } from './types';

/** Exactly the fields each node exports, so the stored body round-trips through the editor unchanged. */
const BLOCK = { format: '', indent: 0, version: 1, direction: null } as const;
const PARAGRAPH = { ...BLOCK, textFormat: 0, textStyle: '' } as const;

function text(value: string) {
  return { type: 'text', text: value, detail: 0, format: 0, mode: 'normal', style: '', version: 1 };
}

/** What a citation key resolves to: the record's kind and id in the workspace. */
export interface CitedRecord {
  kind: 'quote' | 'source';
  id: string;
}

function inline(part: SampleInline, resolve: (key: SampleKey) => CitedRecord) {
  if (typeof part === 'string') return text(part);
  if ('comment' in part) return { type: 'mark', ids: [part.comment], children: [text(part.words)], ...BLOCK };
  const target = resolve(part.cite);
  return { type: 'citation', targetKind: target.kind, targetId: target.id, version: 1 };
}

/**
 * The briefing body as a serialized Lexical state, in the shapes the editor stores: one
 * `section` node per template section (same `s1`, `s2`… ids, role and cap as a new briefing of
 * the type gets), a heading, then paragraphs of text and `citation` nodes.
 */
export function sampleBodyState(
  briefing: SampleBriefing,
  type: Pick<ProductType, 'sections'>,
  resolve: (key: SampleKey) => CitedRecord,
): string {
  if (briefing.sections.length !== type.sections.length) throw new Error('The sample briefing does not match its product type’s sections.');
  const children = briefing.sections.map((section, index) => {
    const template = type.sections[index] as ProductType['sections'][number];
    return {
      type: 'section',
      sectionId: `s${index + 1}`,
      role: 'body',
      cap: template.cap,
      children: [
        { type: 'heading', tag: 'h2', children: [text(section.heading)], ...BLOCK },
        ...section.paragraphs.map((paragraph) => ({
          type: 'paragraph',
          children: paragraph.map((part) => inline(part, resolve)),
          ...PARAGRAPH,
        })),
      ],
      ...BLOCK,
    };
  });
  return JSON.stringify({ root: { type: 'root', children, ...BLOCK } });
}

/** Plain text and word counts of a body state, as the editor saves them with it. */
export function bodyFacts(state: string): { text: string; count: DocumentCount } {
  const root = (JSON.parse(state) as { root: SerializedCountNode }).root;
  return { text: serializedText(root).trim(), count: countSerialized(root) };
}

/** Every key the body cites, in order of appearance. */
export function citedKeys(briefing: SampleBriefing): SampleKey[] {
  return briefing.sections.flatMap((section) =>
    section.paragraphs.flat().flatMap((part) => (typeof part === 'object' && 'cite' in part ? [part.cite] : [])),
  );
}
