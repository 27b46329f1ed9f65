import type { DataSource } from 'typeorm';
import { createCaseRecordActivities } from './case-records.activities';
import { createPaymentActivities } from './payments.activities';
import { RecordingTreasuryGateway, type TreasuryGateway } from './treasury/treasury-gateway';

export interface ActivityDeps {
  dataSource: DataSource;
  /** Where payments go; the local stack's gateway only records them. */
  treasury?: TreasuryGateway;
}

/** All activities the worker registers, built from their dependencies. */
export function createActivities({ dataSource, treasury = new RecordingTreasuryGateway(dataSource) }: ActivityDeps) {
  return {
    ...createCaseRecordActivities({ dataSource }),
    ...createPaymentActivities({ dataSource, treasury }),
  };
}
