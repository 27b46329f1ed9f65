import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A private CA and certificates it signed, as PEM files in a temporary directory. */
export interface ThrowawayCertificates {
  dir: string;
  /** The CA's certificate. */
  ca: string;
  /** `<name>.pem` and `<name>.key` of each leaf. */
  leaf(name: string): { cert: string; key: string };
  /** Deletes the directory. */
  remove(): void;
}

const openssl = (dir: string, ...args: string[]): void => {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
};
const newKey = (dir: string, file: string): void =>
  openssl(dir, 'genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', file);

/**
 * Makes a CA (EC P-256, two days) and one leaf per entry of `leaves` — name → extended key usage and optional
 * subjectAltName — with openssl, as scripts/certificates.sh makes a stack's. `remove()` them in the test's teardown.
 */
export function throwawayCertificates(
  leaves: Record<string, { usage: 'serverAuth' | 'clientAuth'; altNames?: string }>,
): ThrowawayCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'parkflow-certs-'));
  newKey(dir, 'ca.key');
  openssl(
    dir,
    'req',
    '-x509',
    '-new',
    '-key',
    'ca.key',
    '-subj',
    '/CN=throwaway test CA',
    '-days',
    '2',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign',
    '-out',
    'ca.pem',
  );
  for (const [name, { usage, altNames }] of Object.entries(leaves)) {
    newKey(dir, `${name}.key`);
    const extensions = [`extendedKeyUsage=${usage}`, 'basicConstraints=critical,CA:FALSE'];
    if (altNames) extensions.push(`subjectAltName=${altNames}`);
    writeFileSync(join(dir, `${name}.ext`), `${extensions.join('\n')}\n`);
    openssl(dir, 'req', '-new', '-key', `${name}.key`, '-subj', `/CN=${name}`, '-out', `${name}.csr`);
    openssl(
      dir,
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      '2',
      '-extfile',
      `${name}.ext`,
      '-out',
      `${name}.pem`,
    );
  }
  return {
    dir,
    ca: join(dir, 'ca.pem'),
    leaf: (name) => ({ cert: join(dir, `${name}.pem`), key: join(dir, `${name}.key`) }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
