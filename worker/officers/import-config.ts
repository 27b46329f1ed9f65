import { IsOptional, IsString, IsUrl, MinLength } from 'class-validator';
import { AuthSettings, parseRoleMap } from '../../api/config/auth-settings';
import { type Environment, loadConfig } from '../../config/parkflow-config';

const HTTP_URL = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/**
 * What `npm run officers -- import` reads: the database, the sign-in settings the API reads (the issuer, whose realm
 * is imported, and how its tokens name the subject and the roles, so an imported officer is the one who signs in),
 * and credentials for Keycloak's admin API — a client with the realm-management `view-users` role (client
 * credentials), or an administrator of the master realm.
 */
export class OfficerImportConfig extends AuthSettings {
  /** Where the CLI reaches Keycloak (e.g. `http://keycloak:8080` inside compose); unset: AUTH_ISSUER's origin. */
  @IsOptional()
  @IsUrl(HTTP_URL, { message: 'KEYCLOAK_ADMIN_URL must be the http(s) URL of the Keycloak server' })
  KEYCLOAK_ADMIN_URL?: string;

  @IsOptional()
  @IsString()
  KEYCLOAK_ADMIN_CLIENT_ID?: string;

  @IsOptional()
  @IsString()
  KEYCLOAK_ADMIN_CLIENT_SECRET?: string;

  @IsOptional()
  @IsString()
  KEYCLOAK_ADMIN_USERNAME?: string;

  @IsOptional()
  @IsString()
  KEYCLOAK_ADMIN_PASSWORD?: string;

  /** The user attribute holding a district officer's district code (the realm maps it to AUTH_DISTRICT_CLAIM). */
  @IsString()
  @MinLength(1)
  KEYCLOAK_DISTRICT_ATTRIBUTE: string = 'district';
}

/** Reads the import's configuration; `keycloak`: the realm's import needs an issuer and admin credentials. */
export function loadOfficerImportConfig(env: Environment, keycloak: boolean): OfficerImportConfig {
  return loadConfig(
    {
      process: 'officer import',
      settings: OfficerImportConfig,
      crossChecks: (config) => {
        const problems = parseRoleMap(config.AUTH_ROLE_MAP).problems;
        if (!keycloak) return problems;
        if (!config.AUTH_ISSUER) problems.push('AUTH_ISSUER must name the Keycloak realm to import (…/realms/<realm>)');
        else if (!/\/realms\/[^/]+\/?$/.test(config.AUTH_ISSUER))
          problems.push(
            `AUTH_ISSUER must be a Keycloak realm's issuer (…/realms/<realm>), got '${config.AUTH_ISSUER}'`,
          );
        const client = config.KEYCLOAK_ADMIN_CLIENT_ID && config.KEYCLOAK_ADMIN_CLIENT_SECRET;
        const admin = config.KEYCLOAK_ADMIN_USERNAME && config.KEYCLOAK_ADMIN_PASSWORD;
        if (!client && !admin)
          problems.push(
            'set KEYCLOAK_ADMIN_CLIENT_ID and KEYCLOAK_ADMIN_CLIENT_SECRET (a client with view-users), ' +
              'or KEYCLOAK_ADMIN_USERNAME and KEYCLOAK_ADMIN_PASSWORD (a master-realm administrator)',
          );
        return problems;
      },
    },
    env,
  );
}
