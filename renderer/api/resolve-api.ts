/**
 * One place decides the transport: Electron's preload puts the api on window[API_GLOBAL]; otherwise the page was
 * served by serve mode and talks HTTP + WebSocket to its own origin.
 */
import { API_GLOBAL, type PlusTwinApi } from '../../models/contract/index.js';
import { createHttpApi, type ConnectionState } from './http-client.js';

export interface ResolvedApi {
  readonly api: PlusTwinApi;
  readonly transport: 'electron' | 'http';
  /** Electron's IPC has no socket to lose, so it reports 'open' for good. */
  onConnection(listener: (state: ConnectionState) => void): () => void;
}

const looksLikeApi = (v: unknown): v is PlusTwinApi =>
  typeof v === 'object' && v !== null && typeof (v as PlusTwinApi).call === 'function' && typeof (v as PlusTwinApi).on === 'function';

export function resolveApi(win: Window): ResolvedApi {
  const injected: unknown = (win as unknown as Record<string, unknown>)[API_GLOBAL];
  if (looksLikeApi(injected)) {
    return {
      api: injected,
      transport: 'electron',
      onConnection: (listener) => {
        listener('open');
        return () => undefined;
      },
    };
  }
  const http = createHttpApi({ baseUrl: win.location.origin });
  return { api: http, transport: 'http', onConnection: (l) => http.onConnection(l) };
}
