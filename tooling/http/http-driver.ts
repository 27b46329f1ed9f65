import type { AnnualReportInput } from '../../workflows/definitions/case';
import { eventually } from '../eventually';
import { validApplication } from '../fixtures/applications';
import { appliedAfterAccepted, isAcceptedAction } from './accepted-actions';
import type { CallOptions, HttpStack } from './http-calls';
import { uploadRequiredPapers } from './papers';

export const PANEL = ['expert-li', 'expert-wang', 'expert-zhao'];

/** A report meeting every target (R-RPT-2..4) for `year`. */
export const reportBody = (year: number): AnnualReportInput => ({
  year,
  agencies: 18,
  revenue: 420_000_000,
  staff: 35,
  floorAreaSqm: 12_000,
  subsidyUse: {
    rent: 400_000,
    renovation: 300_000,
    propertyManagement: 100_000,
    publicFacilities: 100_000,
    operations: 100_000,
  },
});

/** Drives cases through the API only, as officers would; every step asserts its status. */
export class HttpDriver {
  constructor(
    readonly stack: HttpStack,
    readonly district = '500112',
  ) {}

  readonly districtToken = (): string => this.stack.token('district', this.district, `district-${this.district}`);
  readonly municipal = (): string => this.stack.token('municipal');
  readonly finance = (): string => this.stack.token('finance');
  readonly expert = (id: string): string => this.stack.token('expert', undefined, id);

  /**
   * A call that must succeed with `status`; returns the body. An officer action answered 202 instead (the worker
   * outlasted the API's bounded wait on a busy machine) is followed to its outcome, which must be applied: then the
   * body is the case as the action left it.
   */
  async ok(method: string, path: string, options: CallOptions, status = 200): Promise<any> {
    const response = await this.stack.call(method, path, options);
    if (status !== 202 && isAcceptedAction(response))
      return appliedAfterAccepted(this.stack, response, options.token ?? '');
    if (response.status !== status)
      throw new Error(
        `${method} ${path} → ${response.status} ` + `(expected ${status}): ${JSON.stringify(response.body)}`,
      );
    return response.body;
  }

  async file(): Promise<string> {
    const filed = await this.ok(
      'POST',
      '/v1/applications',
      { token: this.districtToken(), body: validApplication({ district: this.district }) },
      201,
    );
    return filed.caseId as string;
  }

  /** A filed case with the papers R-DOC-1 wants before acceptance, uploaded by its district. */
  async complete(caseId?: string): Promise<string> {
    const id = caseId ?? (await this.file());
    await uploadRequiredPapers(this.stack, id, this.districtToken());
    return id;
  }

  /** A complete case, accepted. */
  async accepted(caseId?: string): Promise<string> {
    const id = await this.complete(caseId);
    await this.ok('POST', `/v1/cases/${id}/acceptance`, { token: this.municipal(), body: { accepted: true } });
    return id;
  }

  async underReview(caseId?: string): Promise<string> {
    const id = await this.accepted(caseId);
    await this.ok('POST', `/v1/cases/${id}/panel`, { token: this.municipal(), body: { expertIds: PANEL } });
    return id;
  }

  async reviewed(caseId?: string): Promise<string> {
    const id = await this.underReview(caseId);
    for (const expertId of PANEL) {
      await this.ok('POST', `/v1/cases/${id}/reviews`, {
        token: this.expert(expertId),
        body: { necessity: 80, feasibility: 75, recommend: true },
      });
    }
    return id;
  }

  /** Designated with a 2,000,000 CNY subsidy; returns the case after designation. */
  async designated(caseId?: string): Promise<any> {
    const id = await this.reviewed(caseId);
    return this.ok('POST', `/v1/cases/${id}/designation`, {
      token: this.municipal(),
      body: { decision: 'designate', reason: '评审通过', subsidyAmount: 2_000_000 },
    });
  }

  /** Polls `GET path` until `done(body)` holds, within `withinMs`; never a fixed sleep. */
  async until(path: string, token: string, done: (body: any) => boolean, withinMs = 20_000): Promise<any> {
    let body: any;
    await eventually(
      async () => done((body = await this.ok('GET', path, { token }))),
      `GET ${path} to reach the expected state`,
      withinMs,
    );
    return body;
  }
}
