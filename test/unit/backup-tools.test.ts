import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256Of, verifyDumps, type BackupManifest } from '../../scripts/backup-manifest';
import { pgToolsFor } from '../../scripts/pg-tools';

/**
 * Issue 22 item 3: `npm run backup` and `npm run restore` take the client tools of the server's major version (or
 * refuse, naming what to install), and a restore checks every dump against its manifest before replacing anything.
 */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parkflow-backup-tools-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A directory whose `pg_dump --version` says `major`. */
function fakeTools(name: string, major: number): string {
  const bin = join(dir, name);
  mkdirSync(bin);
  writeFileSync(join(bin, 'pg_dump'), `#!/bin/sh\necho "pg_dump (PostgreSQL) ${major}.3"\n`);
  chmodSync(join(bin, 'pg_dump'), 0o755);
  return bin;
}

describe('the client tools of the server’s major version', () => {
  it('takes PG_BIN_DIR when its pg_dump is of that major, and only PG_BIN_DIR when it is set', () => {
    const bin = fakeTools('bin17', 17);
    expect(pgToolsFor(17, { PG_BIN_DIR: bin, PATH: fakeTools('other', 17) })).toMatchObject({ binDir: bin, major: 17 });
    expect(() => pgToolsFor(18, { PG_BIN_DIR: bin })).toThrow(
      `the PostgreSQL server is version 18, and its dumps need pg_dump and pg_restore 18 (pg_dump refuses a newer ` +
        `server): PG_BIN_DIR=${bin} has pg_dump 17. Install PostgreSQL 18's client tools (Debian: apt-get install ` +
        `postgresql-client-18`,
    );
  });

  it('falls back to the first pg_dump on PATH, and names each place it looked when none fits', () => {
    const onPath = fakeTools('path', 42); // a major no machine has under /usr/lib/postgresql
    expect(pgToolsFor(42, { PATH: `${join(dir, 'none')}:${onPath}` }).binDir).toBe(onPath);
    expect(() => pgToolsFor(43, { PATH: onPath })).toThrow(
      `/usr/lib/postgresql/43/bin has no pg_dump; PATH (${onPath}) has pg_dump 42`,
    );
  });
});

/** A manifest of the dumps `names` as written in `dir` (each file its own text), with `objects` when given. */
async function manifestOf(names: string[], objects?: BackupManifest['objects']): Promise<BackupManifest> {
  return {
    format: 1,
    startedAt: '2026-12-07T08:00:00.000Z',
    finishedAt: '2026-12-07T08:00:02.000Z',
    server: { version: '15.18', versionNum: 150018 },
    pgDump: 'pg_dump (PostgreSQL) 15.18',
    dumps: await Promise.all(
      names.map(async (name) => ({
        file: `${name}.dump`,
        database: name,
        holds: name as 'parkflow',
        startedAt: '2026-12-07T08:00:01.000Z',
        finishedAt: '2026-12-07T08:00:01.500Z',
        bytes: statSync(join(dir, `${name}.dump`)).size,
        sha256: await sha256Of(join(dir, `${name}.dump`)),
      })),
    ),
    ...(objects && { objects }),
  };
}

describe('a backup is checked before anything is replaced', () => {
  it('passes an intact backup and names every dump that is missing, cut short or altered', async () => {
    const dumps = ['parkflow', 'temporal', 'temporal_visibility'];
    for (const name of dumps) writeFileSync(join(dir, `${name}.dump`), `dump of ${name}`);
    const manifest = await manifestOf(dumps);
    await expect(verifyDumps(dir, manifest)).resolves.toBeUndefined();

    rmSync(join(dir, 'parkflow.dump'));
    writeFileSync(join(dir, 'temporal.dump'), 'dump of');
    writeFileSync(join(dir, 'temporal_visibility.dump'), 'dump of temporal_visibilitY');
    await expect(verifyDumps(dir, manifest)).rejects.toThrow(
      `the backup in ${dir} is damaged; nothing was restored:\n- parkflow.dump is missing\n` +
        `- temporal.dump has 7 bytes, the manifest says 16\n- temporal_visibility.dump has SHA-256 `,
    );
  });

  it('checks the documents’ objects it holds the same way (issue 25)', async () => {
    mkdirSync(join(dir, 'objects'));
    writeFileSync(join(dir, 'parkflow.dump'), 'dump');
    writeFileSync(join(dir, 'objects', '1'), '%PDF-1.7 letter');
    const entry = { bytes: 15, sha256: await sha256Of(join(dir, 'objects', '1')), contentType: 'application/pdf' };
    const manifest = await manifestOf(
      ['parkflow'],
      [
        { key: 'documents/a', file: 'objects/1', ...entry },
        { key: 'documents/b', file: 'objects/2', ...entry },
      ],
    );
    writeFileSync(join(dir, 'objects', '1'), '%PDF-1.7 lettEr');
    await expect(verifyDumps(dir, manifest)).rejects.toThrow(
      `the backup in ${dir} is damaged; nothing was restored:\n- objects/1 has SHA-256 ` +
        `${await sha256Of(join(dir, 'objects', '1'))}, the manifest says ${entry.sha256}\n- objects/2 is missing`,
    );
  });
});
