import type { ApplicationFailure } from '@temporalio/workflow';
import type { CaseSnapshot } from '../../workflows/definitions/case';
import { allowedActions } from '../../workflows/definitions/allowed-actions';
import type { InvalidInputDetail } from '../../workflows/definitions/failures';
import * as m from '../../workflows/definitions/messages';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import { newCase } from '../../workflows/lifecycle/intake';
import { agencies, validApplication } from '../../tooling/fixtures/applications';
import { requiredPapers } from '../../tooling/fixtures/papers';
import { goodReport } from '../../tooling/stacks/case-driver';
import { installedCalendar } from '../support/workflows/holiday-calendar';
import { district, finance, municipal, pureCase } from '../support/life/pure-case';

const NOW = '2026-06-01T02:00:00.000Z';
const calendar = installedCalendar();
const { act, refusal, designatedAt, revokedIn2027 } = pureCase((now) => ({ now, policy: DEFAULT_POLICY, calendar }));
const [letter, report, roster] = requiredPapers();
const details = (failure: ApplicationFailure) => failure.details as InvalidInputDetail[];

function filed(): CaseSnapshot {
  const input = { caseId: 'c1', district: '500112', parkName: '渝北园', policy: DEFAULT_POLICY, policyTimeScale: 1 };
  const state = newCase(input, 0, NOW);
  act(state, m.submitApplicationUpdate, { actor: district, application: validApplication() }, NOW);
  return state;
}
const attach = (state: CaseSnapshot, document: object, actor = district) =>
  act(state, m.attachDocumentUpdate, { actor, document }, NOW);
const accept = { actor: municipal, accepted: true };

describe('R-DOC-1: the papers are kept with the case', () => {
  it('R-DOC-1: a paper is recorded by its fingerprint, with who uploaded it and when, and audited', () => {
    const state = filed();
    const change = attach(state, letter);
    expect(state.documents).toEqual([{ ...letter, uploadedBy: district.id, uploadedAt: NOW }]);
    expect(change).toMatchObject({
      action: 'document_attached',
      details: { documentId: letter.documentId, purpose: letter.purpose, sha256: letter.sha256, size: letter.size },
    });
  });

  it('R-DOC-1: acceptance is refused while papers are missing, naming each missing purpose; returning is not', () => {
    const state = filed();
    attach(state, report);
    const missing = details(refusal(state, m.acceptanceUpdate, accept, NOW));
    expect(missing.map((d) => [d.field, d.rule, d.params])).toEqual([
      ['documents.district_government_letter', 'R-DOC-1', { purpose: 'district_government_letter' }],
      ['documents.agency_roster', 'R-DOC-1', { purpose: 'agency_roster' }],
    ]);
    act(state, m.acceptanceUpdate, { actor: municipal, accepted: false, reason: '请补充材料' }, NOW);
    expect(state.stage).toBe('returned');
  });

  it('R-DOC-1: with the three papers on the case the application is accepted', () => {
    const state = filed();
    for (const paper of [letter, report, roster]) attach(state, paper);
    act(state, m.acceptanceUpdate, accept, NOW);
    expect(state.stage).toBe('accepted');
  });

  it('R-DOC-1: an XLSX roster whose rows differ from the filed agencies is named, each agency by credit code', () => {
    const state = filed();
    const filedAgencies = agencies(15);
    const [dropped, ...kept] = filedAgencies;
    const stranger = { name: '重庆未申报人力资源有限公司', creditCode: agencies(16)[15].creditCode };
    attach(state, letter);
    attach(state, report);
    attach(state, {
      ...roster,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      roster: [...kept, stranger],
    });
    const problems = details(refusal(state, m.acceptanceUpdate, accept, NOW));
    expect(problems.map((d) => [d.field, d.code, d.params])).toEqual([
      ['agencyRoster', 'rules.refusals.rosterLacksAgency', { code: dropped.creditCode, name: dropped.name }],
      ['agencyRoster', 'rules.refusals.rosterAgencyNotFiled', { code: stranger.creditCode, name: stranger.name }],
    ]);
    // A corrected roster replaces the first one, which stays on the case.
    const corrected = { ...roster, documentId: requiredPapers(10)[2].documentId, replaces: roster.documentId };
    attach(state, { ...corrected, roster: filedAgencies });
    act(state, m.acceptanceUpdate, accept, NOW);
    expect(state.stage).toBe('accepted');
    expect(state.documents).toHaveLength(4);
  });

  it('R-DOC-1: a version must replace a paper of the same case and purpose; an id is recorded once', () => {
    const state = filed();
    attach(state, letter);
    const wrongPurpose = { ...report, replaces: letter.documentId };
    expect(
      details(refusal(state, m.attachDocumentUpdate, { actor: district, document: wrongPurpose }, NOW))[0],
    ).toMatchObject({
      field: 'replaces',
      rule: 'R-DOC-1',
    });
    expect(
      details(refusal(state, m.attachDocumentUpdate, { actor: district, document: letter }, NOW))[0],
    ).toMatchObject({
      field: 'documentId',
    });
    const rows = { ...letter, documentId: report.documentId, roster: [] };
    expect(details(refusal(state, m.attachDocumentUpdate, { actor: district, document: rows }, NOW))[0]).toMatchObject({
      field: 'roster',
    });
  });

  it('R-DOC-1 / R-REF-1: finance uploads bank slips only, and only a revoked case offers it the upload', () => {
    const state = revokedIn2027();
    const slip = { ...letter, documentId: requiredPapers(20)[0].documentId, purpose: 'refund_receipt' };
    expect(allowedActions(state, finance)).toContain('attachDocument');
    expect(
      details(
        refusal(state, m.attachDocumentUpdate, { actor: finance, document: { ...slip, purpose: 'other' } }, NOW),
      )[0],
    ).toMatchObject({
      field: 'purpose',
    });
    attach(state, slip, finance);
    const payment = { actor: finance, amount: 1, paidAt: NOW, bankReference: 'B-9', documentIds: [slip.documentId] };
    act(state, m.refundPaymentUpdate, payment, NOW);
    expect(state.refundDemand!.payments.at(-1)).toMatchObject({ documentIds: [slip.documentId] });
  });

  it('R-DOC-1: a report, an evaluation or a refund naming a paper not on the case is refused (documentIds)', () => {
    const unknown = '00000000-0000-4000-8000-0000000000ff';
    const notOnCase = { field: 'documentIds', rule: 'R-DOC-1', params: { documentId: unknown } };
    const payment = { actor: finance, amount: 1, paidAt: NOW, bankReference: 'B-9', documentIds: [unknown] };
    expect(details(refusal(revokedIn2027(), m.refundPaymentUpdate, payment, NOW))[0]).toMatchObject(notOnCase);
    const designated = designatedAt(NOW);
    const evaluation = { actor: municipal, outcome: 'renew', findings: '运营规范', documentIds: [unknown] };
    expect(details(refusal(designated, m.evaluationUpdate, evaluation, NOW))[0]).toMatchObject(notOnCase);
    const report = { actor: district, report: { ...goodReport(2026), documentIds: [unknown] } };
    expect(details(refusal(designated, m.annualReportUpdate, report, '2027-02-01T02:00:00.000Z'))[0]).toMatchObject(
      notOnCase,
    );
  });

  it('R-DOC-1: no paper after the case has ended', () => {
    const state = filed();
    state.stage = 'closed';
    expect(refusal(state, m.attachDocumentUpdate, { actor: district, document: letter }, NOW).type).toBe(
      'InvalidStage',
    );
  });
});
