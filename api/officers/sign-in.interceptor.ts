import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { AppConfig } from '../config/app-config';
import { officerOf, type ProfileClaims } from './officer-profile';
import { SignInRecorder } from './sign-in-recorder';

/**
 * Notes every authenticated request's officer in the officer directory (issue 20 item 2: "recorded when the officer
 * signs in"), from the actor and the claims the auth guard verified. It runs after the guards, so an anonymous or
 * refused request records nobody; the write happens beside the request, never before its answer.
 */
@Injectable()
export class SignInInterceptor implements NestInterceptor {
  private readonly claimNames: ProfileClaims;

  constructor(
    private readonly recorder: SignInRecorder,
    config: AppConfig,
  ) {
    this.claimNames = { emailClaim: config.AUTH_EMAIL_CLAIM, nameClaim: config.AUTH_NAME_CLAIM };
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const { actor, claims } = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (actor && claims) void this.recorder.seen(officerOf(actor, claims, this.claimNames));
    return next.handle();
  }
}
