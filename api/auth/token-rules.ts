import type { zhCN } from '../../i18n/catalogues/zh-CN';
import { translator } from '../../i18n/translator';
import type { MessageParams } from '../../workflows/definitions/message-ref';
import { text, type LocalizedText } from '../i18n/localized-text';

/**
 * The rules a bearer token must meet (api-contract "Identity"), each refusal a 401 naming one of them in its
 * `details[].rule`, e.g. `token.exp-required` — never echoing the token.
 */
export const TOKEN_RULES = [
  'token.format',
  'token.algorithm',
  'token.signature',
  'token.issuer',
  'token.audience',
  'token.exp-required',
  'token.expired',
  'token.not-yet-valid',
  'token.max-lifetime',
  'token.subject',
  'token.role',
  'token.district',
] as const;
export type TokenRule = (typeof TOKEN_RULES)[number];

/** A token that breaks `rule`, for `reason`; the guard turns it into a 401. Its own message is English, for logs. */
export class TokenRefused extends Error {
  constructor(
    readonly rule: TokenRule,
    readonly reason: LocalizedText,
  ) {
    super(translator.translate(reason.$text, 'en'));
    this.name = 'TokenRefused';
  }
}

/** A refusal for `rule` with the text `errors.token.<reason>`. */
export const refused = (
  rule: TokenRule,
  reason: keyof typeof zhCN.errors.token,
  params?: MessageParams,
): TokenRefused => new TokenRefused(rule, text(`errors.token.${reason}`, params));

/** The identity provider's keys could not be fetched: nobody can tell whether the token is good (503, not 401). */
export class IdentityProviderUnreachable extends Error {
  constructor(readonly detail: string) {
    super(`the identity provider is unreachable (${detail})`);
    this.name = 'IdentityProviderUnreachable';
  }
}

/** A bearer token that is not a signed JWT at all. */
export const malformedToken = (): TokenRefused => refused('token.format', 'malformed');

/** The longest `sub` taken: an officer id, not a payload (it is stored with every audit entry). */
export const MAX_SUBJECT_LENGTH = 200;

interface JoseErrorLike {
  code?: unknown;
  claim?: unknown;
  reason?: unknown;
  message?: unknown;
}

/** Which rule a `jose` verification error means, matched by its `code` (never `instanceof`). */
export function refusalOf(error: unknown, expected: { issuer?: string; audience?: string }): Error {
  const e = (error ?? {}) as JoseErrorLike;
  switch (e.code) {
    case 'ERR_JWT_EXPIRED':
      return refused('token.expired', 'expired');
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return refused('token.algorithm', 'algorithm');
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return refused('token.signature', 'signature');
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return refused('token.signature', 'unknownKey');
    case 'ERR_JWKS_TIMEOUT':
      return new IdentityProviderUnreachable('its key set did not arrive in time');
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return claimRefusal(String(e.claim), String(e.reason), expected);
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
      return malformedToken();
    case 'ERR_JWKS_INVALID':
    case 'ERR_JOSE_GENERIC': // e.g. the key set answered other than 200
      return new IdentityProviderUnreachable(typeof e.message === 'string' ? e.message : 'no key set');
    default:
      // Other JOSE codes are about the token; anything else came from fetching the keys (socket errors).
      if (typeof e.code === 'string' && e.code.startsWith('ERR_J')) return malformedToken();
      return new IdentityProviderUnreachable(typeof e.message === 'string' ? e.message : 'no key set');
  }
}

function claimRefusal(claim: string, reason: string, expected: { issuer?: string; audience?: string }): Error {
  if (claim === 'exp' && reason === 'missing') return refused('token.exp-required', 'expMissing');
  if (claim === 'exp') return refused('token.exp-required', 'expNotNumber');
  if (claim === 'nbf') return refused('token.not-yet-valid', 'notYetValid');
  if (claim === 'iss') return refused('token.issuer', 'issuer', { issuer: String(expected.issuer) });
  if (claim === 'aud') return refused('token.audience', 'audience', { audience: String(expected.audience) });
  if (claim === 'sub') return refused('token.subject', 'subject');
  return refused('token.format', 'claim', { claim });
}
