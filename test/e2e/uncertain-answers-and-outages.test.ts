import type { NestExpressApplication } from '@nestjs/platform-express';
import { idempotentUpdateIdFor } from '../../api/idempotency/update-id';
import { createServer, type AddressInfo, type Server, type Socket, connect } from 'node:net';
import { loadAppConfig } from '../../api/config/app-config';
import { createApp } from '../../api/create-app';
import { parkCaseWorkflowId } from '../../workflows/definitions/messages';
import { eventually } from '../../tooling/eventually';
import { HttpDriver } from '../../tooling/http/http-driver';
import { startStack, type Stack } from '../../tooling/stacks/in-process-stack';

/** issue 10, items 4 ("Honest uncertainty") and 5 ("Outages are 503"). */
const UPDATE_WAIT_MS = 1500;
let stack: Stack;
let driver: HttpDriver;
beforeAll(async () => {
  stack = await startStack({ updateWaitMs: UPDATE_WAIT_MS });
  driver = new HttpDriver(stack);
});
afterAll(async () => {
  await stack?.teardown();
});

/** The update id the API derives from an Idempotency-Key (api/idempotency/idempotency-claim.ts). */

/** A second API instance on the same PostgreSQL / Temporal as the stack, with some settings replaced. */
async function secondApi(env: Record<string, string>): Promise<{
  app: NestExpressApplication;
  call: (
    method: string,
    path: string,
    token: string,
    body?: unknown,
  ) => Promise<{ status: number; body: any; headers: Headers }>;
}> {
  const config = loadAppConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: stack.config.DATABASE_URL,
    TEMPORAL_ADDRESS: stack.config.TEMPORAL_ADDRESS,
    TEMPORAL_TASK_QUEUE: stack.config.TEMPORAL_TASK_QUEUE,
    AUTH_JWT_SECRET: stack.config.AUTH_JWT_SECRET,
    UPDATE_WAIT_MS: String(UPDATE_WAIT_MS),
    ...env,
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const baseUrl = await app.getUrl();
  return {
    app,
    async call(method, path, token, body) {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
    },
  };
}

/** A TCP port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A TCP proxy to `host:port` that can be cut (its sockets destroyed, its port closed): a PostgreSQL outage. */
async function cuttableProxy(host: string, port: number): Promise<{ port: number; cut: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(port, host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    cut: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      await closed;
    },
  };
}

describe('item 4: honest uncertainty', () => {
  it(
    'an action sent while no worker takes tasks is answered 202 with ' +
      'its updateId (not 503); its outcome is running, then applied',
    async () => {
      const caseId = await driver.complete();
      // The worker died a moment ago without a word: its heartbeat and the server's poller record still count it, so
      // the API sends the action — but nobody takes the task.
      await stack.crashWorker();
      const response = await stack.call('POST', `/v1/cases/${caseId}/acceptance`, {
        token: driver.municipal(),
        body: { accepted: true },
      });
      expect({ status: response.status, body: response.body }).toEqual({
        status: 202,
        body: {
          caseId,
          updateId: expect.stringMatching(/^[0-9a-f-]{36}$/),
          status: 'accepted',
          message: expect.stringContaining('结果尚不可知'), // its outcome is not known yet
        },
      });
      const { updateId } = response.body;
      expect(response.body.message).toContain(`GET /v1/cases/${caseId}/actions/${updateId}`);

      const running = await stack.call('GET', `/v1/cases/${caseId}/actions/${updateId}`, { token: driver.municipal() });
      expect({ status: running.status, body: running.body }).toEqual({
        status: 200,
        body: { caseId, updateId, status: 'running' },
      });

      // Once a worker takes the task, the same action is applied — the 503 "nothing was applied" would have been
      // false.
      await stack.startWorker();
      let outcome: any;
      await eventually(
        async () =>
          (outcome = (await stack.call('GET', `/v1/cases/${caseId}/actions/${updateId}`, { token: driver.municipal() }))
            .body).status === 'applied',
        'the action to be applied once a worker runs',
        30_000,
      );
      expect(outcome).toMatchObject({ caseId, updateId, status: 'applied', case: { caseId, stage: 'accepted' } });
    },
  );

  it(
    'GET …/actions/{updateId}: applied with the case (also after the workflow ended); ' +
      '404 for an unknown id, an invisible case, or an update the validator refused',
    async () => {
      const caseId = await driver.complete();
      const caller = 'municipal:municipal-officer';
      await driver.ok('POST', `/v1/cases/${caseId}/acceptance`, {
        token: driver.municipal(),
        body: { accepted: true },
        headers: { 'Idempotency-Key': 'honest-accept' },
      });
      const applied = await stack.call(
        'GET',
        `/v1/cases/${caseId}/actions/${idempotentUpdateIdFor(caller, 'honest-accept')}`,
        { token: driver.municipal() },
      );
      expect({ status: applied.status, body: applied.body }).toMatchObject({
        status: 200,
        body: { caseId, status: 'applied', case: { caseId, stage: 'accepted' } },
      });

      // A district officer of another district may not see the case: 404, as for GET /v1/cases/{caseId}.
      const foreign = await stack.call(
        'GET',
        `/v1/cases/${caseId}/actions/${idempotentUpdateIdFor(caller, 'honest-accept')}`,
        { token: stack.token('district', '500103', 'district-500103') },
      );
      expect(foreign.status).toBe(404);

      const unknown = await stack.call('GET', `/v1/cases/${caseId}/actions/no-such-update`, {
        token: driver.municipal(),
      });
      expect({ status: unknown.status, error: unknown.body.error }).toEqual({ status: 404, error: 'not_found' });

      // Accepting twice: the second acceptance is refused (409 invalid_stage).
      const again = await stack.call('POST', `/v1/cases/${caseId}/acceptance`, {
        token: driver.municipal(),
        body: { accepted: true },
        headers: { 'Idempotency-Key': 'honest-accept-again' },
      });
      expect(again.status).toBe(409);
      // Refused by the workflow's validator, the update never entered the workflow's history: Temporal keeps no
      // trace of it, so its outcome cannot be told later — 404, not a guess. (An update refused by its handler
      // would be in the history and answer `refused`.)
      const refused = await stack.call(
        'GET',
        `/v1/cases/${caseId}/actions/${idempotentUpdateIdFor(caller, 'honest-accept-again')}`,
        { token: driver.municipal() },
      );
      expect({ status: refused.status, error: refused.body.error }).toEqual({ status: 404, error: 'not_found' });

      // A workflow that has ended since still answers: the outcome is in its history.
      await stack.env.client.workflow.getHandle(parkCaseWorkflowId(caseId)).terminate('test: the case workflow ends');
      const afterEnd = await stack.call(
        'GET',
        `/v1/cases/${caseId}/actions/${idempotentUpdateIdFor(caller, 'honest-accept')}`,
        { token: driver.municipal() },
      );
      expect({ status: afterEnd.status, body: afterEnd.body }).toMatchObject({
        status: 200,
        body: { caseId, status: 'applied', case: { caseId, stage: 'accepted' } },
      });
    },
  );
});

describe('item 5: outages are 503', () => {
  it(
    'PostgreSQL down: reads and actions answer 503 ' + 'dependency_unavailable with Retry-After, naming PostgreSQL',
    async () => {
      const caseId = await driver.complete();
      const url = new URL(stack.config.DATABASE_URL);
      const proxy = await cuttableProxy(url.hostname, Number(url.port || 5432));
      const proxied = new URL(url.toString());
      proxied.hostname = '127.0.0.1';
      proxied.port = String(proxy.port);
      const api = await secondApi({ DATABASE_URL: proxied.toString() });
      try {
        expect((await api.call('GET', '/v1/cases', driver.municipal())).status).toBe(200);
        await proxy.cut();
        for (const [method, path, body] of [
          ['GET', '/v1/cases', undefined],
          ['GET', `/v1/cases/${caseId}`, undefined],
          ['GET', `/v1/cases/${caseId}/history`, undefined],
          ['POST', `/v1/cases/${caseId}/acceptance`, { accepted: true }],
        ] as const) {
          const response = await api.call(method, path, driver.municipal(), body);
          expect({
            path,
            method,
            status: response.status,
            retryAfter: response.headers.get('retry-after'),
            body: response.body,
          }).toEqual({
            path,
            method,
            status: 503,
            retryAfter: expect.stringMatching(/^\d+$/),
            body: { error: 'dependency_unavailable', message: expect.stringContaining('PostgreSQL'), details: [] },
          });
        }
        // Nothing was applied: the case is still as filed.
        expect(await driver.ok('GET', `/v1/cases/${caseId}`, { token: driver.municipal() })).toMatchObject({
          stage: 'submitted',
        });
      } finally {
        await api.app.close().catch(() => undefined);
      }
    },
  );

  it(
    'Temporal down: an action answers 503 dependency_unavailable ' + 'with Retry-After, naming Temporal at its address',
    async () => {
      const caseId = await driver.complete();
      const address = `127.0.0.1:${await closedPort()}`;
      const api = await secondApi({ TEMPORAL_ADDRESS: address });
      try {
        const response = await api.call('POST', `/v1/cases/${caseId}/acceptance`, driver.municipal(), {
          accepted: true,
        });
        expect({
          status: response.status,
          retryAfter: response.headers.get('retry-after'),
          body: response.body,
        }).toEqual({
          status: 503,
          retryAfter: expect.stringMatching(/^\d+$/),
          body: {
            error: 'dependency_unavailable',
            message: expect.stringContaining(`Temporal（${address}）`),
            details: [],
          },
        });
        expect(await driver.ok('GET', `/v1/cases/${caseId}`, { token: driver.municipal() })).toMatchObject({
          stage: 'submitted',
        });
      } finally {
        await api.app.close().catch(() => undefined);
      }
    },
  );
});
