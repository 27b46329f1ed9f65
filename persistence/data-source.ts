import { DataSource } from 'typeorm';
import { CaseSubmissionRecord } from './entities/case-submission.entity';
import { DistrictRecord } from './entities/district.entity';
import { ParkCaseRecord } from './entities/park-case.entity';
import { InitialSchema1764129600000 } from './migrations/1764129600000-initial-schema';
import { Lifecycle1764216000000 } from './migrations/1764216000000-lifecycle';
import { OfficerApi1764302400000 } from './migrations/1764302400000-officer-api';
import { NoticeDelivery1764388800000 } from './migrations/1764388800000-notice-delivery';
import { IdempotencyLeases1764475200000 } from './migrations/1764475200000-idempotency-leases';
import { ScheduleLag1764648000000 } from './migrations/1764648000000-schedule-lag';
import { ReadIndexes1764734400000 } from './migrations/1764734400000-read-indexes';
import { HolidayArrangements1764820800000 } from './migrations/1764820800000-holiday-arrangements';
import { OfficerDirectory1764936000000 } from './migrations/1764936000000-officer-directory';
import { NoticeMessageCodes1765022400000 } from './migrations/1765022400000-notice-message-codes';
import { WorkerHeartbeats1765108800000 } from './migrations/1765108800000-worker-heartbeats';
import { CaseDocuments1765195200000 } from './migrations/1765195200000-case-documents';
import { DocumentSweepRemovals1765281600000 } from './migrations/1765281600000-document-sweep-removals';
import { DeadlineDayMarks1765368000000 } from './migrations/1765368000000-deadline-day-marks';

export const ENTITIES = [DistrictRecord, ParkCaseRecord, CaseSubmissionRecord];
export const MIGRATIONS = [
  InitialSchema1764129600000,
  Lifecycle1764216000000,
  OfficerApi1764302400000,
  NoticeDelivery1764388800000,
  IdempotencyLeases1764475200000,
  ScheduleLag1764648000000,
  ReadIndexes1764734400000,
  HolidayArrangements1764820800000,
  OfficerDirectory1764936000000,
  NoticeMessageCodes1765022400000,
  WorkerHeartbeats1765108800000,
  CaseDocuments1765195200000,
  DocumentSweepRemovals1765281600000,
  DeadlineDayMarks1765368000000,
];

/** A DataSource for `url`; the schema comes from migrations only (never `synchronize`). */
export function createDataSource(url: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsTransactionMode: 'each',
    extra: { max: 10 },
  });
}

/** Applies pending migrations; run it once before the worker and the API start. */
export async function migrate(url: string): Promise<string[]> {
  const dataSource = await createDataSource(url).initialize();
  try {
    const applied = await dataSource.runMigrations();
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
