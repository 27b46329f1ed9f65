import { Controller, Get, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../workflows/definitions/case';
import { CurrentActor, type AuthenticatedRequest } from '../auth/auth.decorators';
import { MeView } from './officer.dto';
import { OfficersService } from './officers.service';

@ApiTags('officers')
@ApiBearerAuth()
@Controller('v1/me')
export class MeController {
  constructor(private readonly officers: OfficersService) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in officer: subject, role, district, name and email (every role)' })
  @ApiOkResponse({ type: MeView })
  me(@CurrentActor() actor: Actor, @Req() request: AuthenticatedRequest): Promise<MeView> {
    return this.officers.me(actor, request.claims ?? {});
  }
}
