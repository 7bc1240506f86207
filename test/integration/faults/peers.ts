/**
 * Hostile Modbus peers on 127.0.0.1 for the fault suite: one that accepts and never answers (nor closes), one that
 * closes every connection at once, one that answers every request with random bytes.
 */
import crypto from 'node:crypto';
import net from 'node:net';

export interface Peer {
  readonly port: number;
  readonly url: (query?: string) => string;
  /** Connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

async function listen(onSocket: (s: net.Socket) => void, allowHalfOpen = false): Promise<Peer> {
  const sockets = new Set<net.Socket>();
  let count = 0;
  const server = net.createServer({ allowHalfOpen }, (s) => {
    count++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
    onSocket(s);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    url: (query = 'unit=1') => `modbus-tcp://127.0.0.1:${port}?${query}`,
    connections: () => count,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * Accepts, reads what it is sent, never answers and never closes its side, not even after the client's FIN (a hung
 * device or a gateway whose firmware stopped): allowHalfOpen keeps Node from ending our side by itself.
 */
export const silentPeer = (): Promise<Peer> => listen((s) => s.resume(), true);

/** Accepts and closes at once, as a gateway with no free slot or a wrong port forward does. */
export const closingPeer = (): Promise<Peer> => listen((s) => s.end());

/** Answers every request with `bytes` random bytes (a device on the wrong protocol, or line noise). */
export const garbagePeer = (bytes = 64): Promise<Peer> =>
  listen((s) => s.on('data', () => s.write(crypto.randomBytes(bytes))));
