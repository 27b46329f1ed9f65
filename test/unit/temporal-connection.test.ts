import { readFileSync } from 'node:fs';
import {
  createSecureServer,
  createServer,
  type Http2Server,
  type IncomingHttpHeaders,
  type ServerHttp2Session,
} from 'node:http2';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { Connection } from '@temporalio/client';
import { clientConnectionOptions, connectTemporalClient, openTemporalAccess } from '../../config/temporal-access';
import { connectNativeTemporal } from '../../config/temporal-worker-connection';
import { eventually } from '../../tooling/eventually';
import { installQuietRuntime } from '../../tooling/temporal/quiet-runtime';
import { throwawayCertificates, type ThrowawayCertificates } from '../support/identity/throwaway-certificates';
import { issued, startTokenEndpoint, type TokenEndpoint } from '../support/identity/token-endpoint';

/**
 * Both SDK connections (the API's and the CLIs' `@temporalio/client`, the worker's NativeConnection) made from the
 * settings, against a stand-in frontend: an HTTP/2 server that requires a client certificate from the private CA,
 * records who called with which `authorization`, and answers every gRPC call with an empty message (status OK). The
 * real server's checks of the certificate and the token are the cluster test's.
 */
interface Call {
  path: string;
  authorization: string | undefined;
  clientCertificate: string | undefined;
}
let certs: ThrowawayCertificates;
const closers: (() => Promise<void> | void)[] = [];
beforeAll(() => {
  installQuietRuntime();
  certs = throwawayCertificates({
    frontend: { usage: 'serverAuth', altNames: 'DNS:localhost,IP:127.0.0.1' },
    'parkflow-worker': { usage: 'clientAuth' },
  });
});
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});
afterAll(() => certs.remove());

/** The stand-in frontend: with mutual TLS, or plain (h2c) like the dev server. */
async function startFrontend(tls: boolean): Promise<{ address: string; calls: Call[] }> {
  const calls: Call[] = [];
  const server: Http2Server = tls
    ? createSecureServer({
        key: readFileSync(certs.leaf('frontend').key),
        cert: readFileSync(certs.leaf('frontend').cert),
        ca: readFileSync(certs.ca),
        requestCert: true,
        rejectUnauthorized: true,
      })
    : createServer();
  server.on('stream', (stream, headers: IncomingHttpHeaders) => {
    const socket = stream.session?.socket as TLSSocket | undefined;
    calls.push({
      path: String(headers[':path']),
      authorization: headers.authorization as string | undefined,
      clientCertificate: tls ? String(socket?.getPeerCertificate().subject?.CN) : undefined,
    });
    stream.respond({ ':status': 200, 'content-type': 'application/grpc' }, { waitForTrailers: true });
    stream.on('wantTrailers', () => stream.sendTrailers({ 'grpc-status': '0' }));
    stream.resume();
    stream.end(Buffer.alloc(5)); // one empty, uncompressed message
  });
  // Clients keep their sessions open: closing the server waits for them unless they are destroyed.
  const sessions = new Set<ServerHttp2Session>();
  server.on('session', (session) => sessions.add(session));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const session of sessions) session.destroy();
      }),
  );
  return { address: `127.0.0.1:${(server.address() as AddressInfo).port}`, calls };
}

async function tokenEndpoint(...tokens: [string, number][]): Promise<TokenEndpoint> {
  const endpoint = await startTokenEndpoint((_form, index) => issued(...tokens[Math.min(index, tokens.length - 1)]));
  closers.push(() => endpoint.close());
  return endpoint;
}

const mutualTls = (address: string) => ({
  TEMPORAL_ADDRESS: address,
  TEMPORAL_NAMESPACE: 'default',
  TEMPORAL_TLS_CA_FILE: certs.ca,
  TEMPORAL_TLS_CERT_FILE: certs.leaf('parkflow-worker').cert,
  TEMPORAL_TLS_KEY_FILE: certs.leaf('parkflow-worker').key,
});
const token = (url: string) => ({
  TEMPORAL_AUTH_TOKEN_URL: url,
  TEMPORAL_AUTH_CLIENT_ID: 'parkflow-worker',
  TEMPORAL_AUTH_CLIENT_SECRET: 's3cret',
});

describe('connecting to a secured Temporal frontend', () => {
  it("presents this process's client certificate and its service token, from the client and the worker", async () => {
    const frontend = await startFrontend(true);
    const endpoint = await tokenEndpoint(['token-1', 300]);
    const settings = { ...mutualTls(frontend.address), ...token(endpoint.url) };

    const temporal = await connectTemporalClient(settings);
    closers.push(() => temporal.close());
    const access = await openTemporalAccess(settings, () => undefined);
    closers.push(() => access.close());
    const native = await connectNativeTemporal(access);
    closers.push(() => native.close());

    const expected = { authorization: 'Bearer token-1', clientCertificate: 'parkflow-worker' };
    expect(frontend.calls.length).toBeGreaterThanOrEqual(2); // each connection's GetSystemInfo
    expect(frontend.calls).toEqual(frontend.calls.map(() => expect.objectContaining(expected)));
    expect(temporal.clientCertificateExpiry).toEqual(access.clientCertificateExpiry);
    expect(temporal.clientCertificateExpiry?.getTime()).toBeGreaterThan(Date.now());
  });

  it('sends each renewed token from then on, on the worker connection as on the client one', async () => {
    const frontend = await startFrontend(true);
    // A one-second token: renewed after a second (the shortest renewal wait), then a long-lived one.
    const endpoint = await tokenEndpoint(['token-1', 1], ['token-2', 300]);
    const access = await openTemporalAccess(
      { ...mutualTls(frontend.address), ...token(endpoint.url) },
      () => undefined,
    );
    closers.push(() => access.close());
    const native = await connectNativeTemporal(access);
    closers.push(() => native.close());
    const client = await Connection.connect(clientConnectionOptions(access));
    closers.push(() => client.close());

    const lastAuthorization = () => frontend.calls[frontend.calls.length - 1].authorization;
    await eventually(async () => {
      await native.workflowService.getSystemInfo({});
      return lastAuthorization() === 'Bearer token-2';
    }, 'the worker connection to send the renewed token');
    await client.workflowService.getSystemInfo({});
    expect(lastAuthorization()).toBe('Bearer token-2');
    expect(endpoint.requests).toHaveLength(2);
  });

  it('opens the lazy client of the API at its first call, not before', async () => {
    const frontend = await startFrontend(true);
    const temporal = await connectTemporalClient(mutualTls(frontend.address), { lazy: true });
    closers.push(() => temporal.close());
    expect(frontend.calls).toEqual([]);
    await temporal.client.workflowService.getSystemInfo({});
    expect(frontend.calls).toContainEqual(expect.objectContaining({ clientCertificate: 'parkflow-worker' }));
  });

  it('sends a token over a plain connection when TLS is off, with a warning (the SDK would turn TLS on)', async () => {
    const frontend = await startFrontend(false);
    const endpoint = await tokenEndpoint(['token-1', 300]);
    const warnings: string[] = [];
    const temporal = await connectTemporalClient(
      { TEMPORAL_ADDRESS: frontend.address, TEMPORAL_NAMESPACE: 'default', ...token(endpoint.url) },
      { warn: (message) => warnings.push(message) },
    );
    closers.push(() => temporal.close());
    expect(frontend.calls).toContainEqual(expect.objectContaining({ authorization: 'Bearer token-1' }));
    expect(warnings).toEqual([
      'the Temporal service token travels unencrypted: set TEMPORAL_TLS_CA_FILE to connect with TLS',
    ]);
  });
});
