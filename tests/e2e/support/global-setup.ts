import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronBinary } from './desktop';
import { startHostProcess } from './host-process';
import { TEMPLATE_ENV } from './workspace-template';

/**
 * Says once, clearly, whether the desktop target runs; and has the real host create one empty
 * workspace that every test copies instead of creating its own (the migrations are most of a
 * host's start-up, paid once here instead of once per test).
 */
export default async function globalSetup(): Promise<() => void> {
  const electron = electronBinary();
  if (electron.reason) console.log(`Desktop (Electron) e2e: skipped — ${electron.reason}. The browser-host target runs every test.`);
  else console.log(`Desktop (Electron) e2e: running against ${electron.path}.`);

  const dir = mkdtempSync(join(tmpdir(), 'warrant-e2e-template-'));
  const path = join(dir, 'empty.warrant');
  const host = await startHostProcess(path);
  const code = await host.stop();
  // A clean stop folds the WAL back into the file, so the file alone is the whole workspace.
  if (code !== 0 || !existsSync(path) || existsSync(`${path}-wal`))
    throw new Error(`The template workspace was not written cleanly (exit ${code}). Host output:\n${host.output()}`);
  // Workers are started after global setup and inherit its environment.
  process.env[TEMPLATE_ENV] = path;
  return () => rmSync(dir, { recursive: true, force: true });
}
