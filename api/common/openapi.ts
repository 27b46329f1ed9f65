import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';

/** One entry of an error's `details` (api-contract "Errors"), for the OpenAPI document. */
export class ErrorDetailSchema {
  @ApiPropertyOptional({ example: 'subsidyAmount' })
  field?: string;
  @ApiPropertyOptional({ example: 'R-SUB-1' })
  rule?: string;
  @ApiProperty({
    description: "in the reader's language (Accept-Language)",
    example: '认定须确定补助资金1,000,000元至3,000,000元（整数）',
  })
  message!: string;
}

/** Every 4xx/5xx body (api-contract "Errors"). */
export class ErrorBodySchema {
  @ApiProperty({
    example: 'validation_failed',
    description: 'machine code, e.g. invalid_stage, validation_failed, not_found, rate_limited',
  })
  error!: string;
  @ApiProperty({ description: "in the reader's language (Accept-Language)", example: '请求内容有误：subsidyAmount' })
  message!: string;
  @ApiProperty({ type: [ErrorDetailSchema] })
  details!: ErrorDetailSchema[];
}

/** What each error status means, wherever it is documented. */
export const ERROR_RESPONSES: Record<number, string> = {
  400: 'bad_request: the body is not valid JSON',
  401: 'no bearer token, or an invalid one',
  403: 'the caller’s role may not do this',
  404: 'no such case, or not visible to the caller (another district’s case; an expert not on its panel)',
  409:
    'invalid_stage: the case’s current stage does not allow the ' +
    'action (the stage is in the message); or idempotency_in_progress',
  413: 'the body is larger than 256 kB',
  422:
    'validation_failed: one detail per failed field, naming ' +
    'the policy rule where one applies; or idempotency_key_reused',
  429: 'rate_limited: too many requests from this caller (see Retry-After)',
  503:
    'nothing was applied; retry after Retry-After seconds. worker_unavailable: ' +
    'no worker polls the task queue (the action was not sent); dependency_unavailable: ' +
    'Temporal or PostgreSQL is unreachable (named in the message)',
};

/** Documents the contract's error responses on a route. */
export const ApiErrors = (...statuses: number[]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, description: ERROR_RESPONSES[status], type: ErrorBodySchema })),
  );

/*
 * 401/429/503 (authenticated), 404 (path parameters), 400/413/422 (body or query) and 403 (`@Roles`) are added to
 * every operation by the document's completion (openapi-document.ts): a route declares only what it cannot infer.
 */

/** What an officer action answers beyond the inferred errors: 409 for a stage that does not allow it. */
export const ApiActionErrors = (): MethodDecorator & ClassDecorator => ApiErrors(409);

/** What a scoped read answers beyond the inferred errors: 403 filtering on another district, 404 on a hidden case. */
export const ApiReadErrors = (): MethodDecorator & ClassDecorator => ApiErrors(403, 404);
