import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { zhCN } from '../../i18n/catalogues/zh-CN';
import { translator } from '../../i18n/translator';
import { text } from '../i18n/localized-text';
import type { ErrorBody } from './api-error';
import { classifyOutage, dependencyUnavailableError, RETRY_AFTER_SECONDS } from './dependency-errors';

/** The machine code of an error the framework raised, by status; its text is `errors.status.<code>`. */
type StatusCode = Exclude<keyof typeof zhCN.errors.status, 'other'>;
const CODE_BY_STATUS: Record<number, StatusCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'validation_failed',
  429: 'too_many_requests',
  503: 'service_unavailable',
};

/** The body of an error raised by the framework or the JSON parser: a catalogue text by status, never its English. */
function statusBody(status: number, unlisted: string): ErrorBody {
  const code = CODE_BY_STATUS[status];
  return code
    ? { error: code, message: text(`errors.status.${code}`), details: [] }
    : { error: unlisted, message: text('errors.status.other', { status }), details: [] };
}

/**
 * Renders every error in the contract's shape. An outage of a dependency (Temporal, PostgreSQL; see
 * `classifyOutage`) becomes 503 `dependency_unavailable`; every 503 carries `Retry-After`; other unexpected
 * errors become a 500 without internals.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  constructor(private readonly options: { temporalAddress: string }) {}

  catch(thrown: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    let exception = thrown;
    if (!(thrown instanceof HttpException)) {
      const outage = classifyOutage(thrown, this.options.temporalAddress);
      if (outage) {
        const reason = translator.translate(outage.reason.$text, 'en');
        this.logger.warn(`${reason}: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
        exception = dependencyUnavailableError(outage);
      }
    }
    const status = this.statusOf(exception);
    if (status === HttpStatus.SERVICE_UNAVAILABLE && !response.getHeader('Retry-After'))
      response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    response.status(status).json(this.bodyOf(exception));
  }

  private statusOf(exception: unknown): number {
    if (exception instanceof HttpException) return exception.getStatus();
    const status = (exception as { status?: unknown })?.status; // body-parser errors (413, 400) carry one
    return typeof status === 'number' && status >= 400 && status < 600 ? status : HttpStatus.INTERNAL_SERVER_ERROR;
  }

  private bodyOf(exception: unknown): ErrorBody {
    const status = this.statusOf(exception);
    if (exception instanceof HttpException) {
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null && 'error' in response && 'details' in response) {
        return response as ErrorBody;
      }
      return statusBody(status, 'error'); // e.g. Nest's own 404 for an unknown route
    }
    if (status < 500) return statusBody(status, 'bad_request');
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return { error: 'internal_error', message: text('errors.internal'), details: [] };
  }
}
