import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { AppModule } from '../../api/app.module';
import { loadAppConfig } from '../../api/config/app-config';
import { fieldsWithNul } from '../../api/common/nul-characters';
import { OIDC_SCHEME, withOidcSignIn } from '../../api/common/docs-sign-in';
import { createOpenApiDocument, OPENAPI_METHODS } from '../../api/common/openapi-document';
import { parseQuery } from '../../api/common/query-parser';
import { constrainComponentSchemas, type Schema } from '../../api/common/validator-constraints';
import { VALIDATED_MODELS } from '../../api/validated-models';
import { DEFAULT_LOCALE, LOCALES } from '../../workflows/definitions/message-ref';

/**
 * issue 10 item 6: the OpenAPI document tells the truth about what the API accepts — the bounds its validators
 * check, empty query parameters as absent, NUL characters refused (schemathesis runs this end to end in
 * test/heavy/api-fuzzing.test.ts).
 */
class SampleDto {
  @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
  @IsInt() @Min(1) @Max(3_000_000) amount!: number;
  @IsOptional() @IsUUID() caseId?: string;
  @IsString({ each: true }) @Matches(/^[a-z]+$/, { each: true }) tags!: string[];
}

describe('validator bounds in the document', () => {
  it(
    '@IsNotEmpty/@MaxLength/@IsInt/@Min/@Max/@IsUUID/@Matches(each) become ' +
      'minLength/maxLength/integer/minimum/maximum/format/items.pattern',
    () => {
      const schemas: Record<string, Schema> = {
        SampleDto: {
          type: 'object',
          properties: {
            name: { type: 'string' },
            amount: { type: 'number', maximum: 5_000_000 },
            caseId: { type: 'string' },
            tags: { type: 'array', items: { type: 'string' } },
          },
        },
      };
      constrainComponentSchemas(schemas, [SampleDto]);
      expect(schemas.SampleDto.properties).toEqual({
        name: { type: 'string', minLength: 1, maxLength: 100 },
        amount: { type: 'integer', minimum: 1, maximum: 3_000_000 },
        caseId: { type: 'string', format: 'uuid' },
        tags: { type: 'array', items: { type: 'string', pattern: '^[a-z]+$' } },
      });
    },
  );

  it('never loosens a bound the document already states', () => {
    const schemas: Record<string, Schema> = {
      SampleDto: {
        type: 'object',
        properties: { name: { type: 'string', maxLength: 10 }, amount: { type: 'number', minimum: 5 } },
      },
    };
    constrainComponentSchemas(schemas, [SampleDto]);
    expect(schemas.SampleDto.properties).toMatchObject({ name: { maxLength: 10 }, amount: { minimum: 5 } });
  });
});

describe('query parser', () => {
  it('reads an empty parameter as absent and repeats as an array', () => {
    expect(parseQuery('cursor=&limit=5&kind=a&kind=b&district=')).toEqual({ limit: '5', kind: ['a', 'b'] });
    expect(parseQuery('kind=&kind=a')).toEqual({ kind: 'a' });
    expect(parseQuery('')).toEqual({});
  });
});

describe('NUL characters', () => {
  it('names every field, nested or a key, that holds U+0000', () => {
    expect(fieldsWithNul({ contacts: [{ name: 'ok' }, { name: 'a\u0000b' }], ['k\u0000']: 1, n: 3 })).toEqual([
      'contacts.1.name',
      'k\\u0000',
    ]);
    expect(fieldsWithNul('x\u0000', 'code')).toEqual(['code']);
    expect(fieldsWithNul({ a: ['fine', 2, null] })).toEqual([]);
  });
});

/**
 * issue 20 item 5: the served document, built from the API's own modules (Nest's preview mode: no database, no
 * Temporal), declares the headers and answers the edge gives every operation.
 */
type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type Parameter = { name: string; in: string; required?: boolean; schema?: Schema };
type Answer = { description: string; headers?: Record<string, { schema?: Schema }> };

let document: OpenAPIObject;
beforeAll(async () => {
  const config = loadAppConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://nobody:none@127.0.0.1:1/none' });
  const app = await NestFactory.create(AppModule.forRoot(config), { preview: true, logger: false });
  document = createOpenApiDocument(app, VALIDATED_MODELS);
  await app.close();
});

const operations = (doc: OpenAPIObject = document): Array<{ id: string; method: string; op: Operation }> =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    OPENAPI_METHODS.filter((method) => item[method]).map((method) => ({
      id: `${method.toUpperCase()} ${path}`,
      method,
      op: item[method] as Operation,
    })),
  );
const header = (op: Operation, name: string): Parameter | undefined =>
  (op.parameters as Parameter[] | undefined)?.find((p) => p.in === 'header' && p.name === name);
const answers = (op: Operation): Array<[string, Answer]> => Object.entries(op.responses) as Array<[string, Answer]>;

describe('the served document declares what the edge does (issue 20 item 5)', () => {
  it('every state-changing POST takes Idempotency-Key and may answer 409 in progress / 422 key reused', () => {
    const posts = operations().filter(({ method, op }) => method === 'post' && (op.security ?? []).length > 0);
    const ids = posts.map(({ id }) => id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'POST /v1/applications',
        'POST /v1/notifications/{id}/read',
        'POST /v1/cases/{caseId}/panel',
      ]),
    );
    for (const { id, op } of posts) {
      const key = header(op, 'Idempotency-Key');
      expect({ id, key: key && { required: key.required, type: key.schema?.type } }).toEqual({
        id,
        key: { required: false, type: 'string' },
      });
      const responses = op.responses as Record<string, Answer | undefined>;
      expect({ id, 409: responses['409']?.description }).toEqual({
        id,
        409: expect.stringContaining('idempotency_in_progress'),
      });
      expect({ id, 422: responses['422']?.description }).toEqual({
        id,
        422: expect.stringContaining('idempotency_key_reused'),
      });
      for (const [status, answer] of answers(op))
        expect({ id, status, replayed: !!answer.headers?.['Idempotent-Replayed'] }).toEqual({
          id,
          status,
          replayed: true,
        });
    }
    // The key's pattern is the one the interceptor checks: 1–200 printable ASCII characters.
    const pattern = new RegExp(header(posts[0].op, 'Idempotency-Key')?.schema?.pattern as string);
    expect(['a', '550e8400-e29b-41d4-a716-446655440000', '~'.repeat(200)].every((k) => pattern.test(k))).toBe(true);
    expect(['', 'with space', 'ключ', 'x'.repeat(201)].some((k) => pattern.test(k))).toBe(false);
    // Reads and public routes take no key.
    for (const { id, method, op } of operations())
      if (method !== 'post') expect({ id, key: header(op, 'Idempotency-Key') }).toEqual({ id, key: undefined });
  });

  it('every operation takes Accept-Language (zh-CN by default) and every answer states Content-Language', () => {
    expect(operations().length).toBeGreaterThan(20);
    for (const { id, op } of operations()) {
      const language = header(op, 'Accept-Language');
      expect({ id, required: language?.required, default: language?.schema?.default }).toEqual({
        id,
        required: false,
        default: DEFAULT_LOCALE,
      });
      // A plain string: every value is accepted (an unknown language gets zh-CN), so none is refused.
      expect(language?.schema?.pattern).toBeUndefined();
      for (const [status, answer] of answers(op))
        expect({ id, status, languages: answer.headers?.['Content-Language']?.schema?.enum }).toEqual({
          id,
          status,
          languages: [...LOCALES],
        });
    }
  });

  it('every authenticated operation may answer 401, 429 and 503, 429 and 503 with Retry-After; 404 with a path', () => {
    for (const { id, op } of operations()) {
      const statuses = Object.keys(op.responses);
      if ((op.security ?? []).length > 0)
        expect({ id, missing: ['401', '429', '503'].filter((s) => !statuses.includes(s)) }).toEqual({
          id,
          missing: [],
        });
      if (id.includes('{')) expect({ id, 404: statuses.includes('404') }).toEqual({ id, 404: true });
      for (const [status, answer] of answers(op))
        if (status === '429' || status === '503')
          expect({ id, status, retryAfter: !!answer.headers?.['Retry-After'] }).toEqual({
            id,
            status,
            retryAfter: true,
          });
    }
  });

  it('with an issuer, Swagger UI signs in through its discovery document, beside the bearer scheme', () => {
    const issuer = 'https://sso.example.gov.cn/realms/parkflow';
    const signedIn = withOidcSignIn(document, issuer);
    expect(signedIn.components?.securitySchemes?.[OIDC_SCHEME]).toMatchObject({
      type: 'openIdConnect',
      openIdConnectUrl: `${issuer}/.well-known/openid-configuration`,
    });
    expect(signedIn.components?.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const before = new Map(operations().map(({ id, op }) => [id, op.security]));
    for (const { id, op } of operations(signedIn)) {
      const security = before.get(id);
      expect({ id, security: op.security }).toEqual({
        id,
        security: security?.length ? [{ bearer: [] }, { [OIDC_SCHEME]: [] }] : security,
      });
    }
    // The document without an issuer is left as it was.
    expect(document.components?.securitySchemes?.[OIDC_SCHEME]).toBeUndefined();
  });
});
