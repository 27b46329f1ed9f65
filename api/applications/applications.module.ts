import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';
import { ResubmissionController } from './resubmission.controller';

@Module({
  imports: [CasesModule],
  controllers: [ApplicationsController, ResubmissionController],
  providers: [ApplicationsService],
})
export class ApplicationsModule {}
