import { IsIn, IsUrl, Matches, MinLength } from 'class-validator';
import { ServiceSettings } from './parkflow-config';

/**
 * The development credentials: what `npm run dev`'s SeaweedFS is given when the stack names none, and the defaults
 * here, so that a stack without an object store still starts (its document calls then answer 503 `object_store`).
 * Refused by every process run with NODE_ENV=production ({@link objectStoreProblems}).
 */
export const DEVELOPMENT_OBJECT_STORE_CREDENTIALS = {
  accessKeyId: 'parkflow-development',
  secretAccessKey: 'parkflow-development-secret-do-not-use-in-production',
} as const;

/** Server-side encryption asked of the store for every object: SSE-S3 (`AES256`), or none. */
export const OBJECT_STORE_SSE_MODES = ['AES256', 'off'] as const;

const HTTP_URL = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };
/** S3's bucket naming rules: 3–63 lower-case letters, digits, dots and hyphens, a letter or digit at each end. */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * Where the API keeps case documents (issue 25; docs/operations.md "Object store"): an S3-compatible store reached
 * with the AWS SDK v3 S3 client (persistence/object-store/document-objects.ts). The defaults are `npm run dev`'s
 * SeaweedFS. The API reads it, and the worker for its document sweep: chained after {@link ServiceSettings}, before
 * the API's AuthSettings and the WorkerConfig. Kept out of config/parkflow-config.ts only for that file's length.
 */
export class ObjectStoreSettings extends ServiceSettings {
  /** The S3 endpoint, path-style (`http://127.0.0.1:8333`, `http://seaweedfs:8333`): never exposed to browsers. */
  @IsUrl(HTTP_URL, {
    message: ({ value }) => `OBJECT_STORE_ENDPOINT must be the http(s) URL of the S3 endpoint, got '${String(value)}'`,
  })
  OBJECT_STORE_ENDPOINT: string = 'http://127.0.0.1:8333';

  /** The region requests are signed for; SeaweedFS takes any. */
  @Matches(/^[a-z0-9-]{1,32}$/, {
    message: ({ value }) => `OBJECT_STORE_REGION must be a region name such as us-east-1, got '${String(value)}'`,
  })
  OBJECT_STORE_REGION: string = 'us-east-1';

  /** The private bucket holding every document (created at start when missing). */
  @Matches(BUCKET_NAME, {
    message: ({ value }) =>
      `OBJECT_STORE_BUCKET must be an S3 bucket name (3-63 lower-case letters, digits, dots, hyphens), ` +
      `got '${String(value)}'`,
  })
  OBJECT_STORE_BUCKET: string = 'parkflow-documents';

  /** The access key at the store (the API's; the worker's sweep uses the same). */
  @MinLength(3, { message: 'OBJECT_STORE_ACCESS_KEY_ID must be an access key id (at least 3 characters)' })
  OBJECT_STORE_ACCESS_KEY_ID: string = DEVELOPMENT_OBJECT_STORE_CREDENTIALS.accessKeyId;

  // The message never repeats the value: it is the secret.
  /** The API's secret key at the store. */
  @MinLength(16, { message: 'OBJECT_STORE_SECRET_ACCESS_KEY must be at least 16 characters' })
  OBJECT_STORE_SECRET_ACCESS_KEY: string = DEVELOPMENT_OBJECT_STORE_CREDENTIALS.secretAccessKey;

  /**
   * Server-side encryption for every object written: `AES256` (SSE-S3; SeaweedFS serves it once given a key, as every
   * stack of this project does) or `off` for a store that has none.
   */
  @IsIn(OBJECT_STORE_SSE_MODES, {
    message: ({ value }) => `OBJECT_STORE_SSE must be AES256 or off, got '${String(value)}'`,
  })
  OBJECT_STORE_SSE: (typeof OBJECT_STORE_SSE_MODES)[number] = 'AES256';
}

/** The rules spanning the object store's variables, each a sentence naming them. */
export function objectStoreProblems(config: ObjectStoreSettings): string[] {
  const developmentKey = config.OBJECT_STORE_ACCESS_KEY_ID === DEVELOPMENT_OBJECT_STORE_CREDENTIALS.accessKeyId;
  const developmentSecret =
    config.OBJECT_STORE_SECRET_ACCESS_KEY === DEVELOPMENT_OBJECT_STORE_CREDENTIALS.secretAccessKey;
  if (developmentKey !== developmentSecret)
    return ['OBJECT_STORE_ACCESS_KEY_ID and OBJECT_STORE_SECRET_ACCESS_KEY go together: set both or neither'];
  // Every process that holds the keys refuses them: the API, the worker's document sweep, backup and restore.
  if (config.NODE_ENV === 'production' && developmentKey)
    return [
      'OBJECT_STORE_ACCESS_KEY_ID and OBJECT_STORE_SECRET_ACCESS_KEY must be set in production (the development ' +
        'credentials are refused)',
    ];
  return [];
}
