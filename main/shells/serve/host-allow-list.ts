/**
 * DNS rebinding defence: a page on evil.example whose name is later re-pointed at 127.0.0.1 talks to serve with
 * `Host: evil.example`, and its Origin then matches that Host, so the Origin check alone lets it in. The Host
 * header is the one thing such a page cannot choose, so every request and WebSocket upgrade must name a host we
 * know: the loopback names, the address serve is bound to (every local interface address when bound to all), and
 * the names the user adds with --allow-host.
 */
import os from 'node:os';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];
const WILDCARD = new Set(['0.0.0.0', '::', '']);

export interface HostAllowList {
  allows(hostHeader: string | undefined): boolean;
  /** What the list holds, for the refusal message and the start log. */
  readonly names: readonly string[];
}

/** The host name of a Host header without its port, lower-case, IPv6 brackets removed. */
export function hostNameOf(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') === -1 ? undefined : h.indexOf(']'));
  const colon = h.indexOf(':');
  // a bare IPv6 address has several colons and no port (clients always bracket it when they add one)
  if (colon !== -1 && h.indexOf(':', colon + 1) === -1) return h.slice(0, colon);
  return h.replace(/\.$/, '');
}

function interfaceAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flatMap((list) => list ?? [])
    .map((a) => a.address.toLowerCase());
}

export function createHostAllowList(boundHost: string, extra: readonly string[] = []): HostAllowList {
  const bound = hostNameOf(boundHost);
  const names = new Set([...LOOPBACK_NAMES, ...extra.map((n) => hostNameOf(n))]);
  if (WILDCARD.has(bound)) for (const a of interfaceAddresses()) names.add(a);
  else names.add(bound);
  return {
    names: [...names],
    allows(hostHeader) {
      if (hostHeader === undefined) return false;
      const name = hostNameOf(hostHeader);
      // the whole 127/8 block is this machine, as is every *.localhost name (RFC 6761 section 6.3)
      return names.has(name) || /^127\.\d+\.\d+\.\d+$/.test(name) || name.endsWith('.localhost');
    },
  };
}
