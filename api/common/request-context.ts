import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/**
 * The request's id, for the log lines written while serving it (api/common/json-logger.ts) without threading it
 * through every call. Nothing a request decides on is kept here: inputs are passed as arguments.
 */
export interface RequestContext {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The context of the request being served, if any. */
export const currentRequest = (): RequestContext | undefined => storage.getStore();

export type RequestWithId = Request & { id?: string };

/** A caller-supplied `X-Request-Id` is kept when it is a sane token, so a trace crosses systems. */
const ACCEPTABLE_REQUEST_ID = /^[\w.:-]{1,100}$/;

/** First middleware: every request gets an id (echoed as `X-Request-Id`) before anything can fail. */
export function assignRequestId(request: RequestWithId, response: Response, next: NextFunction): void {
  const offered = request.header('x-request-id');
  request.id = offered && ACCEPTABLE_REQUEST_ID.test(offered) ? offered : randomUUID();
  response.setHeader('X-Request-Id', request.id);
  next();
}

/** Runs the rest of the request inside its {@link RequestContext} (registered after body parsing). */
export function runInRequestContext(request: RequestWithId, _response: Response, next: NextFunction): void {
  storage.run({ requestId: request.id ?? randomUUID() }, next);
}
