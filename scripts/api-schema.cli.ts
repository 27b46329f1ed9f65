import { writeFileSync } from 'node:fs';
import { API_SCHEMA_FILE, generatedApiSchema } from './api-schema';

/** `npm run api-schema`: writes the console's typed view of the API (console/src/api/schema.d.ts) afresh. */
generatedApiSchema().then(
  (schema) => {
    writeFileSync(API_SCHEMA_FILE, schema);
    console.log(`wrote ${API_SCHEMA_FILE}`);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
