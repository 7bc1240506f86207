/**
 * Exposes exactly one object, window.plustwin, that satisfies the contract; nothing of Node or Electron leaks
 * into the page. Bundled to CommonJS because sandboxed preloads cannot load ES modules.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_GLOBAL, type ApiEvents, type EventName, type PlusTwinApi } from '../../../models/contract/index.js';
import { CALL_CHANNEL, EVENT_CHANNEL } from './ipc-channels.js';

const api: PlusTwinApi = {
  call: (method, args) => ipcRenderer.invoke(CALL_CHANNEL, method, args),
  on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void) {
    const handler = (_e: IpcRendererEvent, name: EventName, payload: unknown) => {
      if (name === event) listener(payload as ApiEvents[E]);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => void ipcRenderer.off(EVENT_CHANNEL, handler);
  },
};

contextBridge.exposeInMainWorld(API_GLOBAL, api);
