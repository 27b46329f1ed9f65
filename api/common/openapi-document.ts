import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
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

const ERROR_BODY_REF = { $ref: `#/components/schemas/${ErrorBodySchema.name}` };

/**
 * The statuses every operation of its kind can answer, whatever its controller declares (issue 10 item 6: every
 * status the API gives is documented): a caller-scoped route can be refused a token (401), rate-limited (429) or find
 * PostgreSQL or Temporal down (503); a path parameter can name nothing (404); a body can be malformed JSON (400), too
 * large (413) or invalid (422); a query or path parameter can be invalid (422).
 */
function statusesOf(path: string, operation: Operation): number[] {
  const statuses: number[] = [];
  if ((operation.security ?? []).length > 0) statuses.push(401, 429, 503);
  if (path.includes('{')) statuses.push(404);
  if (operation.requestBody) statuses.push(400, 413, 422);
  // Any query or path parameter: the validation pipe refuses a NUL character in it (api/common/nul-characters.ts).
  if ((operation.parameters ?? []).some((p) => 'in' in p && (p.in === 'query' || p.in === 'path'))) {
    statuses.push(422);
  }
  return statuses;
}

function completeResponses(path: string, operation: Operation): void {
  for (const status of statusesOf(path, operation)) {
    operation.responses[status] ??= {
      description: ERROR_RESPONSES[status],
      content: { 'application/json': { schema: ERROR_BODY_REF } },
    };
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
  const validators = models.map(validatorsOf).find((byName) => query.every((p) => byName.has(p.name)));
  for (const parameter of query) {
    if (!parameter.required) parameter.allowEmptyValue = true;
    const schema = parameter.schema as Schema | undefined;
    if (schema && validators) constrainProperty(schema, validators.get(parameter.name) ?? []);
  }
}

/**
 * The OpenAPI document served at `/docs` and `/docs-json`: what the controllers declare, completed with the
 * answers every operation of its kind can give, the bounds the validators of `models` check, and closed request
 * schemas, so that the document states every status the API answers and accepts every request it declares valid
 * (checked by schemathesis, test/e2e/api-fuzzing).
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
      completeResponses(path, operation);
      constrainQuery(operation, models);
      for (const parameter of operation.parameters ?? [])
        if ('schema' in parameter) forbidNul(parameter.schema as Schema);
    }
  }
  constrainComponentSchemas((document.components?.schemas ?? {}) as Record<string, Schema>, models);
  closeRequestSchemas(document);
  return document;
}
