import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import { createHash } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { FILE_FIELD, formError, notMultipart } from './document-errors';

/** The form's text fields (purpose, replaces) are short; a value longer than this is refused, not stored. */
const FIELD_VALUE_BYTES = 1024;

/** The uploaded file as the form parser leaves it on the request (memory storage). */
export interface UploadedPaper {
  buffer: Buffer;
  originalname: string;
  size: number;
}

/** An upload's request once the form is read: its file, if the form had one under `file`. */
export type UploadRequest = Request & { file?: UploadedPaper };

/**
 * Reads an upload's `multipart/form-data` body (multer, in memory) once the caller is authenticated and allowed, and
 * before the interceptors run: `file` — one, at most DOCUMENT_MAX_BYTES (413 naming it) — and the text fields, whose
 * names the body's validation then checks. In the body, `file` becomes the file's fingerprint, so that the
 * `Idempotency-Key` of an upload covers the file too: the same key with another file is 422, not the first answer.
 * Any other body is 415: an upload is a form, so a browser's file input and curl's `-F` both work. A guard for when it
 * runs, not for what it decides: it never refuses a caller (the global guards did), only a body.
 */
@Injectable()
export class DocumentFormGuard implements CanActivate {
  private readonly parse: RequestHandler;
  private readonly maxBytes: number;

  constructor(config: AppConfig) {
    this.maxBytes = config.DOCUMENT_MAX_BYTES;
    this.parse = multer({
      storage: multer.memoryStorage(),
      defParamCharset: 'utf8', // a Chinese file name, as browsers send it
      limits: { fileSize: this.maxBytes, files: 1, fieldSize: FIELD_VALUE_BYTES, fields: 10, parts: 11 },
    }).single(FILE_FIELD);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<UploadRequest>();
    if (!request.is('multipart/form-data')) throw notMultipart(request.headers['content-type']);
    const response = context.switchToHttp().getResponse<Response>();
    await new Promise<void>((resolve, reject) =>
      this.parse(request, response, (error?: unknown) => (error ? reject(formError(error, this.maxBytes)) : resolve())),
    );
    if (request.file) {
      const sha256 = createHash('sha256').update(request.file.buffer).digest('hex');
      request.body = { ...request.body, [FILE_FIELD]: { sha256, size: request.file.size } };
    }
    return true;
  }
}
