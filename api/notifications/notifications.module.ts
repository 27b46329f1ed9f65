import { Module } from '@nestjs/common';
import { NotificationsRepository } from '../../persistence/repositories/notifications.repository';
import { repositoryProvider } from '../common/repository-provider';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** The in-app inbox (`GET /v1/notifications`, `POST /v1/notifications/{id}/read`). */
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsService, repositoryProvider(NotificationsRepository)],
})
export class NotificationsModule {}
