// The sandboxed preload (bundled to CommonJS): exposes the contract's transport and nothing
// else. No raw ipcRenderer reaches the page. It passes calls through unchecked on purpose: the
// main process checks the sender and validates every name and payload against the contract, so
// a check here would only load zod and every schema into each window for nothing.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { WarrantBridge } from '../../src/contract/bridge';
import { CHANNELS } from './app-location';

const bridge: WarrantBridge = {
  call: (name, input, epoch) => ipcRenderer.invoke(CHANNELS.call, name, input, epoch),
  startJob: (name, input, epoch) => ipcRenderer.invoke(CHANNELS.job, name, input, epoch),
  onJobEvent(listener) {
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(CHANNELS.jobEvent, forward);
    return () => {
      ipcRenderer.removeListener(CHANNELS.jobEvent, forward);
    };
  },
  fetchFile: (ref) => ipcRenderer.invoke(CHANNELS.file, ref.fileId),
  uploadFile: (bytes, name) => ipcRenderer.invoke(CHANNELS.upload, bytes, name),
  onMenuCommand(listener) {
    const forward = (_event: IpcRendererEvent, id: unknown): void => listener(id);
    ipcRenderer.on(CHANNELS.menuCommand, forward);
    return () => {
      ipcRenderer.removeListener(CHANNELS.menuCommand, forward);
    };
  },
};

contextBridge.exposeInMainWorld('warrant', bridge);
