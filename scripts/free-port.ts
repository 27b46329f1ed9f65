import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Linux's default when /proc cannot tell: the first port the kernel hands to outgoing connections. */
const DEFAULT_EPHEMERAL_LOW = 32_768;
const LOWEST_PORT = 10_000;
/** The Temporal server stores membership ports in a PostgreSQL `smallint`. */
const SMALLINT_END = 32_768;

/** Ports this process already handed out: two services of one stack must never be given the same one. */
const handedOut = new Set<number>();

/** The first port of the kernel's ephemeral range (`ip_local_port_range`), where outgoing connections bind. */
export function ephemeralLow(readRange: () => string = readKernelRange): number {
  try {
    const low = Number(readRange().trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > LOWEST_PORT + 1_000 ? low : DEFAULT_EPHEMERAL_LOW;
  } catch {
    return DEFAULT_EPHEMERAL_LOW;
  }
}

function readKernelRange(): string {
  return readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8');
}

/** Resolves true when `port` of 127.0.0.1 can be bound now. */
export function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A port for a child process to listen on. It is taken below the kernel's ephemeral range: a port the kernel
 * gave out (`listen(0)`) can be taken again by any outgoing connection between our probe and the child's bind
 * (CI saw servers die with "address already in use"); below that range only another listener can take it.
 */
export async function freePort(): Promise<number> {
  const high = Math.min(ephemeralLow(), SMALLINT_END);
  for (let attempt = 0; attempt < 1_000; attempt += 1) {
    const port = LOWEST_PORT + Math.floor(Math.random() * (high - LOWEST_PORT));
    if (!handedOut.has(port) && (await bindable(port))) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error(`no free port between ${LOWEST_PORT} and ${high} after 1000 tries`);
}
