import { Controller, Get, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DEFAULT_LOCALE } from '../../workflows/definitions/message-ref';
import { Public } from '../auth/auth.decorators';
import type { RequestWithLocale } from '../i18n/answer-language';
import { PublishedParkListView } from './published-park.dto';
import { PublicParksService } from './public-parks.service';

@ApiTags('public')
@Public()
@Controller('v1/public/designated-parks')
export class PublicParksController {
  constructor(private readonly parks: PublicParksService) {}

  @Get()
  @ApiOperation({
    summary: 'The published list of designated parks (R-STAT-1, §5.1 名单), no token needed',
    description:
      'The parks on the list now — designated, or rectifying — each with its name, district, kind (R-APP-9), year ' +
      'of designation and certificate number, and nothing else; a revoked park has left it. By district code, then ' +
      'year of designation, then name.',
  })
  @ApiOkResponse({ type: PublishedParkListView })
  list(@Req() request: RequestWithLocale): Promise<PublishedParkListView> {
    return this.parks.list(request.locale ?? DEFAULT_LOCALE);
  }
}
