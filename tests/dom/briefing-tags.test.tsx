import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TagRef } from '../../src/domain/tag';
import { ClientProvider } from '../../renderer/app/ClientProvider';
import { BriefingTagField, useTagList } from '../../renderer/briefings/BriefingTagField';
import { inProcessHostPerFile } from './support/hosts';

const host = inProcessHostPerFile();

/** The title block's tag field as MetaPanel wires it: every list it would save is recorded. */
function TagBlock({ saved }: { saved: string[][] }) {
  const tagList = useTagList([]);
  return <BriefingTagField tags={tagList.tags} onEdit={(edit) => saved.push(tagList.edit(edit).map((tag: TagRef) => tag.path))} />;
}

function addTag(path: string): void {
  fireEvent.change(screen.getByLabelText('Tag briefing'), { target: { value: path } });
  fireEvent.click(screen.getByRole('button', { name: 'Add tag' }));
}

describe('a briefing’s tags in its title block', () => {
  it('keeps both tags when the second is typed while the first is still being made', async () => {
    const saved: string[][] = [];
    render(
      <ClientProvider client={host.client}>
        <TagBlock saved={saved} />
      </ClientProvider>,
    );
    // A slow host: both new tags wait to be created, so the second is added before the first lands.
    const release = host.hold();
    addTag('Region/Asia-Pacific');
    await waitFor(() => expect(host.count('tags.create')).toBe(1));
    addTag('Actor/NATO');
    await waitFor(() => expect(host.count('tags.create')).toBe(2));
    act(() => release());

    const chips = await screen.findByRole('list', { name: 'Tags' });
    const shown = () =>
      within(chips)
        .getAllByRole('listitem')
        .map((item) => item.textContent ?? '');
    await waitFor(() => expect(shown()).toEqual([expect.stringContaining('Region/Asia-Pacific'), expect.stringContaining('Actor/NATO')]));
    expect(saved.at(-1)).toEqual(['Region/Asia-Pacific', 'Actor/NATO']);

    fireEvent.click(within(chips).getByRole('button', { name: 'Remove tag Region/Asia-Pacific' }));
    expect(saved.at(-1)).toEqual(['Actor/NATO']);
  });
});
