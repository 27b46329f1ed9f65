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
import { IdentityProviderUnreachable, malformedToken, refusalOf, refused } from './token-rules';

/** A verified token: the actor it vouches for, and its claims (the officer directory reads email and name there). */
export interface VerifiedToken {
  actor: Actor;
  claims: JWTPayload;
}

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

  /** The actor a token vouches for; throws `TokenRefused` (401) or {@link IdentityProviderUnreachable} (503). */
  async verify(token: string): Promise<VerifiedToken> {
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw malformedToken();
    }
    if (alg === 'HS256') return this.development(token);
    if ((OIDC_ALGORITHMS as readonly string[]).includes(alg ?? '') && this.config.AUTH_ISSUER) return this.oidc(token);
    throw refused('token.algorithm', 'algorithmRefused', { alg: String(alg), accepted: this.accepted() });
  }

  /** What this API takes: the issuer's algorithms (`RS256/ES256 (https://sso…)`) and, outside production, HS256. */
  private accepted(): string[] {
    const issuer = this.config.AUTH_ISSUER;
    return [...(issuer ? [`${OIDC_ALGORITHMS.join('/')} (${issuer})`] : []), ...(this.hs256 ? ['HS256'] : [])];
  }

  private async development(token: string): Promise<VerifiedToken> {
    if (!this.hs256) throw refused('token.algorithm', 'hs256InProduction', { accepted: this.accepted() });
    const audience = this.config.AUTH_AUDIENCE;
    const payload = await this.verified(token, this.secret, ['HS256'], {});
    // A development token names no issuer or audience, or the ones this API expects of it.
    if (payload.iss !== undefined && payload.iss !== DEVELOPMENT_TOKEN_ISSUER)
      throw refused('token.issuer', 'hs256Issuer', { issuer: DEVELOPMENT_TOKEN_ISSUER });
    if (payload.aud !== undefined && audience && ![payload.aud].flat().includes(audience))
      throw refused('token.audience', 'audience', { audience });
    return {
      actor: actorFromClaims(payload, CONTRACT_CLAIMS, payload.iss ?? DEVELOPMENT_TOKEN_ISSUER),
      claims: payload,
    };
  }

  private async oidc(token: string): Promise<VerifiedToken> {
    const issuer = this.config.AUTH_ISSUER as string;
    // Another issuer's token is refused before its key is looked up: its unknown key id must not make us refetch.
    if (unverifiedIssuer(token) !== issuer) throw refused('token.issuer', 'issuer', { issuer });
    const payload = await this.verified(token, await this.keySet(), [...OIDC_ALGORITHMS], {
      issuer,
      audience: this.config.AUTH_AUDIENCE,
    });
    return { actor: actorFromClaims(payload, this.mapping, issuer), claims: payload };
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
      throw refused('token.not-yet-valid', 'issuedInFuture');
    const lifetime = exp - (issuedAt ?? Date.now() / 1_000);
    if (lifetime > bound + (issuedAt === undefined ? skew : 0))
      throw refused('token.max-lifetime', 'lifetime', { seconds: bound });
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
