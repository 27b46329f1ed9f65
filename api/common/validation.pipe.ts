import { HttpStatus, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { ApiError, type ErrorDetail } from './api-error';
import { fieldsWithNul } from './nul-characters';

/** Flattens nested class-validator errors to one detail per failed field (`agencies.0.creditCode`). */
export function toErrorDetails(errors: ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      message: constraint === 'whitelistValidation' ? `${field}: unknown field` : message,
      ...ruleOf(error, constraint),
    }));
    return [...own, ...toErrorDetails(error.children ?? [], field)];
  });
}

function ruleOf(error: ValidationError, constraint: string): { rule?: string } {
  const rule = error.contexts?.[constraint]?.rule;
  return typeof rule === 'string' ? { rule } : {};
}

const invalid = (details: ErrorDetail[]): ApiError =>
  new ApiError(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'validation_failed',
    `the request body is invalid: ${details.map((d) => d.message).join('; ')}`,
    details,
  );

/** Refuses a NUL character in a body, query or path parameter before validation (api/common/nul-characters.ts). */
class RequestValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const fields = fieldsWithNul(
      value,
      metadata.type === 'param' || metadata.type === 'query' ? (metadata.data ?? '') : '',
    );
    if (fields.length > 0) {
      throw invalid(
        fields.map((field) => ({ field, message: `${field} must not contain the NUL character (U+0000)` })),
      );
    }
    return super.transform(value, metadata);
  }
}

/** Strict body validation: types, ranges, unknown fields rejected; failures are 422 with details. */
export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => invalid(toErrorDetails(errors)),
  });
}
