import { repoRoot } from '../../../scripts/repo-root';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** docker-compose.yml as read (no Docker engine runs here): the tests check services, env and order by reading it. */
export const root = repoRoot(__dirname);
export const composeText = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
export const services: Record<string, any> = parse(composeText, { merge: true }).services;

export const dependsOn = (name: string) => services[name].depends_on as Record<string, { condition: string }>;

/** A value as compose gives it with only the secrets set: `${X:-default}` → `default`, `${X:?message}` → a secret. */
export const interpolated = (value: unknown): string =>
  String(value)
    .replace(/\$\{\w+:-([^}]*)\}/g, '$1')
    .replace(/\$\{\w+:\?[^}]*\}/g, 'a-secret-from-the-environment');

/** A service's environment as compose gives it with only the secrets set. */
export const environmentOf = (name: string): Record<string, string> =>
  Object.fromEntries(
    Object.entries(services[name].environment as Record<string, string>).map(([key, value]) => [
      key,
      interpolated(value),
    ]),
  );
