import type { DataSource } from 'typeorm';
import { createDataSource, ENTITIES } from '../../persistence/data-source';

/** One column as the test compares it: its name, whether it takes NULL, and its PostgreSQL type. */
interface ColumnShape {
  column: string;
  nullable: boolean;
  type: string;
}

const byName = (a: ColumnShape, b: ColumnShape): number => a.column.localeCompare(b.column);

let dataSource: DataSource;
beforeAll(async () => {
  // the global setup has migrated this database: the schema is what the migrations build
  dataSource = await createDataSource(process.env.DATABASE_URL as string).initialize();
});
afterAll(async () => {
  await dataSource?.destroy();
});

/** Issue 11: an entity that lags a migration reads and writes rows that are not the table's. */
describe('every TypeORM entity has exactly the columns of its table after the migrations', () => {
  it.each(ENTITIES.map((entity) => [entity.name, entity]))('%s', async (_name, entity) => {
    const { tableName, columns } = dataSource.getMetadata(entity);
    const entityColumns: ColumnShape[] = columns.map((column) => ({
      column: column.databaseName,
      nullable: column.isNullable,
      type: dataSource.driver.normalizeType(column),
    }));
    const tableColumns: ColumnShape[] = (
      await dataSource.query(
        `SELECT column_name, is_nullable, data_type FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = $1`,
        [tableName],
      )
    ).map((row: { column_name: string; is_nullable: 'YES' | 'NO'; data_type: string }) => ({
      column: row.column_name,
      nullable: row.is_nullable === 'YES',
      type: row.data_type,
    }));
    expect(entityColumns.sort(byName)).toEqual(tableColumns.sort(byName));
  });
});
