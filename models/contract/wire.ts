/** How the contract travels: the preload's global name and serve mode's HTTP and WebSocket paths and messages. */
/** The name under which Electron's preload exposes the api on window. */
export const API_GLOBAL = 'plustwin';

/** Serve mode wire format: POST {method, args} to HTTP_CALL_PATH answers a Result; events arrive on WS_EVENTS_PATH. */
export const HTTP_CALL_PATH = '/api/call';
export const WS_EVENTS_PATH = '/api/events';

export interface WireCall {
  readonly method: string;
  readonly args: unknown;
}
