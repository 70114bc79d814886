import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isRangeSelection, COMMAND_PRIORITY_LOW, createCommand, TextNode, type LexicalCommand } from 'lexical';
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { CitationRef } from '../../../../src/domain/briefing';
import { combinedGrade } from '../../../../src/domain/quote';
import { snippetParts } from '../../../../src/domain/search';
import type { SearchWithBriefings } from '../../../../src/domain/briefing-search';
import { useDebouncedSearch } from '../../../data/useDebouncedSearch';
import { ModalDialog } from '../../../shell/ModalDialog';
import { INSERT_CITATION_COMMAND } from '../citations/CitationsPlugin';

/** What the analyst types to open the picker in the text. */
const OPEN_TYPED = '[[';

/** Opens the quick-cite picker (Ctrl+Shift+K in the editor, or typing "[["). */
export const OPEN_QUICK_CITE_COMMAND: LexicalCommand<void> = createCommand('OPEN_QUICK_CITE_COMMAND');

interface Option {
  ref: CitationRef;
  label: string;
}

const plain = (snippet: string): string =>
  snippetParts(snippet)
    .map((part) => part.text)
    .join('');

function optionsOf(found: SearchWithBriefings): Option[] {
  return [
    ...found.quotes.items.map((quote) => ({
      ref: { kind: 'quote' as const, id: quote.id },
      label: `“${plain(quote.snippet)}” — ${quote.sourceTitle} (${combinedGrade(quote.reliability, quote.credibility)})`,
    })),
    ...found.sources.items.map((source) => ({ ref: { kind: 'source' as const, id: source.id }, label: `${source.title} (whole source)` })),
  ];
}

/** Type to search the library, arrows to choose, Enter to cite at the caret. */
export function QuickCitePlugin() {
  const [editor] = useLexicalComposerContext();
  const [open, setOpen] = useState(false);
  useEffect(() => editor.registerCommand(OPEN_QUICK_CITE_COMMAND, () => (setOpen(true), true), COMMAND_PRIORITY_LOW), [editor]);
  // Typing "[[" opens the picker too, without leaving the keys: the brackets are taken out again.
  useEffect(
    () =>
      editor.registerNodeTransform(TextNode, (node) => {
        const selection = $getSelection();
        if (!$isRangeSelection(selection) || !selection.isCollapsed() || selection.anchor.key !== node.getKey()) return;
        const offset = selection.anchor.offset;
        if (offset < 2 || node.getTextContent().slice(offset - 2, offset) !== OPEN_TYPED) return;
        node.spliceText(offset - 2, 2, '', true);
        queueMicrotask(() => setOpen(true));
      }),
    [editor],
  );
  if (!open) return null;
  const close = (): void => {
    setOpen(false);
    editor.focus();
  };
  return (
    <QuickCiteDialog
      onClose={close}
      onPick={(ref) => {
        setOpen(false);
        editor.dispatchCommand(INSERT_CITATION_COMMAND, ref);
        editor.focus();
      }}
    />
  );
}

function QuickCiteDialog({ onClose, onPick }: { onClose: () => void; onPick: (ref: CitationRef) => void }) {
  const [text, setText] = useState('');
  const { results, current } = useDebouncedSearch(text, { limit: 8 });
  const shown = useMemo(() => (results ? optionsOf(results) : []), [results]);
  // Enter pressed before the answer for the typed text came: the first option of that answer is
  // cited when it comes. Typing on clears it; with no match, the list says so and nothing is cited.
  const [pickWhenLoaded, setPickWhenLoaded] = useState(false);
  const waiting = pickWhenLoaded && !current;
  useEffect(() => {
    const first = shown[0];
    if (pickWhenLoaded && current && first) onPick(first.ref);
  }, [pickWhenLoaded, current, shown, onPick]);
  // The highlighted option, for the answer it was chosen in: a new answer starts at the top.
  const [choice, setChoice] = useState<{ of: Option[]; index: number }>({ of: shown, index: 0 });
  const active = choice.of === shown ? choice.index : 0;
  const setActive = (next: (index: number) => number): void => setChoice({ of: shown, index: next(active) });
  const listId = useId();

  const onKey = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown') setActive((index) => Math.min(index + 1, shown.length - 1));
    else if (event.key === 'ArrowUp') setActive((index) => Math.max(index - 1, 0));
    else if (event.key === 'Enter') {
      const option = shown[active];
      if (!current && text.trim() !== '') setPickWhenLoaded(true);
      else if (option) onPick(option.ref);
    } else return;
    event.preventDefault();
  };

  return (
    <ModalDialog title="Cite from the library" onRequestClose={onClose} className="quick-cite">
      <input
        autoFocus
        type="search"
        role="combobox"
        aria-label="Search the library to cite"
        aria-expanded={shown.length > 0}
        aria-controls={listId}
        aria-activedescendant={shown[active] ? `${listId}-${active}` : undefined}
        value={text}
        onChange={(event) => (setText(event.target.value), setPickWhenLoaded(false))}
        onKeyDown={onKey}
      />
      <ul id={listId} role="listbox" aria-label="Matching quotes and sources" className="quick-cite-list">
        {shown.map((option, index) => (
          <li
            key={`${option.ref.kind}:${option.ref.id}`}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onPick(option.ref)}
          >
            {option.label}
          </li>
        ))}
      </ul>
      {waiting && (
        <p role="status" className="muted">
          Searching… the first match will be cited (Esc cancels).
        </p>
      )}
      {current && shown.length === 0 && <p className="muted">Nothing in the library matches yet.</p>}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </ModalDialog>
  );
}
