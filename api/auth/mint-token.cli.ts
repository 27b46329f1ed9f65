import { JwtService } from '@nestjs/jwt';
import { parseArgs } from 'node:util';
import { DEVELOPMENT_JWT_SECRET } from '../config/app-config';
import { actorFromClaims } from './claims';

/**
 * `npm run token -- --role district --district 500112 [--sub officer-1] [--hours 12]`: a development bearer
 * token signed with AUTH_JWT_SECRET (or the development secret).
 */
function main(): void {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      district: { type: 'string' },
      sub: { type: 'string' },
      hours: { type: 'string', default: '12' },
    },
  });
  const claims = {
    sub: values.sub ?? `${values.role ?? 'unknown'}-officer`,
    role: values.role,
    district: values.district,
  };
  const actor = actorFromClaims(claims);
  if (typeof actor === 'string') {
    console.error(`cannot mint a token: ${actor}`);
    process.exit(2);
  }
  const secret = process.env.AUTH_JWT_SECRET || DEVELOPMENT_JWT_SECRET;
  const token = new JwtService({ secret }).sign(
    { sub: actor.id, role: actor.role, ...(actor.district ? { district: actor.district } : {}) },
    { algorithm: 'HS256', expiresIn: `${Number(values.hours)}h` },
  );
  console.log(token);
}

main();
