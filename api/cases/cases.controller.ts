import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../workflows/definitions/case';
import { CaseIdPipe } from './case-id.pipe';
import { CurrentActor } from '../auth/auth.decorators';
import type { CaseView } from './case-view';
import { CasesService, type HistoryEntry } from './cases.service';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('v1/cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get(':caseId')
  @ApiOperation({ summary: 'The case: stage, deadlines, deficiencies, … (scoped to the caller)' })
  @ApiOkResponse({ description: 'the case' })
  get(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
  ): Promise<CaseView> {
    return this.cases.get(actor, caseId);
  }

  @Get(':caseId/history')
  @ApiOperation({ summary: 'The audit trail: every accepted action and system event, who, when, what' })
  history(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
  ): Promise<{ items: HistoryEntry[] }> {
    return this.cases.history(actor, caseId);
  }
}
