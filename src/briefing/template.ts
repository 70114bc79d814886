import type { ProductType } from '../domain/briefing';
import type { SectionRole } from './word-count';

/** Headings that mark a section as outside the count when a template creates it. */
const UNCOUNTED_HEADINGS: Readonly<Record<string, SectionRole>> = { annex: 'annex', annexes: 'annex', notes: 'notes' };

function roleFor(heading: string): SectionRole {
  return UNCOUNTED_HEADINGS[heading.trim().toLowerCase()] ?? 'body';
}

const TEXT_DEFAULTS = { format: '', indent: 0, version: 1, direction: null, textFormat: 0, textStyle: '' } as const;

function emptyParagraph() {
  return { type: 'paragraph', children: [], ...TEXT_DEFAULTS };
}

function heading(text: string) {
  return {
    type: 'heading',
    tag: 'h2',
    children: [{ type: 'text', text, detail: 0, format: 0, mode: 'normal', style: '', version: 1 }],
    ...TEXT_DEFAULTS,
  };
}

/**
 * The serialized editor state a new briefing of `type` starts with: one section per template
 * section, each a heading and an empty paragraph. Section ids are stable (`s1`, `s2`…) so a
 * renamed heading keeps its section and its cap.
 */
export function templateState(type: Pick<ProductType, 'sections'>): string {
  const sections = type.sections.length > 0 ? type.sections : [{ heading: 'Body', cap: null }];
  const children = sections.map((section, index) => ({
    type: 'section',
    sectionId: `s${index + 1}`,
    role: roleFor(section.heading),
    cap: section.cap,
    children: [heading(section.heading), emptyParagraph()],
    ...TEXT_DEFAULTS,
  }));
  return JSON.stringify({ root: { type: 'root', children, ...TEXT_DEFAULTS } });
}

/** Plain text of a template state, for the search index before the first edit. */
export function templateText(type: Pick<ProductType, 'sections'>): string {
  return type.sections.map((section) => section.heading).join('\n');
}
