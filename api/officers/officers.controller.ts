import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ApiPageResponse, type Page } from '../common/paging';
import { OfficerQuery, OfficerView } from './officer.dto';
import { OfficersService } from './officers.service';

@ApiTags('officers')
@ApiBearerAuth()
@Roles('municipal')
@Controller('v1/officers')
export class OfficersController {
  constructor(private readonly officers: OfficersService) {}

  @Get()
  @ApiOperation({
    summary:
      'The officer directory (municipal bureau only): every officer recorded at sign-in or imported from the ' +
      'identity provider, by subject; emailable=false lists those notices cannot reach by email',
  })
  @ApiPageResponse(OfficerView)
  list(@Query() query: OfficerQuery): Promise<Page<OfficerView>> {
    return this.officers.list(query);
  }
}
