/**
 * Entry of the utility process that runs the core (bundled to dist/core-process.js): a slow device or a long query
 * blocks this process, never a window. The main process hands over one MessagePort and talks the protocol of
 * core-protocol.ts on it. No 'electron' import: a utility process gets process.parentPort from Electron itself.
 */
import type { CorePort } from './core-protocol.js';
import { earlyMessages, serveCore } from './core-protocol.js';
import { startCoreHost } from './core-host.js';
import { aesGcmCipher } from '../../core/base/secret-cipher.js';

interface PortMain {
  on(event: 'message', l: (e: { data: unknown }) => void): void;
  on(event: 'close', l: () => void): void;
  postMessage(message: unknown): void;
  start(): void;
}
interface ParentPort {
  once(event: 'message', l: (e: { data: unknown; ports: PortMain[] }) => void): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parentPort) throw new Error('core-process.js runs only as an Electron utility process');

parentPort.once('message', (first) => {
  const port = first.ports[0];
  const options = first.data as { dataDir: string; speed?: number; demoHistoryDays?: number; secretKey?: string; secretKeyDescription?: string };
  if (!port || typeof options?.dataDir !== 'string') throw new Error('core process: expected {dataDir} and a port');
  const { secretKey, secretKeyDescription, ...hostOptions } = options;
  // the key opened by the main process from the OS keychain; without it the core keeps its key file
  const secrets = typeof secretKey === 'string' ? aesGcmCipher(Buffer.from(secretKey, 'base64'), secretKeyDescription ?? 'the OS keychain') : undefined;
  // listening at once: a shutdown sent while the core is still starting waits here until serveCore listens
  const early = earlyMessages();
  port.on('message', (e) => early.push(e.data));
  const corePort: CorePort = {
    postMessage: (m) => port.postMessage(m),
    onMessage: (l) => early.onMessage(l),
    onClose: (l) => port.on('close', l),
  };
  port.start();
  const log = (line: string) => corePort.postMessage({ type: 'log', line });
  startCoreHost({ ...hostOptions, ...(secrets ? { secrets } : {}), log })
    .then(({ host, info }) => serveCore(corePort, host, info, () => setTimeout(() => process.exit(0), 200)))
    .catch((e: unknown) => {
      corePort.postMessage({ type: 'fatal', message: `the core could not start: ${(e as Error).message}` });
      setTimeout(() => process.exit(1), 100);
    });
});
