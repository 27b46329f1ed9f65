import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../workflows/definitions/case';
import { CurrentActor } from '../auth/auth.decorators';
import { ApiPageResponse, type Page } from '../common/paging';
import { ApiReadErrors } from '../common/openapi';
import { CaseIdPipe } from './case-id.pipe';
import { CaseListQuery, CaseSummary } from './case-list.dto';
import { CaseListService } from './case-list.service';
import { CaseView } from './case-view';
import { HistoryPage } from './case-history.view';
import { CasesService } from './cases.service';

@ApiTags('cases')
@ApiBearerAuth()
@ApiReadErrors()
@Controller('v1/cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly caseList: CaseListService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Cases the caller may see, newest first; filters stage, district, overdue; cursor paging' })
  @ApiPageResponse(CaseSummary)
  list(@CurrentActor() actor: Actor, @Query() query: CaseListQuery): Promise<Page<CaseSummary>> {
    return this.caseList.list(actor, query);
  }

  @Get(':caseId')
  @ApiParam({ name: 'caseId', format: 'uuid' })
  @ApiOperation({
    summary:
      'The case: stage, deadlines, deficiencies, panel, reviews, designation, payments, reports, evaluations, refund',
  })
  @ApiOkResponse({ type: CaseView })
  get(@CurrentActor() actor: Actor, @Param('caseId', CaseIdPipe) caseId: string): Promise<CaseView> {
    return this.cases.get(actor, caseId);
  }

  @Get(':caseId/history')
  @ApiParam({ name: 'caseId', format: 'uuid' })
  @ApiOperation({ summary: 'The audit trail: every accepted action and system event, who, when, what' })
  @ApiOkResponse({ type: HistoryPage })
  history(@CurrentActor() actor: Actor, @Param('caseId', CaseIdPipe) caseId: string): Promise<HistoryPage> {
    return this.cases.history(actor, caseId);
  }
}
