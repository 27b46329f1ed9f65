import { Module } from '@nestjs/common';
import { ParkCasesRepository } from '../../persistence/repositories/park-cases.repository';
import { CasesModule } from '../cases/cases.module';
import { repositoryProvider } from '../common/repository-provider';
import { CaseActionsController } from './case-actions.controller';
import { CaseActionsService } from './case-actions.service';

/** Officer actions after filing, acceptance through refund (api-contract "Resources"); resubmissions go out here. */
@Module({
  imports: [CasesModule],
  controllers: [CaseActionsController],
  providers: [CaseActionsService, repositoryProvider(ParkCasesRepository)],
  exports: [CaseActionsService],
})
export class CaseActionsModule {}
