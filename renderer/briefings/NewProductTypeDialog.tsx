import { useState, type FormEvent } from 'react';
import type { ProductType } from '../../src/domain/briefing';
import { ContractError } from '../../src/contract/client';
import { errorMessage } from '../app/error-message';
import { useCommand } from '../data/mutations';
import { ModalDialog } from '../shell/ModalDialog';

/** "Key Judgements | 150" → a section with its own cap; a line without "|" has none. */
function parseSections(text: string): { heading: string; cap: number | null }[] | string {
  const sections: { heading: string; cap: number | null }[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const [heading = '', cap] = line.split('|').map((part) => part.trim());
    if (cap !== undefined && cap !== '' && !/^\d+$/.test(cap)) return `“${line.trim()}”: a cap is a whole number of words.`;
    sections.push({ heading, cap: cap ? Number(cap) : null });
  }
  return sections;
}

/** Adds a product type: its name, word limit and template sections (one per line). */
export function NewProductTypeDialog({ onCreated, onCancel }: { onCreated: (type: ProductType) => void; onCancel: () => void }) {
  const command = useCommand();
  const [name, setName] = useState('');
  const [limit, setLimit] = useState('');
  const [sections, setSections] = useState('Summary\nAnalysis\nKey Judgements | 150');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const parsed = parseSections(sections);
    if (typeof parsed === 'string') return setError(parsed);
    if (limit.trim() !== '' && !/^\d+$/.test(limit.trim())) return setError('The word limit is a whole number (or blank for none).');
    try {
      onCreated(await command('productTypes.create', { name, wordLimit: limit.trim() === '' ? null : Number(limit), sections: parsed }));
    } catch (failure) {
      const fields = failure instanceof ContractError ? failure.payload.details?.fields : undefined;
      setError(fields ? Object.values(fields).join(' ') : errorMessage(failure));
    }
  };

  return (
    <ModalDialog title="New product type" onRequestClose={onCancel}>
      <form onSubmit={(event) => void submit(event)}>
        <label className="field">
          Name
          <input autoFocus value={name} onChange={(event) => setName(event.target.value)} />
        </label>
        <label className="field">
          Word limit
          <input inputMode="numeric" value={limit} placeholder="Blank for no limit" onChange={(event) => setLimit(event.target.value)} />
        </label>
        <label className="field">
          Sections
          <textarea rows={5} value={sections} onChange={(event) => setSections(event.target.value)} />
          <span className="hint">One per line; add “| 150” for a section’s own word cap.</span>
        </label>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Add product type
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
