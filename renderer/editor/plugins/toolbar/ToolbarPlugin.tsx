import { $isLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { $isListNode, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, ListNode, REMOVE_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import { $getNearestNodeOfType, mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  KEY_DOWN_COMMAND,
  REDO_COMMAND,
  SELECTION_CHANGE_COMMAND,
  UNDO_COMMAND,
  type TextFormatType,
} from 'lexical';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { INSERT_JUDGEMENT_COMMAND } from '../judgements/JudgementsPlugin';
import { documentLinkUrl } from '../../../../src/security/url-policy';
import { chordsOf, type CommandId } from '../../../../src/commands/command-keys';
import { matchesChord } from '../../../../src/commands/shortcut';
import { useCommandHandler } from '../../../commands/registry';
import { PLATFORM, shortcutProps } from '../../../commands/shortcut-labels';

type BlockStyle = 'paragraph' | 'h2' | 'h3' | 'quote' | 'bullet' | 'number';

const FORMATS: { format: TextFormatType; label: string; command: CommandId; glyph: string }[] = [
  { format: 'bold', label: 'Bold', command: 'editor.bold', glyph: 'B' },
  { format: 'italic', label: 'Italic', command: 'editor.italic', glyph: 'I' },
  { format: 'underline', label: 'Underline', command: 'editor.underline', glyph: 'U' },
  { format: 'strikethrough', label: 'Strikethrough', command: 'editor.strikethrough', glyph: 'S' },
];

/** The editor commands whose keys this plugin handles (Lexical's rich text handles bold, italic, underline). */
const KEYED: readonly CommandId[] = ['editor.strikethrough', 'editor.cite', 'editor.link', 'editor.numberedList', 'editor.bulletList'];

interface ToolbarState {
  block: BlockStyle;
  formats: Set<TextFormatType>;
  link: string | null;
}

function $readToolbarState(): ToolbarState | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const anchor = selection.anchor.getNode();
  const block = anchor.getKey() === 'root' ? anchor : (anchor.getTopLevelElement() ?? anchor);
  const list = $getNearestNodeOfType(anchor, ListNode);
  let style: BlockStyle = 'paragraph';
  if (list && $isListNode(list)) style = list.getListType() === 'number' ? 'number' : 'bullet';
  else {
    const parent = anchor.getParents().find((node) => $isHeadingNode(node) || $isQuoteNode(node)) ?? block;
    if ($isHeadingNode(parent)) style = parent.getTag() === 'h3' ? 'h3' : 'h2';
    else if ($isQuoteNode(parent)) style = 'quote';
  }
  const formats = new Set(FORMATS.map((f) => f.format).filter((format) => selection.hasFormat(format)));
  const linkNode = [anchor, ...anchor.getParents()].find($isLinkNode);
  return { block: style, formats, link: linkNode ? linkNode.getURL() : null };
}

/** The formatting toolbar, its keyboard shortcuts, and the link form. */
export function ToolbarPlugin({ onInsertImage, onQuickCite }: { onInsertImage: () => void; onQuickCite: () => void }) {
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState<ToolbarState>({ block: 'paragraph', formats: new Set(), link: null });
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  const [linkForm, setLinkForm] = useState<{ url: string; error: string | null } | null>(null);
  const linkInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // Typing moves the selection on every key: re-render only when what the toolbar shows changes.
    let shown = '';
    const apply = (next: ToolbarState | null): void => {
      if (!next) return;
      const key = `${next.block}|${next.link ?? ''}|${[...next.formats].join()}`;
      if (key === shown) return;
      shown = key;
      setState(next);
    };
    const refresh = (): void => apply(editor.getEditorState().read($readToolbarState));
    return mergeRegister(
      editor.registerUpdateListener(({ editorState }) => apply(editorState.read($readToolbarState))),
      editor.registerCommand(SELECTION_CHANGE_COMMAND, () => (refresh(), false), COMMAND_PRIORITY_LOW),
      editor.registerCommand(CAN_UNDO_COMMAND, (value) => (setCanUndo(value), false), COMMAND_PRIORITY_LOW),
      editor.registerCommand(CAN_REDO_COMMAND, (value) => (setCanRedo(value), false), COMMAND_PRIORITY_LOW),
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          // The chords come from the command table; the key stays Lexical's, inside the editor.
          const id = KEYED.find((candidate) => chordsOf(candidate).some((chord) => matchesChord(event, chord, PLATFORM)));
          if (id === 'editor.strikethrough') editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'strikethrough');
          else if (id === 'editor.cite') onQuickCite();
          else if (id === 'editor.link') setLinkForm({ url: '', error: null });
          else if (id === 'editor.numberedList') editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined);
          else if (id === 'editor.bulletList') editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined);
          else return false;
          event.preventDefault();
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    );
  }, [editor, onQuickCite]);

  useEffect(() => {
    if (linkForm) linkInput.current?.focus();
  }, [linkForm]);

  const setBlock = (style: BlockStyle): void => {
    if (style === 'bullet')
      return void editor.dispatchCommand(state.block === 'bullet' ? REMOVE_LIST_COMMAND : INSERT_UNORDERED_LIST_COMMAND, undefined);
    if (style === 'number')
      return void editor.dispatchCommand(state.block === 'number' ? REMOVE_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
    editor.update(() => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      if (style === 'paragraph') $setBlocksType(selection, () => $createParagraphNode());
      else if (style === 'quote') $setBlocksType(selection, () => $createQuoteNode());
      else $setBlocksType(selection, () => $createHeadingNode(style));
    });
    editor.focus();
  };

  // The same actions from the command palette (it hands focus back to the editor first).
  useCommandHandler('editor.undo', () => editor.dispatchCommand(UNDO_COMMAND, undefined));
  useCommandHandler('editor.redo', () => editor.dispatchCommand(REDO_COMMAND, undefined));
  useCommandHandler('editor.bold', () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold'));
  useCommandHandler('editor.italic', () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic'));
  useCommandHandler('editor.underline', () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'underline'));
  useCommandHandler('editor.strikethrough', () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'strikethrough'));
  useCommandHandler('editor.paragraph', () => setBlock('paragraph'));
  useCommandHandler('editor.heading', () => setBlock('h2'));
  useCommandHandler('editor.subheading', () => setBlock('h3'));
  useCommandHandler('editor.quote', () => setBlock('quote'));
  useCommandHandler('editor.bulletList', () => setBlock('bullet'));
  useCommandHandler('editor.numberedList', () => setBlock('number'));
  useCommandHandler('editor.link', () => setLinkForm({ url: state.link ?? '', error: null }));
  useCommandHandler('editor.cite', onQuickCite);
  useCommandHandler('editor.addJudgement', () => editor.dispatchCommand(INSERT_JUDGEMENT_COMMAND, undefined));

  const applyLink = (event: FormEvent): void => {
    event.preventDefault();
    if (!linkForm) return;
    const url = documentLinkUrl(linkForm.url);
    if (url === null) return setLinkForm({ url: linkForm.url, error: 'Use an http://, https:// or mailto: address.' });
    editor.dispatchCommand(TOGGLE_LINK_COMMAND, url);
    setLinkForm(null);
    editor.focus();
  };

  return (
    <div className="editor-toolbar" role="toolbar" aria-label="Formatting">
      <button
        type="button"
        aria-label="Undo"
        {...shortcutProps('editor.undo')}
        disabled={!canUndo}
        onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}
      >
        ↶
      </button>
      <button
        type="button"
        aria-label="Redo"
        {...shortcutProps('editor.redo')}
        disabled={!canRedo}
        onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}
      >
        ↷
      </button>
      <label>
        <span className="visually-hidden">Block style</span>
        <select
          aria-label="Block style"
          value={['bullet', 'number'].includes(state.block) ? 'paragraph' : state.block}
          onChange={(event) => setBlock(event.target.value as BlockStyle)}
        >
          <option value="paragraph">Paragraph</option>
          <option value="h2">Heading</option>
          <option value="h3">Subheading</option>
          <option value="quote">Block quote</option>
        </select>
      </label>
      {FORMATS.map(({ format, label, command, glyph }) => (
        <button
          key={format}
          type="button"
          className={`fmt fmt-${format}`}
          aria-label={label}
          aria-pressed={state.formats.has(format)}
          {...shortcutProps(command, label)}
          onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, format)}
        >
          {glyph}
        </button>
      ))}
      <button
        type="button"
        aria-label="Bulleted list"
        aria-pressed={state.block === 'bullet'}
        {...shortcutProps('editor.bulletList')}
        onClick={() => setBlock('bullet')}
      >
        {/* The list's mark is drawn by CSS, so the button's words are all in its name, as a voice command says them. */}
        <span className="list-mark list-mark-bullet" aria-hidden="true" />
        List
      </button>
      <button
        type="button"
        aria-label="Numbered list"
        aria-pressed={state.block === 'number'}
        {...shortcutProps('editor.numberedList')}
        onClick={() => setBlock('number')}
      >
        <span className="list-mark list-mark-number" aria-hidden="true" />
        List
      </button>
      <button
        type="button"
        aria-label="Link"
        aria-pressed={state.link !== null}
        {...shortcutProps('editor.link')}
        onClick={() => setLinkForm({ url: state.link ?? '', error: null })}
      >
        Link
      </button>
      <button
        type="button"
        aria-label="Insert table"
        onClick={() => editor.dispatchCommand(INSERT_TABLE_COMMAND, { rows: '3', columns: '3', includeHeaders: true })}
      >
        Table
      </button>
      <button type="button" aria-label="Insert image" onClick={onInsertImage}>
        Image
      </button>
      <button type="button" aria-label="Cite from the library" {...shortcutProps('editor.cite')} onClick={onQuickCite}>
        Cite…
      </button>
      <button
        type="button"
        aria-label="Add key judgement"
        {...shortcutProps('editor.addJudgement')}
        onClick={() => editor.dispatchCommand(INSERT_JUDGEMENT_COMMAND, undefined)}
      >
        + Judgement
      </button>
      {linkForm && (
        <form className="link-form" onSubmit={applyLink}>
          <label>
            Link address{' '}
            <input
              ref={linkInput}
              value={linkForm.url}
              aria-invalid={linkForm.error !== null}
              onChange={(event) => setLinkForm({ url: event.target.value, error: null })}
              onKeyDown={(event) => event.key === 'Escape' && setLinkForm(null)}
            />
          </label>
          <button type="submit" className="primary">
            Apply link
          </button>
          {state.link !== null && (
            <button type="button" onClick={() => (editor.dispatchCommand(TOGGLE_LINK_COMMAND, null), setLinkForm(null))}>
              Remove link
            </button>
          )}
          <button type="button" onClick={() => setLinkForm(null)}>
            Cancel
          </button>
          {linkForm.error && (
            <p className="field-error" role="alert">
              {linkForm.error}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
