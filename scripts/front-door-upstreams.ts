import { lookup } from 'node:dns/promises';

/** All the addresses of a host name. */
export type ResolveHost = (hostname: string) => Promise<string[]>;

/**
 * `dns.lookup` with `all: true`, as a connection would resolve the name (`/etc/hosts`, then DNS): compose's service
 * name gives the address of each replica of the service.
 */
export const resolveWithLookup: ResolveHost = async (hostname) =>
  (await lookup(hostname, { all: true })).map((entry) => entry.address);

/** How often the names are resolved again, so a replica that came or went is seen within this long. */
export const RESOLVE_EVERY_MS = 5_000;

/** One API instance: an address of an upstream URL's host name. */
export interface Upstream {
  /** The upstream URL it came from (protocol, port, and the Host of a request that names none). */
  url: URL;
  /** Where to connect. */
  address: string;
  /** Until when it is tried last, after it refused a connection. */
  passedOverUntil: number;
}

/** A URL's host name as a resolver takes it: an IPv6 literal without its brackets. */
const hostnameOf = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1');

/**
 * The instances behind the front door: each upstream URL's host name resolved to all its addresses, each address an
 * instance of its own — so that with one name for several replicas (`http://parkflow-api:3000` in compose) the front
 * door takes them in turn and, when one refuses a connection, tries another, as it does with one URL per instance.
 * Resolved at start, every {@link RESOLVE_EVERY_MS}, and when an instance refused a connection.
 */
export class UpstreamAddresses {
  private current: Upstream[] = [];
  private resolving: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly urls: URL[],
    private readonly resolve: ResolveHost = resolveWithLookup,
  ) {}

  /** The instances as last resolved. */
  get all(): readonly Upstream[] {
    return this.current;
  }

  /** Resolves the names now, then every `everyMs` until {@link stop}. */
  async start(everyMs = RESOLVE_EVERY_MS): Promise<void> {
    await this.refresh();
    this.timer ??= setInterval(() => void this.refresh(), everyMs).unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /**
   * Resolves every name again; callers meanwhile share the resolution under way. An address that remains keeps its
   * pass-over; a name that cannot be resolved now keeps its last addresses (a DNS blip is not an outage of the API).
   */
  refresh(): Promise<void> {
    this.resolving ??= this.resolveNames().finally(() => (this.resolving = undefined));
    return this.resolving;
  }

  private async resolveNames(): Promise<void> {
    const known = new Map(this.current.map((upstream) => [`${upstream.url.href} ${upstream.address}`, upstream]));
    const perUrl = await Promise.all(
      this.urls.map(async (url) => {
        try {
          const addresses = [...new Set(await this.resolve(hostnameOf(url)))].sort();
          return addresses.map(
            (address) => known.get(`${url.href} ${address}`) ?? { url, address, passedOverUntil: 0 },
          );
        } catch {
          return this.current.filter((upstream) => upstream.url === url);
        }
      }),
    );
    this.current = perUrl.flat();
  }
}
