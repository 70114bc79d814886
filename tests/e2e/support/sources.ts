import { expect, type Page } from '@playwright/test';

export interface SourceFields {
  title: string;
  kind?: string;
  url?: string;
  author?: string;
  publisher?: string;
  published?: string;
  accessed?: string;
  language?: string;
  /** The option's visible label, e.g. "B — Usually reliable". */
  reliability?: string;
  notes?: string;
}

/** Fills the open source form field by field, as a person would. */
export async function fillSourceForm(page: Page, dialogName: string, fields: Partial<SourceFields>): Promise<void> {
  const dialog = page.getByRole('dialog', { name: dialogName });
  const text: [keyof SourceFields, string][] = [
    ['title', 'Title'],
    ['url', 'URL'],
    ['author', 'Author'],
    ['publisher', 'Publisher'],
    ['published', 'Published'],
    ['accessed', 'Accessed'],
    ['language', 'Language'],
    ['notes', 'Notes'],
  ];
  for (const [key, label] of text) {
    const value = fields[key];
    if (value !== undefined) await dialog.getByLabel(label, { exact: true }).fill(value);
  }
  if (fields.kind) await dialog.getByLabel('Kind', { exact: true }).selectOption({ label: fields.kind });
  if (fields.reliability) await dialog.getByLabel('Reliability', { exact: true }).selectOption({ label: fields.reliability });
}

/** Creates a source through the New source form (which opens it) and goes back to the library, where it is listed. */
export async function addSource(page: Page, fields: SourceFields): Promise<void> {
  await page.getByRole('button', { name: 'New source' }).click();
  await fillSourceForm(page, 'New source', fields);
  const dialog = page.getByRole('dialog', { name: 'New source' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: fields.title })).toBeVisible();
  await page.getByRole('button', { name: '← Back to the library' }).click();
  await expect(page.getByRole('button', { name: `Edit “${fields.title}”` })).toBeVisible();
}
