import { readFileSync } from 'node:fs';
import { API_SCHEMA_FILE, generatedApiSchema } from '../../scripts/api-schema';

/**
 * Issue 21 item 1: the console's client is typed from the API's own OpenAPI document, so it cannot drift from the
 * API — the checked-in `console/src/api/schema.d.ts` is what openapi-typescript makes of the document today.
 */
describe("the console's typed API client", () => {
  it('console/src/api/schema.d.ts is generated from the served OpenAPI document (npm run api-schema)', async () => {
    const fresh = await generatedApiSchema();
    const checkedIn = readFileSync(API_SCHEMA_FILE, 'utf8');
    // One assertion on a boolean: a diff of two thousand lines would say less than the command to run.
    expect({ upToDate: checkedIn === fresh, fix: 'npm run api-schema' }).toEqual({
      upToDate: true,
      fix: 'npm run api-schema',
    });
  });
});
