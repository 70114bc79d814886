import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { readFileSync } from 'node:fs';
import type { Dispatcher } from '../../src/contract/dispatch';
import type { WireResult } from '../../src/contract/errors';
import type { JobManager } from '../../src/contract/job-manager';
import { isTrustedSender } from '../../src/security/url-policy';
import { SNAPSHOT_MAX_BYTES, SNAPSHOT_MAX_LABEL } from '../../src/snapshot/limits';
import type { DownloadStore } from '../downloads';
import type { UploadStore } from '../uploads';
import { APP_LOCATION, CHANNELS } from './app-location';

const UNTRUSTED: WireResult = {
  ok: false,
  error: { code: 'unauthorized', message: 'Refused: the request did not come from Warrant’s own page.' },
};
const BAD_NAME: WireResult = { ok: false, error: { code: 'unknown_operation', message: 'The operation name must be text.' } };

/** The workspace epoch the page sends with each call (anything but a short string counts as none). */
function epochOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= 64 ? value : undefined;
}

/**
 * The contract over IPC. Every message is checked to come from the app's own top-level frame
 * in the main window, and its payload is validated by the dispatcher against the contract.
 */
export function registerIpc(
  dispatcher: Dispatcher,
  jobs: JobManager,
  files: { downloads: DownloadStore; uploads: UploadStore },
  mainWindow: () => BrowserWindow | null,
): void {
  const { downloads, uploads } = files;
  const trusted = (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    const window = mainWindow();
    return (
      frame !== null &&
      window !== null &&
      event.sender === window.webContents &&
      isTrustedSender(frame.url, frame.parent === null, APP_LOCATION)
    );
  };

  ipcMain.handle(CHANNELS.call, (event, name: unknown, input: unknown, epoch: unknown) => {
    if (!trusted(event)) return UNTRUSTED;
    return typeof name === 'string' ? dispatcher.call(name, input, epochOf(epoch)) : BAD_NAME;
  });
  ipcMain.handle(CHANNELS.job, (event, name: unknown, input: unknown, epoch: unknown) => {
    if (!trusted(event)) return UNTRUSTED;
    return typeof name === 'string' ? dispatcher.startJob(name, input, epochOf(epoch)) : BAD_NAME;
  });
  ipcMain.handle(CHANNELS.file, (event, fileId: unknown) => {
    if (!trusted(event) || typeof fileId !== 'string') throw new Error('Refused.');
    const entry = downloads.get(fileId);
    if (!entry) throw new Error('That download has expired. Run it again.');
    const bytes = new Uint8Array(readFileSync(entry.path));
    downloads.discard(fileId);
    return bytes;
  });
  ipcMain.handle(CHANNELS.upload, (event, bytes: unknown, name: unknown): WireResult => {
    if (!trusted(event)) return UNTRUSTED;
    if (!(bytes instanceof Uint8Array) || typeof name !== 'string')
      return { ok: false, error: { code: 'invalid_input', message: 'Expected a file’s bytes and its name.' } };
    if (bytes.byteLength > SNAPSHOT_MAX_BYTES)
      return { ok: false, error: { code: 'invalid_input', message: `That file is too large (the limit is ${SNAPSHOT_MAX_LABEL}).` } };
    return uploads.putResult(bytes, name);
  });
  jobs.subscribe((event) => mainWindow()?.webContents.send(CHANNELS.jobEvent, event));
}
