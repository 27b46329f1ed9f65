import { HttpStatus } from '@nestjs/common';
import { MulterError } from 'multer';
import type { MessageParams } from '../../workflows/definitions/message-ref';
import { ApiError, invalidRequest, nested, notFound } from '../common/api-error';
import { DEPENDENCY_UNAVAILABLE, RETRY_AFTER_SECONDS } from '../common/dependency-errors';
import { text } from '../i18n/localized-text';
import type { RosterUnreadable } from './agency-roster';
import { LINK_LIFETIME_SECONDS, type LinkRefusal } from './document-link';

/** The form field that carries the paper: every refusal of the file itself names it. */
export const FILE_FIELD = 'file';
/** The field of the 503 when the object store is down (issue 25: "503 naming it"). */
export const OBJECT_STORE_FIELD = 'object_store';
/** The policy rule of papers kept with the case. */
const RULE = 'R-DOC-1';

/** 404 for a paper that does not exist, is not recorded yet, or belongs to a case the caller may not see. */
export const documentNotFound = (documentId: string): ApiError => notFound(nested('documents.thing', { documentId }));

/** 415: an upload is `multipart/form-data` only. */
export const notMultipart = (contentType: string | undefined): ApiError =>
  new ApiError(
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    'unsupported_media_type',
    text('documents.notMultipart', { contentType: contentType ?? '' }),
  );

/** 422: the form holds no file. */
export const fileMissing = (): ApiError =>
  invalidRequest([{ field: FILE_FIELD, message: text('documents.fileMissing', { field: FILE_FIELD }) }]);

/** 413 naming `file`: larger than DOCUMENT_MAX_BYTES. */
export function fileTooLarge(maxBytes: number): ApiError {
  const maxMegabytes = Math.round((maxBytes / 2 ** 20) * 100) / 100;
  return new ApiError(
    HttpStatus.PAYLOAD_TOO_LARGE,
    'payload_too_large',
    text('documents.tooLargeSummary', { maxMegabytes }),
    [{ field: FILE_FIELD, message: text('documents.tooLarge', { field: FILE_FIELD, maxBytes, maxMegabytes }) }],
  );
}

/** 415 naming `file`: its content is none of the allowed types (R-DOC-1), whatever its name says. */
export const typeNotAllowed = (): ApiError =>
  new ApiError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'unsupported_media_type', text('documents.typeNotAllowedSummary'), [
    { field: FILE_FIELD, rule: RULE, message: text('documents.typeNotAllowed', { field: FILE_FIELD, rule: RULE }) },
  ]);

/** 422 naming `file`: an XLSX agency roster whose rows cannot be read. */
export function rosterUnreadable(problem: RosterUnreadable): ApiError {
  const reason = nested(`documents.rosterReasons.${problem.reason}`, problem.params);
  const params: MessageParams = { field: FILE_FIELD, rule: RULE, reason };
  return invalidRequest([{ field: FILE_FIELD, rule: RULE, message: text('documents.rosterUnreadable', params) }]);
}

/** 503 naming `object_store`: it cannot be reached, and nothing was stored. */
export const objectStoreUnavailable = (): ApiError =>
  new ApiError(
    HttpStatus.SERVICE_UNAVAILABLE,
    DEPENDENCY_UNAVAILABLE,
    text('errors.unavailable', { reason: nested('documents.objectStoreUnreachable'), seconds: RETRY_AFTER_SECONDS }),
    [{ field: OBJECT_STORE_FIELD, message: text('documents.objectStoreDetail') }],
  );

/** 403: a download link that has expired or that this API did not sign. */
export const linkRefused = (refusal: LinkRefusal, documentId: string): ApiError =>
  new ApiError(
    HttpStatus.FORBIDDEN,
    refusal === 'expired' ? 'link_expired' : 'link_invalid',
    refusal === 'expired'
      ? text('documents.linkExpired', { documentId, minutes: LINK_LIFETIME_SECONDS / 60 })
      : text('documents.linkForged', { documentId }),
  );

/**
 * A refusal of the multipart form as the parser met it: a file above the limit (413), a second file or one under
 * another name, a field too long or too many (422 naming it); anything else is a malformed body (400).
 */
export function formError(error: unknown, maxBytes: number): ApiError {
  if (!(error instanceof MulterError)) {
    return new ApiError(HttpStatus.BAD_REQUEST, 'bad_request', text('errors.status.bad_request'));
  }
  if (error.code === 'LIMIT_FILE_SIZE') return fileTooLarge(maxBytes);
  const field = error.field ?? FILE_FIELD;
  const fileProblem = error.code === 'LIMIT_FILE_COUNT' || error.code === 'LIMIT_UNEXPECTED_FILE';
  return invalidRequest([
    { field, message: text(fileProblem ? 'documents.oneFileOnly' : 'documents.formField', { field }) },
  ]);
}
