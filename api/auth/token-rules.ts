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

/** A token that breaks `rule`; the guard turns it into a 401. */
export class TokenRefused extends Error {
  constructor(
    readonly rule: TokenRule,
    message: string,
  ) {
    super(message);
    this.name = 'TokenRefused';
  }
}

/** The identity provider's keys could not be fetched: nobody can tell whether the token is good (503, not 401). */
export class IdentityProviderUnreachable extends Error {
  constructor(readonly detail: string) {
    super(`the identity provider is unreachable (${detail})`);
    this.name = 'IdentityProviderUnreachable';
  }
}

/** A bearer token that is not a signed JWT at all. */
export const malformedToken = (): TokenRefused =>
  new TokenRefused('token.format', 'the bearer token is not a well-formed signed JWT');

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
      return new TokenRefused('token.expired', 'the token has expired (exp is past, beyond the allowed clock skew)');
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return new TokenRefused('token.algorithm', 'the token is signed with an algorithm this API does not accept');
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return new TokenRefused('token.signature', 'the token signature does not verify');
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return new TokenRefused('token.signature', 'the token is signed with a key the issuer does not publish');
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
  if (claim === 'exp' && reason === 'missing') return new TokenRefused('token.exp-required', 'the token has no exp');
  if (claim === 'exp') return new TokenRefused('token.exp-required', 'the token exp is not a number of seconds');
  if (claim === 'nbf') return new TokenRefused('token.not-yet-valid', 'the token is not valid yet (nbf is ahead)');
  if (claim === 'iss') return new TokenRefused('token.issuer', `the token was not issued by ${expected.issuer}`);
  if (claim === 'aud') return new TokenRefused('token.audience', `the token is not meant for ${expected.audience}`);
  if (claim === 'sub') return new TokenRefused('token.subject', 'the token has no subject (sub)');
  return new TokenRefused('token.format', `the token claim ${claim} is not valid`);
}
