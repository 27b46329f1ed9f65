import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { text } from '../i18n/localized-text';
import { invalidRequest, type ErrorDetail } from './api-error';
import { fieldsWithNul } from './nul-characters';
import { prototypeKeyFields } from './prototype-keys';
import { constraintDetail } from './validation-texts';

/**
 * Flattens nested class-validator errors to one detail per failed constraint of each field (`agencies.0.creditCode`),
 * each a catalogue text naming the field — never class-validator's English defaults.
 */
export function toErrorDetails(errors: ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    // `property` is undefined only for a value without any validators (forbidUnknownValues): the object itself.
    const field =
      error.property === undefined ? parent || undefined : parent ? `${parent}.${error.property}` : error.property;
    const own = Object.keys(error.constraints ?? {}).map((constraint) => constraintDetail(error, field, constraint));
    return [...own, ...toErrorDetails(error.children ?? [], field)];
  });
}

/**
 * Refuses, before validation, a NUL character in a body, query or path parameter (api/common/nul-characters.ts) and
 * the keys class-transformer would drop unseen (`__proto__`, `constructor`: api/common/prototype-keys.ts) — the latter
 * with the text of any other unknown field. A value nested too deep is refused by the walk itself.
 */
class RequestValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const path = metadata.type === 'param' || metadata.type === 'query' ? (metadata.data ?? '') : '';
    const details: ErrorDetail[] = [
      ...fieldsWithNul(value, path).map((field) => ({ field, message: text('validation.nulCharacter', { field }) })),
      ...prototypeKeyFields(value, path).map((field) => ({
        field,
        message: text('validation.whitelistValidation', { field }),
      })),
    ];
    if (details.length > 0) throw invalidRequest(details);
    return super.transform(value, metadata);
  }
}

/**
 * Strict body validation: types, ranges, unknown fields rejected; failures are 422 with details. Each error keeps the
 * object it was found on (`target`, never sent) so that its detail can name the constraint's arguments.
 */
export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => invalidRequest(toErrorDetails(errors)),
  });
}
