import { Module } from '@nestjs/common';
import { CaseActionsModule } from '../actions/case-actions.module';
import { CasesModule } from '../cases/cases.module';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';
import { ResubmissionController } from './resubmission.controller';

@Module({
  imports: [CasesModule, CaseActionsModule],
  controllers: [ApplicationsController, ResubmissionController],
  providers: [ApplicationsService],
})
export class ApplicationsModule {}
