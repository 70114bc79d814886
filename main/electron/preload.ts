// The sandboxed preload (bundled to CommonJS): exposes the contract's transport and nothing
// else. No raw ipcRenderer reaches the page; operation names are checked against the contract.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { WarrantBridge } from '../../src/contract/bridge';
import { isJobName, isOperationName } from '../../src/contract/operations';
import { CHANNELS } from './app-location';

const unknown = (name: string) => Promise.resolve({ ok: false as const, error: { code: 'unknown_operation' as const, message: `There is no operation called “${name.slice(0, 80)}”.` } });

const bridge: WarrantBridge = {
  call: (name, input, epoch) => (isOperationName(name) ? ipcRenderer.invoke(CHANNELS.call, name, input, epoch) : unknown(name)),
  startJob: (name, input, epoch) => (isJobName(name) ? ipcRenderer.invoke(CHANNELS.job, name, input, epoch) : unknown(name)),
  onJobEvent(listener) {
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(CHANNELS.jobEvent, forward);
    return () => {
      ipcRenderer.removeListener(CHANNELS.jobEvent, forward);
    };
  },
  fetchFile: (ref) => ipcRenderer.invoke(CHANNELS.file, ref.fileId),
  uploadFile: (bytes, name) => ipcRenderer.invoke(CHANNELS.upload, bytes, name),
};

contextBridge.exposeInMainWorld('warrant', bridge);
