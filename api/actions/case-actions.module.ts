import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CaseActionsController } from './case-actions.controller';
import { CaseActionsService } from './case-actions.service';

/** Officer actions after filing: acceptance through refund (api-contract "Resources"). */
@Module({ imports: [CasesModule], controllers: [CaseActionsController], providers: [CaseActionsService] })
export class CaseActionsModule {}
