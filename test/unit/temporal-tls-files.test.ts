import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openTemporalAccess, temporalTls } from '../../config/temporal-access';
import { throwawayCertificates, type ThrowawayCertificates } from '../support/identity/throwaway-certificates';

/** The SDK's TLS options, built from the PEM files the settings name (config/temporal-access.ts). */
let certs: ThrowawayCertificates;
beforeAll(() => {
  certs = throwawayCertificates({ 'parkflow-worker': { usage: 'clientAuth' }, other: { usage: 'clientAuth' } });
});
afterAll(() => certs.remove());

const settings = (over: Record<string, string> = {}) => ({
  TEMPORAL_ADDRESS: 'temporal:7233',
  TEMPORAL_NAMESPACE: 'default',
  ...over,
});
const mutual = (over: Record<string, string> = {}) =>
  settings({
    TEMPORAL_TLS_CA_FILE: certs.ca,
    TEMPORAL_TLS_CERT_FILE: certs.leaf('parkflow-worker').cert,
    TEMPORAL_TLS_KEY_FILE: certs.leaf('parkflow-worker').key,
    ...over,
  });

describe("a process's TLS options for Temporal", () => {
  it('are off without a CA or a client certificate: the plain connection of npm run dev', async () => {
    expect(temporalTls(settings())).toBeUndefined();
    const access = await openTemporalAccess(settings(), () => undefined);
    expect(access).toMatchObject({ address: 'temporal:7233', tls: false, clientCertificateExpiry: undefined });
    expect(access.tokens).toBeUndefined();
  });

  it("carry the CA, this process's certificate pair and the server name, as the files hold them", () => {
    const built = temporalTls(mutual({ TEMPORAL_TLS_SERVER_NAME: 'temporal-frontend' }));
    expect(built?.tls).toEqual({
      serverRootCACertificate: readFileSync(certs.ca),
      clientCertPair: {
        crt: readFileSync(certs.leaf('parkflow-worker').cert),
        key: readFileSync(certs.leaf('parkflow-worker').key),
      },
      serverNameOverride: 'temporal-frontend',
    });
  });

  it("expose the client certificate's notAfter, and none for server-verified TLS with the CA alone", () => {
    const endDate = execFileSync('openssl', ['x509', '-noout', '-enddate', '-in', certs.leaf('parkflow-worker').cert]);
    const notAfter = Date.parse(endDate.toString().replace('notAfter=', ''));
    expect(temporalTls(mutual())?.clientCertificateExpiry?.getTime()).toBe(notAfter);
    expect(temporalTls(settings({ TEMPORAL_TLS_CA_FILE: certs.ca }))).toEqual({
      tls: { serverRootCACertificate: readFileSync(certs.ca) },
      clientCertificateExpiry: undefined,
    });
  });

  it('stop the start naming the variable and the path of a file that is missing or holds no PEM', () => {
    const missing = join(certs.dir, 'absent.pem');
    expect(() => temporalTls(mutual({ TEMPORAL_TLS_CA_FILE: missing }))).toThrow(
      `TEMPORAL_TLS_CA_FILE=${missing} cannot be read (ENOENT)`,
    );
    expect(() => temporalTls(mutual({ TEMPORAL_TLS_KEY_FILE: missing }))).toThrow(
      `TEMPORAL_TLS_KEY_FILE=${missing} cannot be read (ENOENT)`,
    );
    const garbage = join(certs.dir, 'garbage.pem');
    writeFileSync(garbage, 'not a certificate\n');
    expect(() => temporalTls(mutual({ TEMPORAL_TLS_CERT_FILE: garbage }))).toThrow(
      new RegExp(`^TEMPORAL_TLS_CERT_FILE=${garbage} holds no PEM certificate`),
    );
    expect(() => temporalTls(mutual({ TEMPORAL_TLS_KEY_FILE: garbage }))).toThrow(
      new RegExp(`^TEMPORAL_TLS_KEY_FILE=${garbage} holds no PEM private key`),
    );
  });

  it("stop the start when the key is not the certificate's, or the certificate has expired", () => {
    const { cert } = certs.leaf('parkflow-worker');
    const otherKey = certs.leaf('other').key;
    expect(() => temporalTls(mutual({ TEMPORAL_TLS_KEY_FILE: otherKey }))).toThrow(
      `TEMPORAL_TLS_KEY_FILE=${otherKey} is not the key of TEMPORAL_TLS_CERT_FILE=${cert}`,
    );
    const expiry = new Date(new X509Certificate(readFileSync(cert)).validTo).getTime();
    expect(() => temporalTls(mutual(), expiry)).toThrow(new RegExp(`^TEMPORAL_TLS_CERT_FILE=${cert} expired on `));
  });

  it('read the client secret from its file, and stop the start when the file is missing or empty', async () => {
    const token = { TEMPORAL_AUTH_TOKEN_URL: 'http://127.0.0.1:1/token', TEMPORAL_AUTH_CLIENT_ID: 'parkflow-worker' };
    const missing = join(certs.dir, 'no-secret');
    await expect(
      openTemporalAccess(settings({ ...token, TEMPORAL_AUTH_CLIENT_SECRET_FILE: missing }), () => undefined),
    ).rejects.toThrow(`TEMPORAL_AUTH_CLIENT_SECRET_FILE=${missing} cannot be read (ENOENT)`);
    const empty = join(certs.dir, 'empty-secret');
    writeFileSync(empty, '\n');
    await expect(
      openTemporalAccess(settings({ ...token, TEMPORAL_AUTH_CLIENT_SECRET_FILE: empty }), () => undefined),
    ).rejects.toThrow(`TEMPORAL_AUTH_CLIENT_SECRET_FILE=${empty} is empty`);
  });
});
