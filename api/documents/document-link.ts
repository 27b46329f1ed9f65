import { createHmac, timingSafeEqual } from 'node:crypto';
import { OFFICER_ROLES, type Actor, type OfficerRole } from '../../workflows/definitions/case';

/** How long a download link lasts (issue 25: ≤ 5 minutes): long enough to open, too short to pass around. */
export const LINK_LIFETIME_SECONDS = 300;

/** The query of a download link: who asked for it, until when, and the signature over both and the document. */
export interface LinkQuery {
  expires?: unknown;
  role?: unknown;
  subject?: unknown;
  district?: unknown;
  /** The token issuer that vouched for the caller (issue 14, "Audit"): the download's entry names it too. */
  issuer?: unknown;
  signature?: unknown;
}

/** Why a link is refused (403): past its expiry, or not signed by this API (altered, made up, or for another paper). */
export type LinkRefusal = 'expired' | 'forged';

/** A link's signature: HMAC-SHA256 over the document, the expiry and the caller, base64url. */
function signatureOf(secret: Buffer, documentId: string, expires: number, actor: Actor): string {
  const caller = [actor.role, actor.id, actor.district ?? '', actor.issuer ?? ''];
  const signed = ['parkflow-document-link-v2', documentId, expires, ...caller];
  return createHmac('sha256', secret).update(signed.join('\n')).digest('base64url');
}

/** A download link: the API path that streams the paper, and when it stops working. */
export interface SignedLink {
  path: string;
  expiresAt: string;
}

/**
 * The API path that streams `documentId` to whoever holds it until `nowMs` + {@link LINK_LIFETIME_SECONDS}: the caller
 * who asked (`actor`, whose scope was checked then) is in the link, signed, so that its download is in the case's
 * audit trail under their name although the path takes no bearer token (a browser opens it in a tab or a frame).
 */
export function signLink(secret: Buffer, documentId: string, actor: Actor, nowMs: number): SignedLink {
  const expires = Math.floor(nowMs / 1000) + LINK_LIFETIME_SECONDS;
  const query = new URLSearchParams({
    expires: String(expires),
    role: actor.role,
    subject: actor.id,
    ...(actor.district === undefined ? {} : { district: actor.district }),
    ...(actor.issuer === undefined ? {} : { issuer: actor.issuer }),
    signature: signatureOf(secret, documentId, expires, actor),
  });
  return {
    path: `/v1/documents/${documentId}/content?${query.toString()}`,
    expiresAt: new Date(expires * 1000).toISOString(),
  };
}

/**
 * The caller a download link of `documentId` was issued to, when its signature is this API's and it has not expired
 * at `nowMs`; else why not. The signature is compared in constant time.
 */
export function verifyLink(secret: Buffer, documentId: string, query: LinkQuery, nowMs: number): Actor | LinkRefusal {
  const { expires, role, subject, district, issuer, signature } = query;
  const expiry = typeof expires === 'string' && /^\d{1,12}$/.test(expires) ? Number(expires) : Number.NaN;
  if (Number.isNaN(expiry) || typeof subject !== 'string' || !subject || typeof signature !== 'string') return 'forged';
  if (!(OFFICER_ROLES as readonly unknown[]).includes(role)) return 'forged';
  if ((district !== undefined && typeof district !== 'string') || (issuer !== undefined && typeof issuer !== 'string'))
    return 'forged';
  const actor: Actor = {
    id: subject,
    role: role as OfficerRole,
    ...(district === undefined ? {} : { district }),
    ...(issuer === undefined ? {} : { issuer }),
  };
  const expected = Buffer.from(signatureOf(secret, documentId, expiry, actor));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'forged';
  return nowMs >= expiry * 1000 ? 'expired' : actor;
}
