import type { NextFunction, Request, Response } from 'express';
import { text } from '../i18n/localized-text';
import { invalidRequest, type ApiError } from './api-error';

/**
 * How deep a request value (a JSON body, the query, a path parameter) may nest: the body `{}` is one level, `[[1]]`
 * two. The deepest body the contract has is four levels (the application's `documents.supportMeasures[0]`); 32 leaves
 * room for any shape it may grow while every walk over a request — the idempotency hash, the NUL scan,
 * class-transformer, class-validator, `JSON.stringify` — stays far from the call stack's limit, which a 12 kB body of
 * `[[[…]]]` (2,000 levels) used to exhaust (a 500).
 */
export const MAX_JSON_DEPTH = 32;

/** 422 `validation_failed` naming `field` (a top-level field, or `body` for the body itself) nested too deep. */
export const nestedTooDeep = (field: string): ApiError =>
  invalidRequest([{ field, message: text('validation.nestedTooDeep', { field, max: MAX_JSON_DEPTH }) }]);

/**
 * Told each value of a walk with its dotted path (`contacts.4.name`) and the key it sits under (undefined for the
 * value walked); `'skip'` leaves out what lies under it.
 */
export type RequestValueVisitor = (value: unknown, path: string, key: string | undefined) => 'skip' | void;

/**
 * Visits `value` and everything under it, depth first; past {@link MAX_JSON_DEPTH} levels it throws
 * {@link nestedTooDeep} — so the recursion is bounded and no request can exhaust the stack. `path` names the value
 * (a query or path parameter); a body is walked with none.
 */
export function walkRequestValue(value: unknown, visit: RequestValueVisitor, path = ''): void {
  // What a too-deep value is reported as: a body object's top-level field it is in, else the value's own name.
  const named = path !== '' || Array.isArray(value) ? path || 'body' : undefined;
  const walk = (item: unknown, at: string, key: string | undefined, level: number, field: string): void => {
    if (visit(item, at, key) === 'skip' || item === null || typeof item !== 'object') return;
    if (level > MAX_JSON_DEPTH) throw nestedTooDeep(field);
    for (const [childKey, child] of Object.entries(item)) {
      walk(child, at ? `${at}.${childKey}` : childKey, childKey, level + 1, named ?? (level === 1 ? childKey : field));
    }
  };
  walk(value, path, undefined, 1, path || 'body');
}

/**
 * Refuses a JSON body nested deeper than {@link MAX_JSON_DEPTH} with 422 right after it is parsed (`JSON.parse` itself
 * does not recurse), before the idempotency hash, the validation pipe or anything else walks it.
 */
export function refuseDeepBodies(req: Request, _res: Response, next: NextFunction): void {
  try {
    walkRequestValue(req.body, () => undefined);
    next();
  } catch (error) {
    next(error);
  }
}
