import type { LoggerService } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import type { RequestWithId } from './request-context';

/** Logs one structured line per finished request: id, method, path, status, duration, caller. */
export function requestLogger(logger: LoggerService) {
  return (request: RequestWithId & AuthenticatedRequest, response: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      const actor = request.actor;
      logger.log(
        {
          message: 'request',
          requestId: request.id,
          method: request.method,
          path: request.originalUrl.split('?')[0],
          status: response.statusCode,
          durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
          ...(actor
            ? { caller: { id: actor.id, role: actor.role, ...(actor.district ? { district: actor.district } : {}) } }
            : {}),
        },
        'Http',
      );
    });
    next();
  };
}
