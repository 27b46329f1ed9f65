import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../workflows/definitions/case';
import { CurrentActor } from '../auth/auth.decorators';
import { ApiReadErrors } from '../common/openapi';
import { ApiPageResponse, type Page } from '../common/paging';
import { DeadlineListQuery, DeadlineItem } from './deadline-list.dto';
import { DeadlinesService } from './deadlines.service';

@ApiTags('deadlines')
@ApiBearerAuth()
@ApiReadErrors()
@Controller('v1/deadlines')
export class DeadlinesController {
  constructor(private readonly deadlines: DeadlinesService) {}

  @Get()
  @ApiOperation({
    summary:
      'Upcoming and overdue deadlines across the cases the caller ' +
      'may see, earliest first; from/to, kind, district, overdue',
  })
  @ApiPageResponse(DeadlineItem)
  list(@CurrentActor() actor: Actor, @Query() query: DeadlineListQuery): Promise<Page<DeadlineItem>> {
    return this.deadlines.list(actor, query);
  }
}
