import { $getRoot, $isElementNode, type EditorState, type LexicalEditor, type LexicalNode } from 'lexical';
import { $isHeadingNode } from '@lexical/rich-text';
import { countWords, sectionCounts, type DocumentCount, type SectionCount } from '../briefing/word-count';
import { $isSectionNode } from './nodes/SectionNode';

/**
 * Counts a live editor state by the same rules as countSerialized. Each block's count is cached
 * by node key; every update marks the changed nodes and all their ancestors dirty, and those
 * entries are dropped, so a keystroke recounts only the block it changed, even in a
 * 50,000-word document. (A parent keeps its object when only a child's text changes, so the
 * cache cannot be keyed by node object.)
 */
export class LiveWordCounter {
  private readonly cache = new Map<string, number>();
  private readonly texts = new Map<string, string>();

  /** Keeps the cache in step with `editor`'s updates; returns the unsubscribe function. */
  track(editor: LexicalEditor): () => void {
    return editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      for (const key of dirtyElements.keys()) {
        this.cache.delete(key);
        this.texts.delete(key);
      }
      for (const key of dirtyLeaves) {
        this.cache.delete(key);
        this.texts.delete(key);
      }
    });
  }

  count(state: EditorState): DocumentCount {
    return state.read(() => this.$count());
  }

  /** Plain text of the whole body (for search and recovery), blocks separated by newlines. */
  static text(state: EditorState): string {
    return state.read(() => $blockText($getRoot()));
  }

  /** The same text, reusing the text of unchanged top-level blocks and section children. */
  text(state: EditorState): string {
    return state.read(() => {
      const parts: string[] = [];
      for (const child of $getRoot().getChildren()) {
        if ($isSectionNode(child)) {
          for (const block of child.getChildren()) parts.push(this.$cachedText(block));
          parts.push('\n');
        } else parts.push(this.$cachedText(child));
      }
      return `${parts.join('')}\n`;
    });
  }

  private $cachedText(node: LexicalNode): string {
    const key = node.getKey();
    let text = this.texts.get(key);
    if (text === undefined) {
      text = $blockText(node);
      this.texts.set(key, text);
    }
    return text;
  }

  private $block(node: LexicalNode): number {
    const key = node.getKey();
    let words = this.cache.get(key);
    if (words === undefined) {
      words = countWords(this.$cachedText(node));
      this.cache.set(key, words);
    }
    return words;
  }

  private $count(): DocumentCount {
    const sections: SectionCount[] = [];
    let loose: SectionCount | null = null;
    for (const child of $getRoot().getChildren()) {
      if ($isSectionNode(child)) {
        const children = child.getChildren();
        const first = children[0];
        const hasHeading = $isHeadingNode(first);
        const body = hasHeading ? children.slice(1) : children;
        sections.push({
          sectionId: child.getSectionId(),
          heading: hasHeading && first ? first.getTextContent().trim() : '',
          role: child.getRole(),
          words: body.reduce((sum, node) => sum + this.$block(node), 0),
          cap: child.getCap(),
        });
      } else if (!$isHeadingNode(child)) {
        loose ??= { sectionId: null, heading: '', role: 'body', words: 0, cap: null };
        loose.words += this.$block(child);
      }
    }
    const all = loose ? [loose, ...sections] : sections;
    return { total: all.filter((s) => sectionCounts(s.role)).reduce((sum, s) => sum + s.words, 0), sections: all };
  }
}

/** Text of a node with a newline after every block, so words in adjacent blocks never join. */
export function $blockText(node: LexicalNode): string {
  if (!$isElementNode(node)) return node.getTextContent();
  const parts: string[] = [];
  for (const child of node.getChildren()) parts.push($blockText(child));
  const inner = parts.join('');
  return node.isInline() ? inner : `${inner}\n`;
}
