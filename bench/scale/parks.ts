import { requiredPapers } from '../../tooling/fixtures/papers';
import type { Client } from '@temporalio/client';
import type { CaseSnapshot, ParkCaseInput } from '../../workflows/definitions/case';
import { annualReportUpdate, evaluationUpdate, parkCaseWorkflowId } from '../../workflows/definitions/messages';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import { districtOfficer, expert, finance, goodReport, municipal, PANEL } from '../../tooling/stacks/case-driver';
import { validApplication } from '../../tooling/fixtures/applications';
import { LifeModel } from '../../test/support/life/model';

/** What the bench decided for one park (seeded by its index, so two runs of the same size plan the same life). */
export interface ParkPlan {
  caseId: string;
  /** Never files a yearly report (overdue notices every week, R-RPT-6). */
  neverFiles: boolean;
  /** Revoked with a refund demand this long (policy days) into its first reporting year, if at all. */
  revokeAfterDays?: number;
  /** Where in the window from 1 January to 31 March it files (0..1). */
  filingPoint: number;
}

/** A small deterministic generator: plans differ between parks, not between runs. */
function unit(seed: number): number {
  const x = Math.sin(seed * 12.9898) * 43758.5453;
  return x - Math.floor(x);
}

export function planParks(count: number, neverFileShare: number, revokeShare: number, prefix: string): ParkPlan[] {
  return Array.from({ length: count }, (_, i) => ({
    caseId: `${prefix}-${String(i).padStart(5, '0')}`,
    neverFiles: unit(i + 1) < neverFileShare,
    revokeAfterDays: unit(i + 7_919) < revokeShare ? Math.floor(30 + unit(i + 104_729) * 200) : undefined,
    filingPoint: 0.05 + unit(i + 15_485_863) * 0.8,
  }));
}

/**
 * The park as a designated case whose tranche 1 is paid, built with the lifecycle's own functions (the pure model of
 * the property tests) on a policy clock that starts at `epochMs` for every park — so every park's 31 March and
 * 1 January fall on the same instant, as they do in the real world (the deadline storm).
 */
export function designatedSnapshot(caseId: string, epochMs: number): CaseSnapshot {
  const model = new LifeModel(epochMs, DEFAULT_POLICY, caseId);
  const act = (name: string, request: Record<string, unknown>): void => {
    model.act({ name, request } as Parameters<LifeModel['act']>[0]);
  };
  act('submitApplication', { application: validApplication(), actor: districtOfficer });
  for (const document of requiredPapers()) act('attachDocument', { document, actor: districtOfficer }); // R-DOC-1
  act('acceptance', { accepted: true, actor: municipal });
  act('formPanel', { expertIds: PANEL, actor: municipal });
  for (const id of PANEL) act('submitReview', { necessity: 90, feasibility: 88, recommend: true, actor: expert(id) });
  act('designation', { decision: 'designate', reason: '评审通过', subsidyAmount: 2_000_000, actor: municipal });
  const tranche1 = model.state.payments[0];
  act('confirmPayment', {
    paymentId: tranche1.paymentId,
    paidAt: model.clock,
    bankReference: `BENCH-${caseId}`,
    actor: finance,
  });
  if (model.state.stage !== 'designated' || model.state.payments[0].status !== 'paid')
    throw new Error(`the bench could not build a designated park: ${model.script()}`);
  return model.state;
}

/** Starts the park's workflow with its designated state (as a run that continued as new would receive it). */
export async function startPark(
  client: Client,
  taskQueue: string,
  carried: CaseSnapshot,
  policyTimeScale: number,
): Promise<void> {
  const input: ParkCaseInput = {
    caseId: carried.caseId,
    district: carried.district,
    parkName: carried.parkName,
    policy: DEFAULT_POLICY,
    policyTimeScale,
    carried,
  };
  await client.workflow.start('parkCaseWorkflow', {
    workflowId: parkCaseWorkflowId(carried.caseId),
    taskQueue,
    args: [input],
  });
}

/** The district bureau files the park's report for `year` (R-RPT-1), as the API would. */
export async function fileReport(client: Client, caseId: string, year: number): Promise<void> {
  await client.workflow
    .getHandle(parkCaseWorkflowId(caseId))
    .executeUpdate(annualReportUpdate, { args: [{ report: goodReport(year), actor: districtOfficer }] });
}

/** The municipal bureau revokes the designation with a refund demand (R-EVL-2, R-REF-1). */
export async function revoke(client: Client, caseId: string): Promise<void> {
  await client.workflow.getHandle(parkCaseWorkflowId(caseId)).executeUpdate(evaluationUpdate, {
    args: [
      { outcome: 'revoke', findings: '名存实亡', grounds: ['nominal_only'], refundAmount: 500_000, actor: municipal },
    ],
  });
}
