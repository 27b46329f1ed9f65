import { HttpException, HttpStatus } from '@nestjs/common';
import type { MessageCode } from '../../i18n/catalogue';
import type { MessageParams, MessageRef } from '../../workflows/definitions/message-ref';
import { text, type LocalizedText } from '../i18n/localized-text';

/** One entry of an error's `details` (api-contract "Errors"). */
export interface ErrorDetail {
  field?: string;
  rule?: string;
  /**
   * In the reader's language once the answer is written. A string only where a workflow of an earlier build stored
   * an English sentence instead of a code (`textOf`'s fallback); every text the API writes itself is a catalogue text.
   */
  message: LocalizedText | string;
}

/** The contract's 4xx/5xx body: `{ error, message, details }`. */
export interface ErrorBody {
  error: string;
  /** In the reader's language once the answer is written (`answerInReadersLanguage`). */
  message: LocalizedText;
  details: ErrorDetail[];
}

/** An HTTP error whose body is already in the contract's shape. */
export class ApiError extends HttpException {
  constructor(status: HttpStatus, error: string, message: LocalizedText, details: ErrorDetail[] = []) {
    super({ error, message, details } satisfies ErrorBody, status);
  }
}

/** A catalogue text to nest in another as a parameter (`notFound(nested('errors.things.case', { caseId }))`). */
export const nested = (code: MessageCode, params?: MessageParams): MessageRef => text(code, params).$text;

/** 404 naming what was not found, itself a catalogue text: `notFound(nested('errors.things.case', { caseId }))`. */
export const notFound = (what: MessageRef): ApiError =>
  new ApiError(HttpStatus.NOT_FOUND, 'not_found', text('errors.notFound', { what }));

/**
 * 422 `validation_failed` (api-contract "Errors"): one detail per failed field, each naming it; the message lists
 * the fields (`请求内容有误：parkName、agencies.0.creditCode`).
 */
export function invalidRequest(details: ErrorDetail[]): ApiError {
  const fields = [...new Set(details.flatMap((detail) => (detail.field === undefined ? [] : [detail.field])))];
  const message = fields.length > 0 ? text('validation.request', { fields }) : text('errors.status.validation_failed');
  return new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'validation_failed', message, details);
}
