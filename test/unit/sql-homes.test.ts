import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPOSITORY_ROOT, sourceFiles } from '../support/source/source-files';

/**
 * SQL lives in `persistence/repositories/`, each repository owning its tables' statements and row mapping (the
 * figures only benches and tests read: `tooling/repositories/`). These folders hold none: no raw query, query
 * builder, SQL statement or TypeORM repository.
 */
const ROOT = REPOSITORY_ROOT;
const SCANNED = ['api', 'activities', 'worker', 'workflows', 'config', 'scripts', 'bench'];
const SOURCE_EXTENSIONS = new Set(['.ts', '.js', '.mjs', '.cjs', '.sh']);

/** What counts as SQL; keywords in capitals (as this code base writes SQL), a statement may span lines. */
const SQL_SIGNS: ReadonlyArray<[string, RegExp]> = [
  // a Temporal query takes a query definition, by convention named `…Query`: that is not SQL
  ['.query(', /\.query\s*(?:<[^>()]*>)?\s*\((?!\s*\w+Query\s*[,)])/g],
  ['createQueryBuilder', /\bcreateQueryBuilder\b/g],
  ['TypeORM repository', /\b(?:InjectRepository|getRepository)\b/g],
  ['SELECT', /\bSELECT\s/g],
  ['INSERT INTO', /\bINSERT\s+INTO\b/g],
  ['UPDATE … SET', /\bUPDATE\s+[\w."]+(?:\s+(?:AS\s+)?\w+)?\s+SET\b/g],
  ['DELETE FROM', /\bDELETE\s+FROM\b/g],
];

/** Each sign of SQL in `text`, as `line: sign`. */
function sqlIn(text: string): string[] {
  const found: Array<{ line: number; sign: string }> = [];
  for (const [sign, pattern] of SQL_SIGNS) {
    for (const match of text.matchAll(pattern)) {
      found.push({ line: text.slice(0, match.index).split('\n').length, sign });
    }
  }
  return found.sort((a, b) => a.line - b.line).map(({ line, sign }) => `${line}: ${sign}`);
}

const files = SCANNED.flatMap((dir) => sourceFiles(join(ROOT, dir), SOURCE_EXTENSIONS)).map((path) => ({
  file: relative(ROOT, path).split('\\').join('/'),
  sql: sqlIn(readFileSync(path, 'utf8')),
}));

describe('SQL has one home: persistence/repositories/', () => {
  it(`no file under ${SCANNED.join('/, ')}/ holds SQL (file:line: what)`, () => {
    expect(files.length).toBeGreaterThan(50);
    const misplaced = files.flatMap(({ file, sql }) => sql.map((at) => `${file}:${at}`));
    expect(misplaced).toEqual([]);
  });

  it('recognises each sign of SQL, and not a Temporal query', () => {
    const sample = [
      "await dataSource.query('SELECT 1');",
      'const [row] = await tx.query<Row[]>(sql, params);',
      "manager.createQueryBuilder().select('x');",
      'constructor(@InjectRepository(ParkCaseRecord) repo: Repository<ParkCaseRecord>) {}',
      'INSERT INTO payments (case_id) VALUES ($1)',
      'UPDATE notifications n SET read_at = now()',
      'UPDATE payments\n  SET status = $1',
      'DELETE FROM district_contacts WHERE district = $1',
      'await handle.query(caseSnapshotQuery);',
      '// the SELECTed district; an UPDATE to the case; INSERTION order',
    ].join('\n');
    expect(sqlIn(sample)).toEqual([
      '1: .query(',
      '1: SELECT',
      '2: .query(',
      '3: createQueryBuilder',
      '4: TypeORM repository',
      '5: INSERT INTO',
      '6: UPDATE … SET',
      '7: UPDATE … SET',
      '9: DELETE FROM',
    ]);
  });
});
