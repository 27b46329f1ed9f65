import { Injectable } from '@nestjs/common';
import {
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import type { Actor } from '../../workflows/definitions/case';
import { AppConfig } from '../config/app-config';
import { hs256Enabled, parseRoleMap } from '../config/auth-settings';
import { actorFromClaims, CONTRACT_CLAIMS, type ClaimMapping } from './claims';
import { DEVELOPMENT_TOKEN_ISSUER } from './development-token';
import { IdentityProviderUnreachable, malformedToken, refusalOf, TokenRefused } from './token-rules';

/** What an OpenID Connect provider signs with (api-contract "Identity"). */
export const OIDC_ALGORITHMS = ['RS256', 'ES256'] as const;
/** How long the discovery document and a key set fetch may take. */
const FETCH_TIMEOUT_MS = 5_000;

/**
 * Verifies bearer tokens with `jose` and turns them into the acting {@link Actor}: RS256/ES256 tokens of
 * `AUTH_ISSUER` (keys from its JWKS, cached, an unknown key id fetching them again, so a rotated key is picked up
 * without a restart) and, outside production, HS256 development tokens. The token rules hold for both: `exp`
 * required, a lifetime of at most `AUTH_MAX_TOKEN_LIFETIME`, `nbf` honoured, `AUTH_CLOCK_SKEW_SECONDS` of skew.
 * Nothing is fetched until the first OpenID Connect token arrives (no side effects at construction).
 */
@Injectable()
export class TokenVerifier {
  private keys?: Promise<JWTVerifyGetKey>;
  private readonly mapping: ClaimMapping;
  private readonly secret: Uint8Array;
  /** HS256 development tokens are taken (everywhere but production, unless allowed). */
  private readonly hs256: boolean;

  constructor(private readonly config: AppConfig) {
    const roleMap = parseRoleMap(config.AUTH_ROLE_MAP).map;
    this.mapping = {
      subjectClaim: config.AUTH_SUBJECT_CLAIM,
      roleClaim: config.AUTH_ROLE_CLAIM,
      districtClaim: config.AUTH_DISTRICT_CLAIM,
      roleMap,
    };
    this.secret = new TextEncoder().encode(config.AUTH_JWT_SECRET);
    this.hs256 = hs256Enabled(config, config.NODE_ENV === 'production');
  }

  /** The actor a token vouches for; throws {@link TokenRefused} (401) or {@link IdentityProviderUnreachable} (503). */
  async actorOf(token: string): Promise<Actor> {
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw malformedToken();
    }
    if (alg === 'HS256') return this.development(token);
    if ((OIDC_ALGORITHMS as readonly string[]).includes(alg ?? '') && this.config.AUTH_ISSUER) return this.oidc(token);
    throw new TokenRefused('token.algorithm', `tokens signed with ${alg} are not accepted; ${this.accepted()}`);
  }

  private accepted(): string {
    const oidc = this.config.AUTH_ISSUER ? `${OIDC_ALGORITHMS.join('/')} tokens of ${this.config.AUTH_ISSUER}` : '';
    return `this API takes ${[oidc, this.hs256 ? 'HS256 development tokens' : ''].filter(Boolean).join(' and ')}`;
  }

  private async development(token: string): Promise<Actor> {
    if (!this.hs256)
      throw new TokenRefused('token.algorithm', `HS256 tokens are refused in production; ${this.accepted()}`);
    const audience = this.config.AUTH_AUDIENCE;
    const payload = await this.verified(token, this.secret, ['HS256'], {});
    // A development token names no issuer or audience, or the ones this API expects of it.
    if (payload.iss !== undefined && payload.iss !== DEVELOPMENT_TOKEN_ISSUER)
      throw new TokenRefused('token.issuer', `an HS256 token may only be issued by ${DEVELOPMENT_TOKEN_ISSUER}`);
    if (payload.aud !== undefined && audience && ![payload.aud].flat().includes(audience))
      throw new TokenRefused('token.audience', `the token is not meant for ${audience}`);
    return actorFromClaims(payload, CONTRACT_CLAIMS, payload.iss ?? DEVELOPMENT_TOKEN_ISSUER);
  }

  private async oidc(token: string): Promise<Actor> {
    const issuer = this.config.AUTH_ISSUER as string;
    // Another issuer's token is refused before its key is looked up: its unknown key id must not make us refetch.
    if (unverifiedIssuer(token) !== issuer)
      throw new TokenRefused('token.issuer', `the token was not issued by ${issuer}`);
    const payload = await this.verified(token, await this.keySet(), [...OIDC_ALGORITHMS], {
      issuer,
      audience: this.config.AUTH_AUDIENCE,
    });
    return actorFromClaims(payload, this.mapping, issuer);
  }

  private async verified(
    token: string,
    key: Uint8Array | JWTVerifyGetKey,
    algorithms: string[],
    expected: { issuer?: string; audience?: string },
  ): Promise<JWTPayload> {
    const skew = this.config.AUTH_CLOCK_SKEW_SECONDS;
    let payload: JWTPayload;
    try {
      const options = { ...expected, algorithms, clockTolerance: skew, requiredClaims: ['exp', 'sub'] };
      const verified = key instanceof Uint8Array ? jwtVerify(token, key, options) : jwtVerify(token, key, options);
      payload = (await verified).payload;
    } catch (error) {
      throw refusalOf(error, expected);
    }
    this.checkLifetime(payload, skew);
    return payload;
  }

  /** `exp − iat` at most the bound; a token without `iat` may not reach further ahead than the bound either. */
  private checkLifetime(payload: JWTPayload, skew: number): void {
    const bound = this.config.AUTH_MAX_TOKEN_LIFETIME;
    const exp = payload.exp as number;
    const issuedAt = typeof payload.iat === 'number' ? payload.iat : undefined;
    if (issuedAt !== undefined && issuedAt > Date.now() / 1_000 + skew)
      throw new TokenRefused('token.not-yet-valid', 'the token was issued in the future (iat is ahead)');
    const lifetime = exp - (issuedAt ?? Date.now() / 1_000);
    if (lifetime > bound + (issuedAt === undefined ? skew : 0))
      throw new TokenRefused('token.max-lifetime', `the token lives longer than ${bound} s (AUTH_MAX_TOKEN_LIFETIME)`);
  }

  /** The issuer's key set, from `AUTH_JWKS_URL` or its discovery document; a failed discovery is tried again. */
  private keySet(): Promise<JWTVerifyGetKey> {
    this.keys ??= this.discoverJwksUrl().then(
      (url) =>
        createRemoteJWKSet(new URL(url), {
          timeoutDuration: FETCH_TIMEOUT_MS,
          cooldownDuration: this.config.AUTH_JWKS_COOLDOWN_SECONDS * 1_000,
        }),
      (error: Error) => {
        this.keys = undefined;
        throw new IdentityProviderUnreachable(error.message);
      },
    );
    return this.keys;
  }

  private async discoverJwksUrl(): Promise<string> {
    if (this.config.AUTH_JWKS_URL) return this.config.AUTH_JWKS_URL;
    const url = `${(this.config.AUTH_ISSUER as string).replace(/\/$/, '')}/.well-known/openid-configuration`;
    const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    const { jwks_uri: jwksUri } = (await response.json()) as { jwks_uri?: unknown };
    if (typeof jwksUri !== 'string') throw new Error(`${url} names no jwks_uri`);
    return jwksUri;
  }
}

function unverifiedIssuer(token: string): unknown {
  try {
    return decodeJwt(token).iss;
  } catch {
    throw malformedToken();
  }
}
