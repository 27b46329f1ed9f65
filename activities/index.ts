import type { DataSource } from 'typeorm';
import { createCalendarActivities } from './calendar/calendar.activities';
import { createCaseRecordActivities, type CaseRecordDeps } from './case-records.activities';
import { createDocumentSweepActivities, type DocumentSweepDeps } from './documents/document-sweep.activities';
import type { NoticeMailer } from './notices/mailer';
import { createNoticeDeliveryActivities } from './notices/notice-delivery.activities';
import { createPaymentActivities } from './payments.activities';
import { RecordingTreasuryGateway, type TreasuryGateway } from './treasury/treasury-gateway';

export interface ActivityDeps {
  dataSource: DataSource;
  /** Where payments go; the local stack's gateway only records them. */
  treasury?: TreasuryGateway;
  /** Email delivery of notices: the SMTP mailer (none: inbox only) and the municipal notices addresses. */
  notices?: { mailer?: NoticeMailer; municipalEmails: readonly string[] };
  /** Told how late each system event of a case's schedule was recorded. */
  onScheduleLag?: CaseRecordDeps['onScheduleLag'];
  /** The documents' bucket and the sweep's grace; without one (stacks with no object store) there is no sweep. */
  documentSweep?: Omit<DocumentSweepDeps, 'dataSource'>;
}

/** All activities the worker registers, built from their dependencies. */
export function createActivities({
  dataSource,
  treasury = new RecordingTreasuryGateway(dataSource),
  notices = { municipalEmails: [] },
  onScheduleLag,
  documentSweep,
}: ActivityDeps) {
  return {
    ...createCaseRecordActivities({ dataSource, onScheduleLag }),
    ...createPaymentActivities({ dataSource, treasury }),
    ...createNoticeDeliveryActivities({ dataSource, ...notices }),
    ...createCalendarActivities({ dataSource }),
    ...(documentSweep ? createDocumentSweepActivities({ dataSource, ...documentSweep }) : {}),
  };
}
