import { DEVELOPMENT_OFFICERS } from '../worker/officers/development-officers';
import { startDevelopmentIssuer } from './dev-oidc-issuer';

/**
 * The development OpenID Connect provider of `npm run dev` (scripts/dev.sh), in the foreground: on
 * `PARKFLOW_OIDC_PORT` (3001), for the console and Swagger UI of the API on `PORT` (3000) at localhost and 127.0.0.1,
 * with the development officers (worker/officers/development-officers.ts, the officer directory's import) as its
 * accounts. Prints the API's configuration (`AUTH_ISSUER=…` and the rest, one per line) once it listens; stops on
 * SIGINT/SIGTERM.
 */
async function main(): Promise<void> {
  const apiPort = Number(process.env.PORT ?? 3000);
  const origins = ['localhost', '127.0.0.1'].map((host) => `http://${host}:${apiPort}`);
  const issuer = await startDevelopmentIssuer({
    port: Number(process.env.PARKFLOW_OIDC_PORT ?? 3001),
    officers: DEVELOPMENT_OFFICERS.map((officer) => ({
      sub: officer.subject,
      role: officer.role,
      ...(officer.district ? { district: officer.district } : {}),
      ...(officer.email ? { email: officer.email } : {}),
      ...(officer.displayName ? { name: officer.displayName } : {}),
    })),
    client: {
      clientId: process.env.AUTH_CONSOLE_CLIENT_ID ?? 'parkflow-console',
      // The console's return (console/src/auth/session.tsx) and Swagger UI's OAuth2 pop-up page.
      redirectUris: origins.flatMap((origin) => [`${origin}/signed-in`, `${origin}/docs/oauth2-redirect.html`]),
      postLogoutRedirectUris: origins.map((origin) => `${origin}/`),
    },
  });
  console.error(`[oidc] development issuer on ${issuer.url}`);
  for (const [name, value] of Object.entries(issuer.apiEnv)) console.log(`${name}=${value}`);
  const stop = (): void => {
    void issuer.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
