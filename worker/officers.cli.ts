import 'reflect-metadata';
import { parseRoleMap } from '../api/config/auth-settings';
import { createDataSource } from '../persistence/data-source';
import { OfficersRepository, type OfficerFacts } from '../persistence/repositories/officers.repository';
import { DEVELOPMENT_OFFICERS } from './officers/development-officers';
import { loadOfficerImportConfig, type OfficerImportConfig } from './officers/import-config';
import { realmOfficers } from './officers/keycloak-officers';

const USAGE = `npm run officers -- import [--development]
  import                 records the Keycloak realm's users in the officer directory (AUTH_ISSUER's realm, through its
                         admin API: KEYCLOAK_ADMIN_CLIENT_ID/_SECRET or KEYCLOAK_ADMIN_USERNAME/_PASSWORD), so experts
                         who never signed in can be named on panels and emailed their notices
  import --development   records the development stack's officers instead (npm run dev does this at start)`;

/** The realm's officers, with each user it left out printed. */
async function keycloakOfficers(config: OfficerImportConfig): Promise<OfficerFacts[]> {
  const issuer = new URL(config.AUTH_ISSUER as string);
  const realm = decodeURIComponent(issuer.pathname.replace(/\/$/, '').split('/').pop() as string);
  const { officers, skipped } = await realmOfficers({
    baseUrl: (config.KEYCLOAK_ADMIN_URL ?? issuer.origin).replace(/\/$/, ''),
    realm,
    credentials: config.KEYCLOAK_ADMIN_CLIENT_ID
      ? { clientId: config.KEYCLOAK_ADMIN_CLIENT_ID, clientSecret: config.KEYCLOAK_ADMIN_CLIENT_SECRET as string }
      : { username: config.KEYCLOAK_ADMIN_USERNAME as string, password: config.KEYCLOAK_ADMIN_PASSWORD as string },
    subjectClaim: config.AUTH_SUBJECT_CLAIM,
    roleMap: parseRoleMap(config.AUTH_ROLE_MAP).map,
    districtAttribute: config.KEYCLOAK_DISTRICT_ATTRIBUTE,
  });
  for (const line of skipped) console.log(`left out ${line}`);
  return officers;
}

/** `npm run officers`: fills the officer directory from the identity provider (issue 20 item 2). */
async function main(): Promise<void> {
  const [command, ...options] = process.argv.slice(2);
  const development = options.includes('--development');
  if (command !== 'import' || options.some((option) => option !== '--development')) {
    console.error(USAGE);
    process.exit(2);
  }
  const config = loadOfficerImportConfig(process.env, !development);
  const officers = development ? [...DEVELOPMENT_OFFICERS] : await keycloakOfficers(config);
  const dataSource = await createDataSource(config.DATABASE_URL).initialize();
  try {
    await new OfficersRepository(dataSource).importOfficers(officers);
  } finally {
    await dataSource.destroy();
  }
  const emailable = officers.filter((officer) => officer.email).length;
  console.log(`imported ${officers.length} officer(s) into the directory, ${emailable} with an email address`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
