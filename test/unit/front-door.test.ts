import { createServer, type Server } from 'node:http';
import { FrontDoor } from '../../scripts/front-door';
import { freePort } from '../../scripts/free-port';

/** An API instance stand-in: answers with its name, the method, path and body it got, and what it was told. */
async function instance(name: string, behave: 'answer' | 'die' = 'answer'): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (behave === 'die') return void req.socket.destroy(); // received, then gone before any answer
      res.writeHead(201, { 'content-type': 'application/json', 'x-instance': name });
      res.end(
        JSON.stringify({ name, method: req.method, path: req.url, body, forwardedFor: req.headers['x-forwarded-for'] }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
}

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function frontDoorFor(urls: string[]): Promise<string> {
  const door = new FrontDoor(urls);
  const port = await door.listen(0);
  closers.push(() => door.close());
  return `http://127.0.0.1:${port}`;
}

function track(server: Server): void {
  closers.push(() => new Promise((resolve) => server.close(resolve)));
}

describe('the front door of npm run cluster (one address for the API instances)', () => {
  it('takes the instances in turn and forwards method, path, query, body and status', async () => {
    const [a, b] = [await instance('a'), await instance('b')];
    [a, b].forEach((i) => track(i.server));
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
    track(live.server);
    const door = await frontDoorFor([`http://127.0.0.1:${await freePort()}`, live.url]);
    for (let i = 0; i < 3; i += 1) {
      const response = await fetch(`${door}/v1/applications`, { method: 'POST', body: '{}' });
      expect(response.status).toBe(201);
      expect(((await response.json()) as Record<string, string>).name).toBe('live');
    }
  });

  it('answers 502 upstream_lost, never a guess, when the instance took the request and died unanswered', async () => {
    const dying = await instance('dying', 'die');
    track(dying.server);
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
