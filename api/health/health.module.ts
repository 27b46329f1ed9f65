import { Module } from '@nestjs/common';
import { DatabaseHealthRepository } from '../../persistence/repositories/database-health.repository';
import { repositoryProvider } from '../common/repository-provider';
import { HealthController } from './health.controller';

/** Liveness and readiness (`GET /health/live`, `GET /health/ready`). */
@Module({ controllers: [HealthController], providers: [repositoryProvider(DatabaseHealthRepository)] })
export class HealthModule {}
