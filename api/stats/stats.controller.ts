import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ApiReadErrors } from '../common/openapi';
import { DesignationStats, DesignationStatsQuery } from './designation-stats.dto';
import { DesignationStatsService } from './designation-stats.service';

@ApiTags('stats')
@ApiBearerAuth()
@ApiReadErrors()
@Controller('v1/stats')
export class StatsController {
  constructor(private readonly designations: DesignationStatsService) {}

  @Get('designations')
  @Roles('municipal')
  @ApiOperation({
    summary:
      'Designated parks, total, per district and per kind (R-APP-9), at a date; the programme target (R-STAT-1, §3)',
  })
  @ApiOkResponse({ type: DesignationStats })
  designationsAt(@Query() query: DesignationStatsQuery): Promise<DesignationStats> {
    return this.designations.at(query.at);
  }
}
