import { Logger, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { OfficersRepository } from '../../persistence/repositories/officers.repository';
import { repositoryProvider } from '../common/repository-provider';
import { MeController } from './me.controller';
import { OfficersController } from './officers.controller';
import { OfficersService } from './officers.service';
import { SignInInterceptor } from './sign-in.interceptor';
import { SignInRecorder } from './sign-in-recorder';

const logger = new Logger('OfficerDirectory');

/**
 * The officer directory (issue 20 item 2): every authenticated request records its officer (sign-in), `GET /v1/me`
 * answers who the caller is, `GET /v1/officers` lists the directory for the municipal bureau.
 */
@Module({
  controllers: [MeController, OfficersController],
  providers: [
    OfficersService,
    repositoryProvider(OfficersRepository),
    {
      provide: SignInRecorder,
      useFactory: (officers: OfficersRepository) => new SignInRecorder(officers, (message) => logger.warn(message)),
      inject: [OfficersRepository],
    },
    { provide: APP_INTERCEPTOR, useClass: SignInInterceptor },
  ],
})
export class OfficersModule {}
