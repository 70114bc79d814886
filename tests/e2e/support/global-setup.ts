import { electronBinary } from './desktop';

/** Says once, clearly, whether the desktop target runs. */
export default function globalSetup(): void {
  const electron = electronBinary();
  if (electron.reason) console.log(`Desktop (Electron) e2e: skipped — ${electron.reason}. The browser-host target runs every test.`);
  else console.log(`Desktop (Electron) e2e: running against ${electron.path}.`);
}
