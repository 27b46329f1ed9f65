/**
 * The R-DOC-1 invariants of a random life: the papers on a case only ever grow (none disappears or changes, a new
 * version leaves the old one), and an application is accepted only with the letter, the feasibility report and the
 * roster on the case, an XLSX roster listing exactly the filed agencies. Checked from the state alone, without the
 * lifecycle's own helpers.
 */
import { isDeepStrictEqual } from 'node:util';
import type { CaseSnapshot } from '../../../workflows/definitions/case';
import type { CaseDocument } from '../../../workflows/definitions/documents';
import { DEFAULT_POLICY } from '../../../workflows/definitions/policy';
import type { Fail } from './invariants';

const key = (row: { name: string; creditCode: string }) => `${row.creditCode.trim().toUpperCase()}|${row.name.trim()}`;

/** Follows one life's papers and checks them after each event. */
export class PaperInvariants {
  private prevDocuments: CaseDocument[] = [];

  constructor(private readonly fail: Fail) {}

  check(state: CaseSnapshot, from: CaseSnapshot['stage']): void {
    const documents = state.documents ?? [];
    if (!isDeepStrictEqual(documents.slice(0, this.prevDocuments.length), this.prevDocuments))
      this.fail('papers', 'a recorded paper disappeared or changed');
    if (from === 'submitted' && state.stage === 'accepted') this.checkAccepted(state, documents);
    this.prevDocuments = JSON.parse(JSON.stringify(documents)) as CaseDocument[]; // same realm as the state (jest)
  }

  private checkAccepted(state: CaseSnapshot, documents: CaseDocument[]): void {
    const replaced = new Set(documents.map((d) => d.replaces));
    const current = documents.filter((d) => !replaced.has(d.documentId));
    for (const purpose of DEFAULT_POLICY.documentsRequiredAtAcceptance)
      if (!current.some((d) => d.purpose === purpose)) this.fail('papers', `accepted without its ${purpose}`);
    const rows = current.filter((d) => d.purpose === 'agency_roster' && d.roster).pop()?.roster;
    const filed = (state.application?.agencies ?? []).map(key);
    if (rows && !isDeepStrictEqual(new Set(rows.map(key)), new Set(filed)))
      this.fail('papers', 'accepted with an XLSX roster that does not list exactly the filed agencies');
  }
}
