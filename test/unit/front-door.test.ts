import { createServer, type Server } from 'node:http';
import { FrontDoor, type FrontDoorOptions } from '../../scripts/front-door';
import { resolveWithLookup } from '../../scripts/front-door-upstreams';
import { freePort } from '../../scripts/free-port';
import { eventually } from '../../tooling/eventually';

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

function track(server: Server): void {
  closers.push(() => new Promise((resolve) => server.close(resolve)));
}

/**
 * An API instance stand-in on `host` (127.0.0.1; any 127.x address is loopback on Linux) and `port` (any free one):
 * answers with its name, the method, path, body and Host it got, and what it was told.
 */
async function instance(
  name: string,
  behave: 'answer' | 'die' = 'answer',
  { host = '127.0.0.1', port = 0 } = {},
): Promise<{ server: Server; url: string; port: number }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (behave === 'die') return void req.socket.destroy(); // received, then gone before any answer
      res.writeHead(201, { 'content-type': 'application/json', 'x-instance': name });
      res.end(
        JSON.stringify({
          name,
          method: req.method,
          path: req.url,
          body,
          host: req.headers.host,
          forwardedFor: req.headers['x-forwarded-for'],
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const bound = (server.address() as { port: number }).port;
  track(server);
  return { server, url: `http://${host}:${bound}`, port: bound };
}

async function frontDoorFor(urls: string[], options?: FrontDoorOptions): Promise<string> {
  const door = new FrontDoor(urls, options);
  const port = await door.listen(0);
  closers.push(() => door.close());
  return `http://127.0.0.1:${port}`;
}

describe('the front door of npm run cluster (one address for the API instances)', () => {
  it('takes the instances in turn and forwards method, path, query, body and status', async () => {
    const [a, b] = [await instance('a'), await instance('b')];
    const door = await frontDoorFor([a.url, b.url]);
    const names: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const response = await fetch(`${door}/v1/cases?stage=designated`, { method: 'POST', body: '{"x":1}' });
      expect(response.status).toBe(201);
      const seen = (await response.json()) as Record<string, string>;
      expect(seen).toMatchObject({ method: 'POST', path: '/v1/cases?stage=designated', body: '{"x":1}' });
      expect(seen.forwardedFor).toBe('127.0.0.1');
      names.push(seen.name);
    }
    expect(names).toEqual(['a', 'b', 'a', 'b']);
  });

  it('sends a request an instance refused (nothing was sent) to the next one', async () => {
    const live = await instance('live');
    const door = await frontDoorFor([`http://127.0.0.1:${await freePort()}`, live.url]);
    for (let i = 0; i < 3; i += 1) {
      const response = await fetch(`${door}/v1/applications`, { method: 'POST', body: '{}' });
      expect(response.status).toBe(201);
      expect(((await response.json()) as Record<string, string>).name).toBe('live');
    }
  });

  it('answers 502 upstream_lost, never a guess, when the instance took the request and died unanswered', async () => {
    const dying = await instance('dying', 'die');
    const door = await frontDoorFor([dying.url]);
    const response = await fetch(`${door}/v1/cases/c/acceptance`, { method: 'POST', body: '{"accepted":true}' });
    expect(response.status).toBe(502);
    const body = (await response.json()) as Record<string, string>;
    expect(body.error).toBe('upstream_lost');
    expect(body.message).toMatch(/same Idempotency-Key/);
  });

  it('answers 503 dependency_unavailable with Retry-After when no instance accepts connections', async () => {
    const door = await frontDoorFor([`http://127.0.0.1:${await freePort()}`, `http://127.0.0.1:${await freePort()}`]);
    const response = await fetch(`${door}/health/ready`);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(((await response.json()) as Record<string, string>).error).toBe('dependency_unavailable');
  });
});

describe('the front door with one name for several instances (compose: http://parkflow-api:3000)', () => {
  /** A resolver that says what `answers` holds now for `api.internal` and counts how often it was asked. */
  const resolver = (answers: { now: string[] }) => {
    const asked: string[] = [];
    const resolve = async (hostname: string): Promise<string[]> => {
      asked.push(hostname);
      if (hostname !== 'api.internal') throw new Error(`getaddrinfo ENOTFOUND ${hostname}`);
      return answers.now;
    };
    return { asked, resolve };
  };
  const post = async (door: string): Promise<Record<string, string>> => {
    const response = await fetch(`${door}/v1/applications`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(201);
    return (await response.json()) as Record<string, string>;
  };

  it('resolves a name with dns.lookup to all its addresses by default (localhost: 127.0.0.1 among them)', async () => {
    expect(await resolveWithLookup('localhost')).toContain('127.0.0.1');
    expect(await resolveWithLookup('127.0.0.2')).toEqual(['127.0.0.2']);
  });

  it('takes each address the name resolves to in turn, keeping the request’s Host', async () => {
    const a = await instance('a');
    await instance('b', 'answer', { host: '127.0.0.2', port: a.port });
    const { asked, resolve } = resolver({ now: ['127.0.0.1', '127.0.0.2'] });
    const door = await frontDoorFor([`http://api.internal:${a.port}`], { resolve });
    const seen = [await post(door), await post(door), await post(door), await post(door)];
    expect(seen.map((s) => s.name)).toEqual(['a', 'b', 'a', 'b']);
    expect(new Set(seen.map((s) => s.host))).toEqual(new Set([new URL(door).host]));
    expect(asked[0]).toBe('api.internal');
  });

  it('answers every request from the address that accepts when the other refuses connections', async () => {
    const live = await instance('live', 'answer', { host: '127.0.0.2' });
    const { resolve } = resolver({ now: ['127.0.0.1', '127.0.0.2'] }); // nothing listens on 127.0.0.1 at that port
    const door = await frontDoorFor([`http://api.internal:${live.port}`], { resolve });
    for (let i = 0; i < 6; i += 1) expect((await post(door)).name).toBe('live');
  });

  it('resolves the name again when an address refuses, and finds the instance that moved', async () => {
    const moved = await instance('moved', 'answer', { host: '127.0.0.2' });
    const answers = { now: ['127.0.0.1'] }; // where nothing listens at that port
    const { asked, resolve } = resolver(answers);
    // Resolved again only on a refusal here: the periodic resolution is an hour away.
    const door = await frontDoorFor([`http://api.internal:${moved.port}`], { resolve, resolveEveryMs: 3_600_000 });
    answers.now = ['127.0.0.2'];
    expect((await fetch(`${door}/health/ready`)).status).toBe(503); // the refusal makes it look again
    await eventually(async () => (await fetch(`${door}/health/ready`)).status === 201, 'the moved instance to answer');
    expect(asked.length).toBeGreaterThanOrEqual(2);
  });
});
