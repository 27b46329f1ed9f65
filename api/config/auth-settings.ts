import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength } from 'class-validator';
import { OFFICER_ROLES, type OfficerRole } from '../../workflows/definitions/case';
import { ObjectStoreSettings } from '../../config/object-store-settings';

/** The development secret; refused when NODE_ENV=production (api-contract "Configuration"). */
export const DEVELOPMENT_JWT_SECRET = 'parkflow-development-secret-do-not-use-in-production';

const HTTP_URL = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };
const UNITS: Record<string, number> = { s: 1, m: 60, h: 3_600, d: 86_400 };

/** `43200`, `43200s`, `720m`, `12h` → seconds; anything else → NaN (reported by the validator). */
export function durationSeconds(value: unknown): number {
  const match = /^(\d+)\s*([smhd]?)$/.exec(String(value).trim());
  return match ? Number(match[1]) * UNITS[match[2] || 's'] : Number.NaN;
}

/** `AUTH_ROLE_MAP`, e.g. `hr-district-officer=district,hr-bureau=municipal`: provider role names → the contract's. */
export function parseRoleMap(value: string | undefined): { map: Record<string, OfficerRole>; problems: string[] } {
  const map: Record<string, OfficerRole> = {};
  const problems: string[] = [];
  for (const pair of (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)) {
    const [from, to, ...rest] = pair.split('=').map((part) => part.trim());
    if (!from || rest.length > 0 || !(OFFICER_ROLES as readonly string[]).includes(to ?? '')) {
      problems.push(`AUTH_ROLE_MAP entry '${pair}' must be providerRole=${OFFICER_ROLES.join('|')}`);
    } else map[from] = to as OfficerRole;
  }
  return { map, problems };
}

/**
 * Who may call the API and from where (api-contract "Identity", "Configuration"): the OpenID Connect provider
 * whose tokens are accepted, the HS256 development secret, the token rules' bounds, and the CORS allowlist.
 */
export class AuthSettings extends ObjectStoreSettings {
  /** The OpenID Connect issuer (`iss`) whose RS256/ES256 tokens are accepted; unset: HS256 development tokens only. */
  @IsOptional()
  @IsUrl(HTTP_URL, { message: 'AUTH_ISSUER must be the http(s) URL of the OpenID Connect issuer' })
  AUTH_ISSUER?: string;

  /** The `aud` tokens must carry (the API's client or resource id at the provider). */
  @IsOptional()
  @IsString()
  AUTH_AUDIENCE?: string;

  /**
   * The provider's public client through which officers sign in from a browser (Authorization Code with PKCE):
   * Swagger UI's Authorize button at `/docs` uses it when `AUTH_ISSUER` is set (the realm's `parkflow-console`).
   */
  @IsString()
  @Matches(/^[\x21-\x7e]{1,200}$/, { message: 'AUTH_CONSOLE_CLIENT_ID must be a client id (printable ASCII)' })
  AUTH_CONSOLE_CLIENT_ID: string = 'parkflow-console';

  /** The issuer's key set; unset: `jwks_uri` of its discovery document. */
  @IsOptional()
  @IsUrl(HTTP_URL, { message: 'AUTH_JWKS_URL must be an http(s) URL' })
  AUTH_JWKS_URL?: string;

  /** After fetching the key set, how long a token with an unknown key waits before it may trigger another fetch. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(3_600)
  AUTH_JWKS_COOLDOWN_SECONDS: number = 30;

  @IsString()
  @MinLength(16, { message: 'AUTH_JWT_SECRET must be at least 16 characters' })
  AUTH_JWT_SECRET: string = DEVELOPMENT_JWT_SECRET;

  /** Lets a production API take HS256 tokens too (refused there otherwise). */
  @Transform(({ value }) => (value === true || value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'AUTH_ALLOW_HS256 must be true or false' })
  AUTH_ALLOW_HS256: boolean = false;

  /** The longest a token may live (`exp − iat`), in seconds; `12h`, `90m` are understood. */
  @Transform(({ value }) => durationSeconds(value))
  @IsInt({ message: 'AUTH_MAX_TOKEN_LIFETIME must be a duration such as 43200, 720m or 12h' })
  @Min(60)
  @Max(7 * 86_400)
  AUTH_MAX_TOKEN_LIFETIME: number = 12 * 3_600;

  /** How far the API's and the issuer's clocks may disagree on `exp`, `nbf` and `iat`. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(300)
  AUTH_CLOCK_SKEW_SECONDS: number = 60;

  /**
   * Which claim is the officer's id (audit trail, expert panels): `sub` by default; Keycloak's `sub` is a UUID, so
   * compose names `preferred_username`, which its realm lets only administrators change.
   */
  @IsString()
  @MinLength(1)
  AUTH_SUBJECT_CLAIM: string = 'sub';

  /** Where the role is in the claims (a dot path; a string or a list, e.g. Keycloak's `realm_access.roles`). */
  @IsString()
  @MinLength(1)
  AUTH_ROLE_CLAIM: string = 'role';

  /** Where a district officer's district code is (a dot path; a string or a one-element list). */
  @IsString()
  @MinLength(1)
  AUTH_DISTRICT_CLAIM: string = 'district';

  /** Where the officer's email address is (a dot path): recorded in the officer directory, where notices go. */
  @IsString()
  @MinLength(1)
  AUTH_EMAIL_CLAIM: string = 'email';

  /** Where the officer's display name is (a dot path; Keycloak's `name` is first and last name). */
  @IsString()
  @MinLength(1)
  AUTH_NAME_CLAIM: string = 'name';

  /** The provider's role names mapped to the contract's (see {@link parseRoleMap}); unset: the names as they are. */
  @IsOptional()
  @IsString()
  AUTH_ROLE_MAP?: string;

  /** Browser origins allowed to call the API (comma-separated); unset: no CORS headers at all. */
  @IsOptional()
  @IsString()
  CORS_ALLOWED_ORIGINS?: string;
}

/** Whether HS256 development tokens are taken: everywhere but production, unless AUTH_ALLOW_HS256. */
export const hs256Enabled = (config: AuthSettings, production: boolean): boolean =>
  !production || config.AUTH_ALLOW_HS256;

/** The CORS allowlist as origins. */
export const corsOrigins = (config: AuthSettings): string[] =>
  (config.CORS_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);

/** The rules spanning several auth variables, each a sentence naming them. */
export function authProblems(config: AuthSettings, production: boolean): string[] {
  const problems = parseRoleMap(config.AUTH_ROLE_MAP).problems;
  if (config.AUTH_ISSUER && !config.AUTH_AUDIENCE)
    problems.push('AUTH_AUDIENCE must be set with AUTH_ISSUER (the aud that tokens must carry)');
  if (config.AUTH_JWKS_URL && !config.AUTH_ISSUER)
    problems.push('AUTH_JWKS_URL needs AUTH_ISSUER (whose keys they are)');
  if (production && !config.AUTH_ISSUER && !config.AUTH_ALLOW_HS256)
    problems.push('NODE_ENV=production needs AUTH_ISSUER (OpenID Connect sign-in), or AUTH_ALLOW_HS256=true');
  if (production && config.AUTH_ALLOW_HS256 && config.AUTH_JWT_SECRET === DEVELOPMENT_JWT_SECRET)
    problems.push('AUTH_JWT_SECRET must be set in production (the development secret is refused)');
  for (const origin of corsOrigins(config)) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin))
      problems.push(`CORS_ALLOWED_ORIGINS entry '${origin}' must be an origin such as https://hr.cq.gov.cn`);
  }
  return problems;
}
