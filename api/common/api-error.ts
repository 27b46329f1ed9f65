import { HttpException, HttpStatus } from '@nestjs/common';

/** One entry of an error's `details` (api-contract "Errors"). */
export interface ErrorDetail {
  field?: string;
  rule?: string;
  message: string;
}

/** The contract's 4xx/5xx body: `{ error, message, details }`. */
export interface ErrorBody {
  error: string;
  message: string;
  details: ErrorDetail[];
}

/** An HTTP error whose body is already in the contract's shape. */
export class ApiError extends HttpException {
  constructor(status: HttpStatus, error: string, message: string, details: ErrorDetail[] = []) {
    super({ error, message, details } satisfies ErrorBody, status);
  }
}

export const notFound = (what: string): ApiError =>
  new ApiError(HttpStatus.NOT_FOUND, 'not_found', `${what} was not found`);
