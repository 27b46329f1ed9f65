import { Module } from '@nestjs/common';
import { CaseDeadlinesRepository } from '../../persistence/repositories/case-deadlines.repository';
import { repositoryProvider } from '../common/repository-provider';
import { DeadlinesController } from './deadlines.controller';
import { DeadlinesService } from './deadlines.service';

/** Deadlines across cases (api-contract `GET /v1/deadlines`). */
@Module({
  controllers: [DeadlinesController],
  providers: [DeadlinesService, repositoryProvider(CaseDeadlinesRepository)],
})
export class DeadlinesModule {}
