import { parseArgs } from 'node:util';
import { DEVELOPMENT_JWT_SECRET, durationSeconds } from '../config/auth-settings';
import { actorFromClaims, CONTRACT_CLAIMS } from './claims';
import { DEVELOPMENT_TOKEN_ISSUER, signDevelopmentToken } from './development-token';

/**
 * `npm run token -- --role district --district 500112 [--sub officer-1] [--email a@b.cn] [--name 张三] [--hours 12]`:
 * a development bearer token signed with AUTH_JWT_SECRET (or the development secret), living at most
 * AUTH_MAX_TOKEN_LIFETIME; `--email` and `--name` are recorded in the officer directory at its first request.
 */
function main(): void {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      district: { type: 'string' },
      sub: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      hours: { type: 'string', default: '12' },
    },
  });
  const fail = (message: string): never => {
    console.error(`cannot mint a token: ${message}`);
    process.exit(2);
  };
  const claims = {
    sub: values.sub ?? `${values.role ?? 'unknown'}-officer`,
    role: values.role,
    district: values.district,
  };
  const lifetime = Math.round(Number(values.hours) * 3_600);
  const bound = durationSeconds(process.env.AUTH_MAX_TOKEN_LIFETIME || '12h');
  if (!(lifetime > 0 && lifetime <= bound)) fail(`--hours must be positive and at most ${bound / 3_600} (token rule)`);
  try {
    const actor = actorFromClaims(claims, CONTRACT_CLAIMS, DEVELOPMENT_TOKEN_ISSUER);
    const secret = process.env.AUTH_JWT_SECRET || DEVELOPMENT_JWT_SECRET;
    const profile = { email: values.email, name: values.name };
    console.log(
      signDevelopmentToken({ sub: actor.id, role: actor.role, district: actor.district, ...profile }, secret, lifetime),
    );
  } catch (error) {
    fail((error as Error).message);
  }
}

main();
