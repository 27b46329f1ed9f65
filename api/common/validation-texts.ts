import type { ValidationError } from '@nestjs/common';
import { catalogueText, type MessageCode } from '../../i18n/catalogue';
import { DEFAULT_LOCALE, type MessageParams } from '../../workflows/definitions/message-ref';
import { text } from '../i18n/localized-text';
import { nested, type ErrorDetail } from './api-error';
import { validatorsOf, type ValidatedModel } from './validator-constraints';

/**
 * What a DTO's check adds to its 422 detail (a class-validator `context`): the policy rule it applies and, where the
 * check has a wording of its own, that text's code and parameters (`field`, `rule` and the constraint's arguments
 * are given to every text).
 */
export interface CheckContext {
  rule?: string;
  code?: MessageCode;
  params?: MessageParams;
}

/** The validation options of a check with a {@link CheckContext}: `@IsIn(CODES, checkContext({ code }))`. */
export const checkContext = (context: CheckContext): { context: CheckContext } => ({ context });

/** The arguments of a constraint (`@Max(100)` → `{ max: 100 }`) as its text's parameters. */
const ARGUMENTS: Record<string, (args: unknown[]) => MessageParams> = {
  min: ([min]) => ({ min: Number(min) }),
  max: ([max]) => ({ max: Number(max) }),
  minLength: ([min]) => ({ min: Number(min) }),
  maxLength: ([max]) => ({ max: Number(max) }),
  arrayMinSize: ([min]) => ({ min: Number(min) }),
  arrayMaxSize: ([max]) => ({ max: Number(max) }),
  isIn: ([allowed]) => ({ allowed: [...(allowed as Iterable<unknown>)].map(String) }),
};

/** `validation.<constraint>` when the catalogue has a text for that class-validator constraint, else a generic one. */
const constraintCode = (constraint: string): MessageCode =>
  catalogueText(DEFAULT_LOCALE, `validation.${constraint}`)
    ? (`validation.${constraint}` as MessageCode)
    : 'validation.invalid';

/** The validators of each DTO class, looked up once per class (a failed array of 2,000 items asks 2,000 times). */
const validatorsByModel = new WeakMap<object, ReturnType<typeof validatorsOf>>();
function validatorOf(
  error: ValidationError,
  constraint: string,
): { each?: boolean; constraints?: unknown[]; context?: unknown } {
  const model = (error.target as object | undefined)?.constructor as ValidatedModel | undefined;
  if (!model || model === Object || model === Array) return {};
  let validators = validatorsByModel.get(model);
  if (!validators) validatorsByModel.set(model, (validators = validatorsOf(model)));
  return validators.get(error.property)?.find((validator) => validator.name === constraint) ?? {};
}

/**
 * The 422 detail of one failed constraint of `field` (`agencies.0.creditCode`): its catalogue text naming the field —
 * the DTO's own wording when its context gives a code, else the constraint's (`validation.max` with `{ max }`), for a
 * check on each item of an array said of each item — and the rule its context names.
 */
export function constraintDetail(error: ValidationError, field: string | undefined, constraint: string): ErrorDetail {
  const validator = validatorOf(error, constraint);
  // From the metadata: class-validator leaves `contexts` out for a check without a default message (ours have none).
  const context = (validator.context ?? error.contexts?.[constraint] ?? {}) as CheckContext;
  const named = field ?? '';
  const params: MessageParams = {
    field: validator.each && !context.code ? nested('validation.eachItemOf', { field: named }) : named,
    ...(validator.constraints && ARGUMENTS[constraint]?.(validator.constraints)),
    ...(context.rule ? { rule: context.rule } : {}),
    ...context.params,
  };
  return {
    ...(field === undefined ? {} : { field }),
    message: text(context.code ?? constraintCode(constraint), params),
    ...(context.rule ? { rule: context.rule } : {}),
  };
}
