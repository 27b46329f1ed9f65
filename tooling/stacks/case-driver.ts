import type { WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { parkCaseWorkflow } from '../../workflows';
import type {
  Actor,
  AnnualReportInput,
  CaseSnapshot,
  EvaluationOutcome,
  RevocationGround,
} from '../../workflows/definitions/case';
import * as m from '../../workflows/definitions/messages';
import { eventually } from '../eventually';
import { validApplication } from '../fixtures/applications';
import { requiredPapers } from '../fixtures/papers';
import { fileApplication, type WorkflowHarness } from './workflow-harness';

const E = temporal.api.enums.v1.EventType;
const TASK_CLOSED = [
  E.EVENT_TYPE_WORKFLOW_TASK_COMPLETED,
  E.EVENT_TYPE_WORKFLOW_TASK_FAILED,
  E.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT,
];
const ACTIVITY_CLOSED = [
  E.EVENT_TYPE_ACTIVITY_TASK_COMPLETED,
  E.EVENT_TYPE_ACTIVITY_TASK_FAILED,
  E.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT,
  E.EVENT_TYPE_ACTIVITY_TASK_CANCELED,
];

/**
 * Waits until every change of case `caseId` is written (issue 23 item 7: an action is answered first and recorded
 * right after): the read model holds the case's current version, and its run's history has no workflow task and no
 * activity open (the recorder schedules the next write in the task after the last one's completion). Before a test
 * terminates a case too: the time-skipping server stops skipping for good when a run is terminated under a running
 * activity.
 */
export async function caseRecorded(
  h: Pick<WorkflowHarness, 'dataSource'>,
  caseId: string,
  handle: WorkflowHandle<typeof parkCaseWorkflow>,
): Promise<void> {
  await eventually(async () => {
    const { version } = await handle.query(m.caseSnapshotQuery);
    const rows = await h.dataSource.query('SELECT version FROM park_cases WHERE case_id = $1', [caseId]);
    const events = (await handle.fetchHistory()).events ?? [];
    const count = (types: number[]) => events.filter((e) => types.includes(e.eventType ?? 0)).length;
    const openTasks = count([E.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED]) - count(TASK_CLOSED);
    const openActivities = count([E.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED]) - count(ACTIVITY_CLOSED);
    return rows[0]?.version === version && openTasks === 0 && openActivities === 0;
  }, `every change of case ${caseId} recorded`);
}

export const municipal: Actor = { id: 'municipal-officer', role: 'municipal' };
export const finance: Actor = { id: 'finance-officer', role: 'finance' };
export const districtOfficer: Actor = { id: 'district-officer', role: 'district', district: '500112' };
export const expert = (id: string): Actor => ({ id, role: 'expert' });
export const PANEL = ['expert-a', 'expert-b', 'expert-c'];

/**
 * 10:00 Chongqing on the day after a deadline instant (D 16:00 UTC). Tests act in office hours: every civil deadline
 * and reminder fires at 16:00 UTC, and the time-skipping test server wedges on an Update that lands a few ms before
 * a timer of the same workflow fires ("invalid history builder state").
 */
export const morningAfter = (deadline: string): string => new Date(Date.parse(deadline) + 10 * 3_600_000).toISOString();

/** A report that meets every target (R-RPT-2..4). */
export const goodReport = (year: number, overrides: Partial<AnnualReportInput> = {}): AnnualReportInput => ({
  year,
  agencies: 20,
  revenue: 600_000_000,
  staff: 12,
  floorAreaSqm: 12_000,
  subsidyUse: {
    rent: 300_000,
    renovation: 200_000,
    propertyManagement: 100_000,
    publicFacilities: 100_000,
    operations: 300_000,
  },
  ...overrides,
});

/** The case input's settings a test may choose (fileApplication). */
type CaseSettings = Parameters<typeof fileApplication>[2];

/** Drives one case through officer actions on the time-skipping server, as the API would. */
export class CaseDriver {
  private constructor(
    readonly h: WorkflowHarness,
    readonly caseId: string,
    readonly handle: WorkflowHandle<typeof parkCaseWorkflow>,
  ) {}

  static async file(
    h: WorkflowHarness,
    application = validApplication(),
    settings: CaseSettings = {},
  ): Promise<CaseDriver> {
    const { caseId, handle } = await fileApplication(h, application, settings);
    return new CaseDriver(h, caseId, handle);
  }

  /** A submitted case taken through acceptance, a panel and three reviews, then designated. */
  static async designated(
    h: WorkflowHarness,
    subsidyAmount = 2_000_000,
    application = validApplication(),
    settings: CaseSettings = {},
  ): Promise<CaseDriver> {
    const driver = await CaseDriver.file(h, application, settings);
    await driver.accept();
    await driver.formPanel(PANEL);
    for (const id of PANEL) await driver.review(id);
    await driver.designate(subsidyAmount);
    return driver;
  }

  /** The completeness check; an acceptance first records the papers R-DOC-1 wants on the case, as a district would. */
  accept = async (accepted = true, reason?: string) => {
    if (accepted) await this.attachPapers();
    return this.handle.executeUpdate(m.acceptanceUpdate, { args: [{ actor: municipal, accepted, reason }] });
  };
  /** R-DOC-1: the district's letter, feasibility report and roster, recorded once (their bytes are not needed here). */
  attachPapers = async () => {
    const state = await this.snapshot();
    const recorded = new Set((state.documents ?? []).map((d) => d.documentId));
    const actor = { ...districtOfficer, district: state.district };
    for (const document of requiredPapers().filter((paper) => !recorded.has(paper.documentId))) {
      await this.handle.executeUpdate(m.attachDocumentUpdate, { args: [{ actor, document }] });
    }
  };
  formPanel = (expertIds: string[]) =>
    this.handle.executeUpdate(m.formPanelUpdate, { args: [{ actor: municipal, expertIds }] });
  review = (expertId: string, necessity = 85, feasibility = 80, recommend = true) =>
    this.handle.executeUpdate(m.submitReviewUpdate, {
      args: [{ actor: expert(expertId), necessity, feasibility, recommend }],
    });
  designate = (subsidyAmount: number) =>
    this.handle.executeUpdate(m.designationUpdate, {
      args: [{ actor: municipal, decision: 'designate', reason: 'the panel recommends it', subsidyAmount }],
    });
  reject = (reason: string) =>
    this.handle.executeUpdate(m.designationUpdate, { args: [{ actor: municipal, decision: 'reject', reason }] });
  recogniseIncubationBase = () => this.handle.executeUpdate(m.incubationBaseUpdate, { args: [{ actor: municipal }] });
  confirmPayment = (paymentId: string) =>
    this.handle.executeUpdate(m.confirmPaymentUpdate, {
      args: [{ actor: finance, paymentId, paidAt: new Date().toISOString(), bankReference: `BANK-${paymentId}` }],
    });
  report = (report: AnnualReportInput) =>
    this.handle.executeUpdate(m.annualReportUpdate, { args: [{ actor: districtOfficer, report }] });
  /** A revocation states its grounds (R-EVL-2): `poorly_run` unless others are given. */
  evaluate = (
    outcome: EvaluationOutcome,
    extra: { rectifyBy?: string; refundAmount?: number; grounds?: RevocationGround[] } = {},
  ) => {
    const grounds = outcome === 'revoke' ? { grounds: extra.grounds ?? (['poorly_run'] as RevocationGround[]) } : {};
    return this.handle.executeUpdate(m.evaluationUpdate, {
      args: [{ actor: municipal, outcome, findings: `evaluation: ${outcome}`, ...extra, ...grounds }],
    });
  };
  writeOffRefund = (reason: string) =>
    this.handle.executeUpdate(m.refundWriteOffUpdate, { args: [{ actor: municipal, reason }] });
  payRefund = (amount: number) =>
    this.handle.executeUpdate(m.refundPaymentUpdate, {
      args: [{ actor: finance, amount, paidAt: new Date().toISOString(), bankReference: `REFUND-${amount}` }],
    });
  snapshot = (): Promise<CaseSnapshot> => this.handle.query(m.caseSnapshotQuery);
  /** R-RPT-5: the park's first reporting year, set at designation. */
  firstReportingYear = async (): Promise<number> => (await this.snapshot()).designation!.firstReportingYear!;

  /** Confirms every instructed payment (finance). */
  async confirmAllPayments(): Promise<void> {
    for (const payment of (await this.snapshot()).payments)
      if (payment.status === 'instructed') await this.confirmPayment(payment.paymentId);
  }

  /** Skips server time to the instant `iso`. */
  async sleepUntil(iso: string): Promise<void> {
    const ms = Date.parse(iso) - (await this.h.env.currentTimeMs());
    if (ms > 0) await this.h.env.sleep(ms);
  }

  /** Waits until every change of the case is written ({@link caseRecorded}). */
  recorded = (): Promise<void> => caseRecorded(this.h, this.caseId, this.handle);

  /** The case's notices in the inbox, once every change is recorded. */
  notices = async (
    kind?: string,
  ): Promise<
    Array<{
      kind: string;
      recipient_role: string;
      recipient_district: string | null;
      recipient_id: string | null;
      due_at: Date | null;
    }>
  > => {
    await this.recorded();
    return this.h.dataSource.query(
      `SELECT kind, recipient_role, recipient_district, recipient_id, due_at FROM ` +
        `notifications WHERE case_id = $1 ${kind ? 'AND kind = $2' : ''} ORDER BY issued_at, key`,
      kind ? [this.caseId, kind] : [this.caseId],
    );
  };
  /** The case's audit trail, once every change is recorded. */
  audit = async (): Promise<Array<{ action: string; actor: { id: string } }>> => {
    await this.recorded();
    return this.h.dataSource.query('SELECT action, actor FROM case_audit WHERE case_id = $1 ORDER BY at, recorded_at', [
      this.caseId,
    ]);
  };
}
