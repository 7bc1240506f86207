/**
 * Makes a server "stall" the way a hung PLC does: the TCP connections stay open, but nothing is read and nothing is
 * answered. node-opcua keeps its sockets private, so we watch the listening net.Server for new connections.
 */
import type net from 'node:net';

export class SocketStaller {
  private readonly sockets = new Set<net.Socket>();
  private stalled = false;

  watch(server: net.Server): void {
    server.on('connection', (socket: net.Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
      if (this.stalled) this.freeze(socket);
    });
  }

  get isStalled(): boolean {
    return this.stalled;
  }

  stall(): void {
    if (this.stalled) return;
    this.stalled = true;
    for (const s of this.sockets) this.freeze(s);
  }

  resume(): void {
    if (!this.stalled) return;
    this.stalled = false;
    for (const s of this.sockets) {
      s.uncork();
      s.resume();
    }
  }

  /** Drops every connection at once (used by restart, so clients see the server vanish). */
  destroyAll(): void {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  private freeze(socket: net.Socket): void {
    socket.pause();
    // cork buffers the server's writes (publish responses, keep-alives) until resume, so the client hears nothing
    socket.cork();
  }
}
