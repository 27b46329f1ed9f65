import type { CaseSnapshot } from '../definitions/case';
import { missingPurposes, type CaseDocument } from '../definitions/documents';
import { invalidInputs, type InvalidInputDetail } from '../definitions/failures';
import { messageRef, type MessageParams } from '../definitions/message-ref';
import type { AttachDocumentRequest } from '../definitions/messages';
import type { PolicyConfig } from '../definitions/policy';
import { assertStage } from '../case-stages';
import { outcome, type Context, type Outcome } from './outcome';
import { refuse, type RefusalCode } from './refusals';

/**
 * R-DOC-1 (§5.1 提交…等材料): the papers themselves are kept with the case — each recorded once by its fingerprint
 * (SHA-256, size, type), never changed; a new version names the one it replaces, which stays on the case.
 */

const documentsOf = (state: Pick<CaseSnapshot, 'documents'>): CaseDocument[] => state.documents ?? [];

/** The case's papers no later version replaces: what counts for a purpose now. */
export const currentDocuments = (state: Pick<CaseSnapshot, 'documents'>): CaseDocument[] => {
  const replaced = new Set(documentsOf(state).flatMap((d) => (d.replaces ? [d.replaces] : [])));
  return documentsOf(state).filter((d) => !replaced.has(d.documentId));
};

export function validateDocument(state: CaseSnapshot, { actor, document }: AttachDocumentRequest): void {
  assertStage('attachDocument', state);
  // R-REF-1: the finance desk keeps the bank slips of a revoked park's refund, nothing else of the case.
  if (actor.role === 'finance' && (document.purpose !== 'refund_receipt' || state.stage !== 'revoked')) {
    throw refuse('purpose', 'R-DOC-1', 'rules.refusals.financeUploadsReceiptsOnly');
  }
  if (documentsOf(state).some((d) => d.documentId === document.documentId)) {
    throw refuse('documentId', 'R-DOC-1', 'rules.refusals.documentAlreadyRecorded');
  }
  if (document.roster && document.purpose !== 'agency_roster') {
    throw refuse('roster', 'R-DOC-1', 'rules.refusals.rosterOnlyForRoster');
  }
  if (document.replaces === undefined) return;
  const earlier = documentsOf(state).find((d) => d.documentId === document.replaces);
  if (!earlier || earlier.purpose !== document.purpose) {
    throw refuse('replaces', 'R-DOC-1', 'rules.refusals.replacesUnknownDocument', { purpose: document.purpose });
  }
}

/** R-DOC-1: records the paper as uploaded now by the actor; the bytes stay in the object store. */
export function applyDocument(state: CaseSnapshot, { actor, document }: AttachDocumentRequest, ctx: Context): Outcome {
  const recorded: CaseDocument = { ...document, uploadedBy: actor.id, uploadedAt: ctx.now };
  state.documents = [...documentsOf(state), recorded];
  state.updatedAt = ctx.now;
  const { documentId, purpose, sha256, size, contentType, replaces } = recorded;
  return outcome('document_attached', {
    documentId,
    purpose,
    sha256,
    size,
    contentType,
    ...(replaces && { replaces }),
  });
}

/** The paper just recorded: the upload's answer. */
export const lastDocument = (state: CaseSnapshot): CaseDocument => documentsOf(state)[documentsOf(state).length - 1];

/**
 * R-DOC-1: every id an action names (`field`, e.g. `documentIds`) is a paper of this case. Refuses the first one that
 * is not, so a decision never rests on a paper nobody can open.
 */
export function assertDocumentsOnCase(state: CaseSnapshot, ids: readonly string[] | undefined, field: string): void {
  const known = new Set(documentsOf(state).map((d) => d.documentId));
  const unknown = (ids ?? []).find((id) => !known.has(id));
  if (unknown !== undefined)
    throw refuse(field, 'R-DOC-1', 'rules.refusals.documentNotOnCase', { documentId: unknown });
}

const detail = (field: string, code: RefusalCode, params?: MessageParams): InvalidInputDetail => ({
  field,
  rule: 'R-DOC-1',
  ...messageRef(code, params),
});

/**
 * R-DOC-1 at acceptance: one problem per required purpose without a paper on the case, and the XLSX roster's rows
 * that the application's `agencies` do not have (or the other way round), each by credit code.
 */
export function missingPapers(state: CaseSnapshot, policy: PolicyConfig): InvalidInputDetail[] {
  const missing = missingPurposes(state.documents, policy.documentsRequiredAtAcceptance).map((purpose) =>
    detail(`documents.${purpose}`, 'rules.refusals.paperMissing', { purpose }),
  );
  return [...missing, ...rosterMismatches(state, currentDocuments(state))];
}

function rosterMismatches(state: CaseSnapshot, current: CaseDocument[]): InvalidInputDetail[] {
  const roster = current.filter((d) => d.purpose === 'agency_roster' && d.roster).at(-1)?.roster;
  if (!roster) return []; // a scanned roster (PDF, image) is read by the officer, not by the software
  const byCode = (rows: ReadonlyArray<{ name: string; creditCode: string }>) =>
    new Map(rows.map((row) => [row.creditCode.trim().toUpperCase(), row.name.trim()]));
  const filed = byCode(state.application?.agencies ?? []);
  const listed = byCode(roster);
  const notListed = [...filed]
    .filter(([code, name]) => listed.get(code) !== name)
    .map(([code, name]) => ({ code, name }));
  const notFiled = [...listed].filter(([code]) => !filed.has(code)).map(([code, name]) => ({ code, name }));
  return [
    ...notListed.map((a) => detail('agencyRoster', 'rules.refusals.rosterLacksAgency', a)),
    ...notFiled.map((a) => detail('agencyRoster', 'rules.refusals.rosterAgencyNotFiled', a)),
  ];
}

/** Refuses an acceptance while R-DOC-1's papers are missing or the roster disagrees, naming every problem. */
export function assertPapersComplete(state: CaseSnapshot, policy: PolicyConfig): void {
  const problems = missingPapers(state, policy);
  if (problems.length > 0) throw invalidInputs(problems);
}
