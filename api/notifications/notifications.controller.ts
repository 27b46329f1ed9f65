import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../workflows/definitions/case';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ApiPageResponse, type Page } from '../common/paging';
import { NotificationQuery, NotificationView } from './notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Roles('district', 'municipal')
@Controller('v1/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({
    summary:
      "The caller's reminders and notices, newest first, with their email delivery (filters unread, caseId, kind)",
  })
  @ApiPageResponse(NotificationView)
  list(@CurrentActor() actor: Actor, @Query() query: NotificationQuery): Promise<Page<NotificationView>> {
    return this.notifications.list(actor, query);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: "Marks one of the caller's notifications read (idempotent)" })
  @ApiOkResponse({ type: NotificationView })
  markRead(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<NotificationView> {
    return this.notifications.markRead(actor, id);
  }
}
