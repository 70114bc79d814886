import { expect, type Locator, type Page } from '@playwright/test';
import { editorText, inspectorTab } from './briefings';

/** A judgement block in the editor, by its number. */
export function judgementBlock(app: Page, n: number): Locator {
  return editorText(app).getByRole('group', { name: `Key judgement ${n}` });
}

/** Adds a judgement from the toolbar and types its statement, likelihood and confidence. */
export async function addJudgement(app: Page, n: number, statement: string, likelihood: string, confidence: string): Promise<void> {
  await app.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Add key judgement' }).click();
  const block = judgementBlock(app, n);
  await expect(block.getByLabel('Statement')).toBeFocused();
  await app.keyboard.type(statement);
  await block.getByLabel('Likelihood').selectOption({ label: likelihood });
  await block.getByLabel('Confidence').selectOption({ label: confidence });
}

/** Links a library item to the selected judgement through the evidence panel's search. */
export async function linkBySearch(app: Page, search: string, stance: string, itemText: string): Promise<void> {
  const panel = await inspectorTab(app, 'Evidence');
  await panel.getByLabel('Link new evidence as').selectOption({ label: stance });
  await panel.getByLabel('Find evidence to link').fill(search);
  await panel
    .getByRole('list', { name: 'Evidence to link' })
    .getByRole('button', { name: `Link “${itemText}` })
    .click();
  await expect(panel.getByRole('list', { name: 'Linked evidence' })).toContainText(itemText);
}
