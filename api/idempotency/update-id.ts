import { createHash } from 'node:crypto';

/**
 * The Temporal update id of an action sent with an `Idempotency-Key`: derived from the caller and the key, so a
 * retry (even one that took over a crashed request's key) sends the same update, which Temporal applies once and
 * whose outcome it keeps.
 */
export const idempotentUpdateIdFor = (caller: string, key: string): string =>
  `idempotency-${createHash('sha256').update(`${caller}\n${key}`).digest('hex').slice(0, 32)}`;

/**
 * The caseId of a new filing sent with an `Idempotency-Key`: derived from caller and key (SHA-256, shaped as a
 * version-5 UUID so that `CaseIdPipe` accepts it), so a retry targets the same workflow id instead of a second case.
 */
export function idempotentCaseIdFor(caller: string, key: string): string {
  const bytes = createHash('sha256').update(`parkflow-case\n${caller}\n${key}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
