/** The two IPC channels between the preload and the main process. */
export const CALL_CHANNEL = 'plustwin:call';
export const EVENT_CHANNEL = 'plustwin:event';
