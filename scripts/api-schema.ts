import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../api/app.module';
import { createOpenApiDocument } from '../api/common/openapi-document';
import { loadAppConfig } from '../api/config/app-config';
import { CONSOLE_DIR } from '../api/console/console-files';
import { VALIDATED_MODELS } from '../api/validated-models';

/** The console's typed view of the API, generated from the OpenAPI document and checked in. */
export const API_SCHEMA_FILE = join(CONSOLE_DIR, 'src', 'api', 'schema.d.ts');

/**
 * The document the API serves at `/docs-json`, built from its own modules in Nest's preview mode: no PostgreSQL,
 * no Temporal (nothing is connected; the database URL is never dialled).
 */
export async function servedOpenApiDocument(): Promise<OpenAPIObject> {
  const config = loadAppConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://nobody:none@127.0.0.1:1/none' });
  const app = await NestFactory.create(AppModule.forRoot(config), { preview: true, logger: false });
  try {
    return createOpenApiDocument(app, VALIDATED_MODELS);
  } finally {
    await app.close();
  }
}

/** A package's command-line script, run with this Node: `from` is where it is resolved from. */
function runBin(pkg: string, from: string, args: string[], input?: string): string {
  const manifest = require.resolve(`${pkg}/package.json`, { paths: [from] });
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: string | Record<string, string> };
  const script = join(dirname(manifest), typeof bin === 'string' ? bin : bin[pkg]);
  return execFileSync(process.execPath, [script, ...args], { input, encoding: 'utf8', stdio: 'pipe' });
}

/**
 * `console/src/api/schema.d.ts` as it should be now: openapi-typescript's types of the served document (from the
 * console's own packages), formatted with the project's Prettier settings. Both run as their command-line scripts:
 * they load ES modules, which a CommonJS jest test cannot.
 */
export async function generatedApiSchema(): Promise<string> {
  const document = await servedOpenApiDocument();
  const dir = mkdtempSync(join(tmpdir(), 'parkflow-api-schema-'));
  try {
    const input = join(dir, 'openapi.json');
    const output = join(dir, 'schema.d.ts');
    writeFileSync(input, JSON.stringify(document));
    runBin('openapi-typescript', CONSOLE_DIR, [input, '--output', output]);
    const header = '// Regenerate with `npm run api-schema` (test/unit/console-api-schema.test.ts fails when stale).\n';
    return runBin('prettier', __dirname, ['--stdin-filepath', API_SCHEMA_FILE], header + readFileSync(output, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
