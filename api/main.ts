import { createApp } from './create-app';
import { DEVELOPMENT_JWT_SECRET, loadAppConfig } from './config/app-config';
import { hs256Enabled } from './config/auth-settings';

async function main(): Promise<void> {
  const config = loadAppConfig();
  const app = await createApp(config);
  await app.listen(config.PORT);
  console.log(`parkflow API on http://localhost:${config.PORT} (OpenAPI: /docs)`);
  if (config.AUTH_ISSUER)
    console.log(`signing officers in through ${config.AUTH_ISSUER} (audience ${config.AUTH_AUDIENCE})`);
  const hs256 = hs256Enabled(config, config.NODE_ENV === 'production');
  if (hs256 && config.AUTH_JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
    console.log(`using the development JWT secret '${DEVELOPMENT_JWT_SECRET}' (set AUTH_JWT_SECRET to change it)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
