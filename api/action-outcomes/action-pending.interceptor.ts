import { HttpStatus, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import { ActionPending } from './action-pending';

/** An action accepted but still completing is answered 202 Accepted instead of the route's 200. */
@Injectable()
export class ActionPendingInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((value: unknown) => {
        if (value instanceof ActionPending) context.switchToHttp().getResponse<Response>().status(HttpStatus.ACCEPTED);
        return value;
      }),
    );
  }
}
