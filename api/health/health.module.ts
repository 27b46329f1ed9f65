import { Module } from '@nestjs/common';
import { CaseHistoryRepository } from '../../persistence/repositories/case-history.repository';
import { DatabaseHealthRepository } from '../../persistence/repositories/database-health.repository';
import { repositoryProvider } from '../common/repository-provider';
import { HealthController } from './health.controller';

/** Liveness and readiness (`GET /health/live`, `GET /health/ready`, with the schedule's lag). */
@Module({
  controllers: [HealthController],
  providers: [repositoryProvider(DatabaseHealthRepository), repositoryProvider(CaseHistoryRepository)],
})
export class HealthModule {}
