import type { ProductType } from '../domain/briefing';
import type { Caret } from '../domain/place';
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

/**
 * Where writing starts in a briefing fresh from its template: the first section's empty paragraph
 * (child 1 of section 0, after its heading), as a caret path the editor puts back when it opens.
 */
export const TEMPLATE_WRITING_CARET: Caret = {
  anchor: { path: [0, 1], offset: 0, type: 'element' },
  focus: { path: [0, 1], offset: 0, type: 'element' },
};

/** Plain text of a template state, for the search index before the first edit. */
export function templateText(type: Pick<ProductType, 'sections'>): string {
  return type.sections.map((section) => section.heading).join('\n');
}

/** A body of plain paragraphs, one per line: what the recovery view rebuilds a damaged body from. */
export function plainTextState(text: string): string {
  const lines = text.split(/\r?\n/);
  const children = lines.map((line) => ({
    type: 'paragraph',
    children: line === '' ? [] : [{ type: 'text', text: line, detail: 0, format: 0, mode: 'normal', style: '', version: 1 }],
    ...TEXT_DEFAULTS,
  }));
  return JSON.stringify({ root: { type: 'root', children: children.length > 0 ? children : [emptyParagraph()], ...TEXT_DEFAULTS } });
}

/** Whatever text can be salvaged from a damaged body: the values of its "text" fields. */
export function salvageText(body: string): string {
  const found: string[] = [];
  for (const match of body.matchAll(/"text"\s*:\s*"((?:[^"\\]|\\.)*)"/g)) {
    try {
      found.push(JSON.parse(`"${match[1] ?? ''}"`) as string);
    } catch {
      found.push(match[1] ?? '');
    }
  }
  return found.join('\n');
}
