import { describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/domain/briefing';
import { proposedReference } from '../../src/domain/briefing';
import { contractPerTest } from './helpers/contract';

const contract = contractPerTest();

describe('a new briefing’s title block', () => {
  it('starts with a reference number from its type, date and serial, and today as its information cut-off, both editable', async () => {
    const first = await contract.value<Briefing>('briefings.create', { title: 'Tokyo', typeId: 'briefing' });
    const second = await contract.value<Briefing>('briefings.create', { title: 'Seoul', typeId: 'in-depth' });
    const today = first.date ?? '';
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(first.cutoffDate).toBe(today);
    expect(first.reference).toBe(`BRIEFING-${today.replaceAll('-', '')}-001`);
    expect(second.reference).toMatch(new RegExp(`^IN-DEPTH-[A-Z-]*${today.replaceAll('-', '')}-002$`));

    const { title, typeId, status, author, date, marking, summary, yardstick, dissemination } = first;
    const edited = await contract.value<Briefing>('briefings.updateMeta', {
      id: first.id,
      meta: {
        title,
        typeId,
        status,
        author,
        date,
        marking,
        summary,
        yardstick,
        dissemination,
        reference: 'NATO-ASIA-2017-014',
        cutoffDate: '2017-11-01',
      },
      baseVersion: first.metaVersion,
    });
    expect([edited.reference, edited.cutoffDate]).toEqual(['NATO-ASIA-2017-014', '2017-11-01']);
  });

  it('proposes a code from any type name, never an empty one', () => {
    expect(proposedReference('Situation report (daily)', '2017-11-02', 7)).toBe('SITUATION-REPORT-DAILY-20171102-007');
    expect(proposedReference('Évaluation', '2017-11-02', 1234)).toBe('EVALUATION-20171102-1234');
    expect(proposedReference('***', '2017-11-02', 1)).toBe('PRODUCT-20171102-001');
    expect(proposedReference('A very long product type name indeed', '2017-11-02', 1).length).toBeLessThanOrEqual(100);
  });
});
