/**
 * Preload (sandboxed, bundled as one CommonJS file): exposes exactly the contract's methods as
 * `window.timbang`, each forwarding to the main process over IPC. Nothing else crosses the bridge.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannel } from '../../src/api/contract.ts';
import { transportFrom } from '../../src/api/dispatch.ts';

contextBridge.exposeInMainWorld(
  'timbang',
  transportFrom((method, input) => ipcRenderer.invoke(ipcChannel(method), input)),
);
