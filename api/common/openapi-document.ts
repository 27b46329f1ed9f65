import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { DEFAULT_LOCALE, LOCALES } from '../../workflows/definitions/message-ref';
import { IDEMPOTENCY_HEADER } from '../idempotency/idempotency.interceptor';
import { NO_NUL_PATTERN } from './nul-characters';
import { ERROR_RESPONSES, ErrorBodySchema } from './openapi';
import {
  constrainComponentSchemas,
  constrainProperty,
  validatorsOf,
  type Schema,
  type ValidatedModel,
} from './validator-constraints';

/** The HTTP methods an OpenAPI path item may hold. */
export const OPENAPI_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type Parameter = Exclude<NonNullable<Operation['parameters']>[number], { $ref: string }>;
type ResponseObject = Exclude<NonNullable<Operation['responses'][string]>, { $ref: string }>;
type HeaderObject = Exclude<NonNullable<ResponseObject['headers']>[string], { $ref: string }>;

const ERROR_BODY_REF = { $ref: `#/components/schemas/${ErrorBodySchema.name}` };

/**
 * The statuses every operation of its kind can answer, whatever its controller declares (issue 10 item 6: every
 * status the API gives is documented): a caller-scoped route can be refused a token (401), rate-limited (429) or find
 * PostgreSQL or Temporal down (503); a path parameter can name nothing (404); a body can be malformed JSON (400), too
 * large (413) or invalid (422); a query or path parameter can be invalid (422); a POST with an `Idempotency-Key` can
 * find its first request still running (409) or the key used for another request (422).
 */
function statusesOf(path: string, method: string, operation: Operation): number[] {
  const statuses: number[] = [];
  if ((operation.security ?? []).length > 0) statuses.push(401, 429, 503);
  if (takesIdempotencyKey(method, operation)) statuses.push(409, 422);
  if (path.includes('{')) statuses.push(404);
  if (operation.requestBody) statuses.push(400, 413, 422);
  // Any query or path parameter: the validation pipe refuses a NUL character in it (api/common/nul-characters.ts).
  if ((operation.parameters ?? []).some((p) => 'in' in p && (p.in === 'query' || p.in === 'path'))) {
    statuses.push(422);
  }
  return statuses;
}

function completeResponses(path: string, method: string, operation: Operation): void {
  const idempotent = takesIdempotencyKey(method, operation);
  for (const status of statusesOf(path, method, operation)) {
    operation.responses[status] ??= {
      // A 409 the route does not declare itself (no stage to refuse it) can only be the key's.
      description: idempotent && status === 409 ? IDEMPOTENCY_RESPONSES[409] : ERROR_RESPONSES[status],
      content: { 'application/json': { schema: ERROR_BODY_REF } },
    };
  }
  if (!idempotent) return;
  // A route's own 409 (invalid_stage) or 422 (validation) can also be the key's: say so where it does not yet.
  for (const [status, code] of [
    [409, 'idempotency_in_progress'],
    [422, 'idempotency_key_reused'],
  ] as const) {
    const response = operation.responses[status] as ResponseObject;
    if (!response.description.includes(code)) response.description += `; or ${IDEMPOTENCY_RESPONSES[status]}`;
  }
}

/**
 * `Idempotency-Key` (api/idempotency/idempotency.interceptor.ts) is honoured on every POST an authenticated caller
 * makes: the POSTs that carry a security requirement.
 */
export const takesIdempotencyKey = (method: string, operation: Operation): boolean =>
  method === 'post' && (operation.security ?? []).length > 0;

/** The answers `Idempotency-Key` adds to a POST (api-contract "Errors"). */
const IDEMPOTENCY_RESPONSES: Record<number, string> = {
  409: 'idempotency_in_progress: the first request with this Idempotency-Key is still running; retry shortly',
  422: 'idempotency_key_reused: this Idempotency-Key was used for another request (another body or path)',
};

/** The headers every operation takes or answers with (api-contract "Language", "Errors"). */
export const ACCEPT_LANGUAGE: Parameter = {
  name: 'Accept-Language',
  in: 'header',
  required: false,
  description:
    `The reader's language for every text meant for a person (messages, deficiencies, notices): ${LOCALES.join(
      ' or ',
    )}; \`en\`, \`en-*\` are English, anything else (or no header) ${DEFAULT_LOCALE}. q-values are honoured. ` +
    'Machine fields (error, rule, field, code, stage, kind) never change with it.',
  schema: { type: 'string', default: DEFAULT_LOCALE },
};

export const IDEMPOTENCY_KEY: Parameter = {
  name: IDEMPOTENCY_HEADER,
  in: 'header',
  required: false,
  description:
    'A unique token per action (e.g. a UUID): the same key and body replay the first answer ' +
    "(`Idempotent-Replayed: true`), a retry of a request that never got its answer returns the action's real " +
    'outcome; the same key with another body or path is 422 idempotency_key_reused, and while the first request ' +
    'runs 409 idempotency_in_progress. Keys are per caller.',
  schema: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[!-~]{1,200}$' },
};

const RESPONSE_HEADERS = {
  contentLanguage: {
    description: 'The language of the texts in this answer (negotiated from Accept-Language)',
    schema: { type: 'string', enum: [...LOCALES] },
  },
  retryAfter: {
    description: 'Seconds to wait before retrying',
    schema: { type: 'string', pattern: '^\\d+$' },
  },
  idempotentReplayed: {
    description: 'Present (`true`) when this answer replays the first one given under the same Idempotency-Key',
    schema: { type: 'string', pattern: '^true$' },
  },
} satisfies Record<string, HeaderObject>;

/**
 * Declares the headers of the contract on an operation: `Accept-Language` on every one and `Content-Language` on every
 * answer; `Retry-After` on 429 and 503; on a POST that takes it, `Idempotency-Key` and `Idempotent-Replayed`.
 */
function declareHeaders(method: string, operation: Operation): void {
  const parameters = (operation.parameters ??= []);
  const named = (name: string): boolean =>
    parameters.some((p) => 'in' in p && p.in === 'header' && p.name.toLowerCase() === name.toLowerCase());
  if (!named(ACCEPT_LANGUAGE.name)) parameters.push({ ...ACCEPT_LANGUAGE });
  const idempotent = takesIdempotencyKey(method, operation);
  if (idempotent && !named(IDEMPOTENCY_KEY.name)) parameters.push({ ...IDEMPOTENCY_KEY });
  for (const [status, response] of Object.entries(operation.responses)) {
    if (!response || '$ref' in response) continue;
    const headers = (response.headers ??= {});
    headers['Content-Language'] ??= RESPONSE_HEADERS.contentLanguage;
    if (status === '429' || status === '503') headers['Retry-After'] ??= RESPONSE_HEADERS.retryAfter;
    if (idempotent) headers['Idempotent-Replayed'] ??= RESPONSE_HEADERS.idempotentReplayed;
  }
}

/** Every component schema a schema reaches through `$ref`, properties, items and compositions. */
function reachableSchemas(schema: unknown, components: Record<string, Schema>, seen: Set<string>): void {
  if (!schema || typeof schema !== 'object') return;
  const ref = (schema as Schema).$ref;
  if (typeof ref === 'string') {
    const name = ref.replace('#/components/schemas/', '');
    if (seen.has(name) || !components[name]) return;
    seen.add(name);
    reachableSchemas(components[name], components, seen);
    return;
  }
  for (const value of Object.values(schema as Schema)) reachableSchemas(value, components, seen);
}

/** A free-text string (no enum, format or pattern of its own) states that it cannot hold U+0000. */
function forbidNul(schema: Schema | undefined): void {
  if (!schema) return;
  if (schema.type === 'array') return forbidNul(schema.items as Schema | undefined);
  if (schema.type === 'string' && !schema.enum && !schema.format && !schema.pattern && !schema.anyOf) {
    schema.pattern = NO_NUL_PATTERN;
  }
}

/**
 * Request bodies refuse fields they do not declare (the validation pipe's `forbidNonWhitelisted`, 422 naming the
 * field): their schemas say so with `additionalProperties: false`, so a schema-valid body is never refused for it.
 */
function closeRequestSchemas(document: OpenAPIObject): void {
  const components = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const requestSchemas = new Set<string>();
  for (const item of Object.values(document.paths)) {
    for (const method of OPENAPI_METHODS) reachableSchemas(item[method]?.requestBody, components, requestSchemas);
  }
  for (const name of requestSchemas) {
    const schema = components[name];
    if (schema.type === 'object' || schema.properties) schema.additionalProperties = false;
    for (const property of Object.values((schema.properties ?? {}) as Record<string, Schema>)) forbidNul(property);
  }
}

/**
 * Query parameters: the bounds of the query DTO that declares them all, and `allowEmptyValue` on the optional ones,
 * since the API's query parser reads `?cursor=` as no cursor (api/common/query-parser.ts).
 */
function constrainQuery(operation: Operation, models: ValidatedModel[]): void {
  const query = (operation.parameters ?? []).filter((p): p is Parameter => 'in' in p && p.in === 'query');
  if (query.length === 0) return;
  // The model whose properties are exactly the query's (two queries may share `from` and `to`), else one that has them.
  const candidates = models.map(validatorsOf).filter((byName) => query.every((p) => byName.has(p.name)));
  const validators = candidates.find((byName) => byName.size === query.length) ?? candidates[0];
  for (const parameter of query) {
    if (!parameter.required) parameter.allowEmptyValue = true;
    const schema = parameter.schema as Schema | undefined;
    if (schema && validators) constrainProperty(schema, validators.get(parameter.name) ?? []);
  }
}

/**
 * The OpenAPI document served at `/docs` and `/docs-json`: what the controllers declare, completed with the
 * answers every operation of its kind can give, the headers of the contract (`Accept-Language`, `Content-Language`,
 * `Idempotency-Key`, `Retry-After`), the bounds the validators of `models` check, and closed request schemas, so that
 * the document states every status the API answers and accepts every request it declares valid (checked by
 * schemathesis, test/e2e/api-fuzzing).
 */
export function createOpenApiDocument(app: INestApplication, models: ValidatedModel[]): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('parkflow API')
    .setDescription(
      'Municipal HR-service industrial parks: application, review, designation, subsidy, reports, evaluation, refund.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ErrorBodySchema] });
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of OPENAPI_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      completeResponses(path, method, operation);
      constrainQuery(operation, models);
      for (const parameter of operation.parameters ?? [])
        if ('schema' in parameter) forbidNul(parameter.schema as Schema);
      declareHeaders(method, operation);
    }
  }
  constrainComponentSchemas((document.components?.schemas ?? {}) as Record<string, Schema>, models);
  closeRequestSchemas(document);
  return document;
}
