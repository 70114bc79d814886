import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/contract/client';
import type { AchMatrixRecord } from '../../src/domain/ach';
import type { Indicator } from '../../src/domain/indicator';
import { ClientProvider } from '../../renderer/app/ClientProvider';
import { HypothesisIndicators } from '../../renderer/indicators';
import { inProcessHostPerFile } from './support/hosts';

// The matrix view's mount point: each hypothesis shows only its own indicators, from one read of the matrix's.
const host = inProcessHostPerFile();

describe('indicators beside a matrix’s hypotheses', () => {
  it('adds an indicator to one hypothesis, marks an overdue review in words, reschedules it (a stale edit refused), and deletes only after confirming', async () => {
    const matrix = await host.value<AchMatrixRecord>('ach.create', { title: 'Why Seoul', hypotheses: ['Pressure', 'Routine'] });
    const [pressure, routine] = matrix.hypotheses;
    if (!pressure || !routine) throw new Error('no hypotheses');
    await host.value<Indicator>('indicators.create', {
      owner: { kind: 'hypothesis', id: routine.id },
      draft: { text: 'The visit was announced a year ahead', reviewOn: '2017-12-01' },
    });
    const calls = host.calls.length;
    render(
      <ClientProvider client={createClient(host.transport)}>
        <HypothesisIndicators matrixId={matrix.id} hypothesisId={pressure.id} ownerLabel="hypothesis “Pressure”" />
        <HypothesisIndicators matrixId={matrix.id} hypothesisId={routine.id} ownerLabel="hypothesis “Routine”" />
      </ClientProvider>,
    );
    const forPressure = screen.getByRole('region', { name: 'Indicators for hypothesis “Pressure”' });
    const forRoutine = screen.getByRole('region', { name: 'Indicators for hypothesis “Routine”' });
    await waitFor(() => expect(forRoutine.textContent).toContain('Review by 2017-12-01 ⚠ Overdue'));
    // Beside a hypothesis, none is said by the way to add one alone.
    expect(forPressure.textContent).toBe('Add indicator…');
    expect(host.calls.slice(calls).filter((name) => name === 'indicators.list')).toHaveLength(1);

    fireEvent.click(within(forPressure).getByRole('button', { name: 'Add indicator for hypothesis “Pressure”' }));
    const form = within(forPressure).getByRole('form', { name: 'New indicator for hypothesis “Pressure”' });
    fireEvent.change(within(form).getByRole('textbox', { name: 'What would be observed' }), {
      target: { value: 'Sanctions are tightened' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Add indicator' }));
    await waitFor(() => expect(within(forPressure).getByRole('listitem', { name: 'Indicator: Sanctions are tightened' })).toBeTruthy());
    expect(within(forRoutine).queryByText('Sanctions are tightened')).toBeNull();

    // Rescheduled in the form, the review is no longer overdue; an edit from a stale copy is refused and the stored one shown.
    const edit = (): HTMLElement => {
      fireEvent.click(within(forRoutine).getByRole('button', { name: 'Edit indicator “The visit was announced a year ahead”' }));
      return within(forRoutine).getByRole('form', { name: 'Edit indicator “The visit was announced a year ahead”' });
    };
    let editing = edit();
    fireEvent.change(within(editing).getByLabelText('Review by'), { target: { value: '2099-01-31' } });
    fireEvent.click(within(editing).getByRole('button', { name: 'Save indicator' }));
    await waitFor(() => expect(forRoutine.textContent).toContain('Review by 2099-01-31'));
    expect(forRoutine.textContent).not.toContain('Overdue');
    const [stored] = (await host.value<{ items: Indicator[] }>('indicators.list', { of: { kind: 'matrix', id: matrix.id } })).items.filter(
      (i) => i.owner.id === routine.id,
    );
    if (!stored) throw new Error('indicator gone');
    await host.value('indicators.update', {
      id: stored.id,
      version: stored.version,
      edit: { text: stored.text, reviewOn: '2099-02-28' },
    });
    editing = edit();
    fireEvent.change(within(editing).getByLabelText('Review by'), { target: { value: '2099-03-31' } });
    fireEvent.click(within(editing).getByRole('button', { name: 'Save indicator' }));
    await waitFor(() => expect(forRoutine.textContent).toContain('Review by 2099-02-28'));
    // The refused form stays open with what was typed.
    expect(within(editing).getByLabelText<HTMLInputElement>('Review by').value).toBe('2099-03-31');

    fireEvent.click(within(forRoutine).getByRole('button', { name: 'Delete indicator “The visit was announced a year ahead”' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Delete this indicator?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect((await host.value<{ items: Indicator[] }>('indicators.due', {})).items).toHaveLength(2);
    fireEvent.click(within(forRoutine).getByRole('button', { name: 'Delete indicator “The visit was announced a year ahead”' }));
    fireEvent.click(
      within(screen.getByRole('alertdialog', { name: 'Delete this indicator?' })).getByRole('button', { name: 'Delete indicator' }),
    );
    await waitFor(() => expect(forRoutine.textContent).toBe('Add indicator…'));
    expect((await host.value<{ items: Indicator[] }>('indicators.due', {})).items.map((i) => i.text)).toEqual(['Sanctions are tightened']);
  });
});
