import { act, cleanup, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { WarrantClient } from '../../src/contract/client';
import { SourceSchema, type Source } from '../../src/domain/source';
import { ClientProvider } from '../../renderer/app/ClientProvider';
import { SourceForm } from '../../renderer/library/SourceForm';
import { ConflictNotice } from '../../renderer/shell/ConflictNotice';
import { conflictOf, differingRows } from '../../renderer/shell/conflict';
import { useVersionedEdit } from '../../renderer/shell/useVersionedEdit';
import { draft } from '../integration/helpers/temp-workspace';
import { inProcessHostPerFile } from './support/hosts';

const host = inProcessHostPerFile();

/**
 * A form's versioned edit wired as the source and quote forms wire it (two fields, to stay
 * short; only the title is edited): a refused save shows both sides; "Keep mine" saves again over the stored version,
 * "Take the stored version" puts it in the form.
 */
function TitleForm({ client, source }: { client: WarrantClient; source: Source }) {
  const edit = useVersionedEdit<Source>(source.version);
  const [title, setTitle] = useState(source.title);
  const [saved, setSaved] = useState<string | null>(null);
  const submit = async (version = edit.baseVersion): Promise<void> => {
    try {
      const stored = await client.call('sources.update', { id: source.id, version, draft: { ...draft(), title } });
      setSaved(`Saved as version ${stored.version}`);
    } catch (error) {
      edit.setConflict(conflictOf(error, SourceSchema));
    }
  };
  const { conflict } = edit;
  return (
    <form aria-label="Edit source" onSubmit={(event) => (event.preventDefault(), void submit())}>
      {conflict && (
        <ConflictNotice
          what="source"
          rows={differingRows(
            { title: 'Title', publisher: 'Publisher' },
            { title, publisher: source.publisher },
            { title: conflict.stored.title, publisher: conflict.stored.publisher },
          )}
          onKeepMine={() => void submit(edit.keepMine(conflict))}
          onTakeStored={() => setTitle(edit.takeStored(conflict).title)}
        />
      )}
      <label>
        Title
        <input value={title} onChange={(event) => setTitle(event.target.value)} />
      </label>
      <button type="submit">Save</button>
      {saved && <p role="status">{saved}</p>}
    </form>
  );
}

/** A source, then a change to it from "another window" the form does not know about. */
async function changedElsewhere(): Promise<Source> {
  const { client } = host;
  const source = await client.call('sources.create', { draft: draft({ title: 'Joint statement' }) });
  await host.value('sources.update', { id: source.id, version: source.version, draft: draft({ title: 'Joint statement, Seoul' }) });
  return source;
}

async function refusedSave(source: Source): Promise<void> {
  render(<TitleForm client={host.client} source={source} />);
  fireEvent.change(screen.getByRole('textbox', { name: 'Title' }), { target: { value: 'Joint statement, Tokyo' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  await screen.findByRole('alert', { name: 'Changed elsewhere' });
}

describe('a save refused because the record changed elsewhere', () => {
  it('shows both values and saves nothing', async () => {
    const source = await changedElsewhere();
    await refusedSave(source);
    // Only the field that differs is listed (the publisher is the same on both sides).
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual(['TitleJoint statement, SeoulJoint statement, Tokyo']);
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveProperty('value', 'Joint statement, Tokyo');
    expect((await host.value<Source>('sources.get', { id: source.id })).title).toBe('Joint statement, Seoul');
  });

  it('Keep mine: saves the form over the stored version', async () => {
    const source = await changedElsewhere();
    await refusedSave(source);
    fireEvent.click(screen.getByRole('button', { name: 'Keep mine' }));
    await screen.findByRole('status');
    expect(screen.queryByRole('alert', { name: 'Changed elsewhere' })).toBeNull();
    const stored = await host.value<Source>('sources.get', { id: source.id });
    expect(stored).toMatchObject({ title: 'Joint statement, Tokyo', version: source.version + 2 });
  });

  it('Take the stored version: the form shows it, and the next save starts from it', async () => {
    const source = await changedElsewhere();
    await refusedSave(source);
    fireEvent.click(screen.getByRole('button', { name: 'Take the stored version' }));
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveProperty('value', 'Joint statement, Seoul');
    expect(screen.queryByRole('alert', { name: 'Changed elsewhere' })).toBeNull();
    fireEvent.change(screen.getByRole('textbox', { name: 'Title' }), { target: { value: 'Joint statement, Seoul (final)' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('status');
    expect((await host.value<Source>('sources.get', { id: source.id })).title).toBe('Joint statement, Seoul (final)');
  });
});

describe('useVersionedEdit', () => {
  it('moves the version on only once a side is chosen', async () => {
    const { result } = renderHook(() => useVersionedEdit<{ title: string }>(3));
    act(() => result.current.setConflict({ version: 5, stored: { title: 'theirs' } }));
    expect(result.current.baseVersion).toBe(3);
    let kept = 0;
    act(() => {
      kept = result.current.keepMine({ version: 5, stored: { title: 'theirs' } });
    });
    expect(kept).toBe(5);
    await waitFor(() => expect(result.current).toMatchObject({ baseVersion: 5, conflict: null }));
  });
});

describe('the source form saves what the analyst changed', () => {
  it('keeps another tab’s change to another field, and still refuses one to the same field', async () => {
    const source = await host.client.call('sources.create', { draft: draft({ title: 'Joint statement', notes: 'As first written.' }) });
    const open = (): Source[] => {
      const saved: Source[] = [];
      render(
        <ClientProvider client={host.client}>
          <SourceForm source={source} onSaved={(stored) => saved.push(stored)} onClose={() => undefined} />
        </ClientProvider>,
      );
      return saved;
    };
    const edit = (field: string, value: string): void => {
      fireEvent.change(screen.getByRole('textbox', { name: field }), { target: { value } });
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    };
    const saved = open();
    // Another tab saves new notes after this form opened.
    await host.value('sources.update', {
      id: source.id,
      version: source.version,
      draft: draft({ title: 'Joint statement', notes: 'Other tab.' }),
    });
    edit('Title', 'Joint statement, Seoul');
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toMatchObject({ title: 'Joint statement, Seoul', notes: 'Other tab.', version: 3 });

    cleanup();
    open();
    edit('Notes', 'Mine.');
    await screen.findByRole('alert', { name: 'Changed elsewhere' });
    expect(await host.value<Source>('sources.get', { id: source.id })).toMatchObject({ notes: 'Other tab.', version: 3 });
  });
});
