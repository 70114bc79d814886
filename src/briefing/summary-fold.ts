import { $createHeadingNode, $isHeadingNode } from '@lexical/rich-text';
import { $createLineBreakNode, $createParagraphNode, $createTextNode, $getRoot, $isParagraphNode, type ParagraphNode } from 'lexical';
import { $createSectionNode, $isSectionNode, type SectionNode } from '../editor/nodes/SectionNode';

/*
 * One "Summary (BLUF)". The briefing's Summary section in the text is the one source of truth:
 * it is counted, can carry citations and exports where the analyst put it. Briefings written
 * before this kept a separate BLUF field in the title block; when such a briefing opens, the
 * field's text is folded into the Summary section (once), and only then is the field emptied.
 */

const SUMMARY_HEADING = /^summary\b/i;

const flat = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The section whose heading reads "Summary…" (the template's first section), if any. */
function $summarySection(): SectionNode | null {
  for (const child of $getRoot().getChildren()) {
    if (!$isSectionNode(child)) continue;
    const heading = child.getFirstChild();
    if ($isHeadingNode(heading) && SUMMARY_HEADING.test(heading.getTextContent().trim())) return child;
  }
  return null;
}

/** Whether the body's Summary section already holds this text (so folding it again would repeat it). */
export function $summaryHolds(summary: string): boolean {
  const wanted = flat(summary);
  if (wanted === '') return true;
  const section = $summarySection();
  return section !== null && flat(section.getTextContent()).includes(wanted);
}

/** Paragraphs of the field's text: a blank line starts a new one, a single line break stays one. */
function $paragraphsOf(summary: string): ParagraphNode[] {
  return summary
    .trim()
    .split(/\n\s*\n/)
    .map((part) => {
      const paragraph = $createParagraphNode();
      part.split('\n').forEach((line, index) => {
        if (index > 0) paragraph.append($createLineBreakNode());
        if (line !== '') paragraph.append($createTextNode(line));
      });
      return paragraph;
    });
}

/**
 * Puts the old BLUF field's text at the start of the Summary section (after its heading, in place
 * of the template's empty paragraph), or in a new Summary section at the top when the body has
 * none. Returns whether the body changed; call inside an editor update.
 */
export function $foldSummary(summary: string): boolean {
  if ($summaryHolds(summary)) return false;
  const paragraphs = $paragraphsOf(summary);
  const section = $summarySection();
  if (section) {
    const heading = section.getFirstChild();
    const after = heading?.getNextSibling();
    // The template's empty paragraph under the heading gives its place to the text.
    if ($isParagraphNode(after) && after.getTextContent().trim() === '' && after.getNextSibling() === null) after.remove();
    let anchor = heading;
    for (const paragraph of paragraphs) {
      if (anchor) anchor.insertAfter(paragraph);
      else section.append(paragraph);
      anchor = paragraph;
    }
    return true;
  }
  const created = $createSectionNode(`summary-${Date.now().toString(36)}`, 'body', null);
  const heading = $createHeadingNode('h2');
  heading.append($createTextNode('Summary'));
  created.append(heading, ...paragraphs);
  const first = $getRoot().getFirstChild();
  if (first) first.insertBefore(created);
  else $getRoot().append(created);
  return true;
}
