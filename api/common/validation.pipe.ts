import { HttpStatus, ValidationPipe, type ValidationError } from '@nestjs/common';
import { ApiError, type ErrorDetail } from './api-error';

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

/** Strict body validation: types, ranges, unknown fields rejected; failures are 422 with details. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const details = toErrorDetails(errors);
      return new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'validation_failed', `the request body is invalid: ${details.map((d) => d.message).join('; ')}`, details);
    },
  });
}
