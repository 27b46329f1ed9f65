import { Module } from '@nestjs/common';
import { CaseHistoryRepository } from '../../persistence/repositories/case-history.repository';
import { ParkCasesRepository } from '../../persistence/repositories/park-cases.repository';
import { repositoryProvider } from '../common/repository-provider';
import { CaseListService } from './case-list.service';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

@Module({
  controllers: [CasesController],
  providers: [
    CasesService,
    CaseListService,
    repositoryProvider(ParkCasesRepository),
    repositoryProvider(CaseHistoryRepository),
  ],
  exports: [CasesService],
})
export class CasesModule {}
