import { createCaseRecordActivities, type CaseRecordDeps } from './case-records.activities';

export type ActivityDeps = CaseRecordDeps;

/** All activities the worker registers, built from their dependencies. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createCaseRecordActivities(deps),
  };
}
