import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../workflows/definitions/case';
import { CurrentActor } from '../auth/auth.decorators';
import { ApiPageResponse } from '../common/paging';
import { NotificationQuery, NotificationView, UNREAD_COUNT_SCHEMA, type NotificationPage } from './notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('v1/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({
    summary:
      "The caller's reminders and notices, newest first, with their email delivery (filters unread, caseId, kind): " +
      "a district bureau's, the municipal bureau's, an expert's own, the finance desk's; read marks per officer",
  })
  @ApiPageResponse(NotificationView, UNREAD_COUNT_SCHEMA)
  list(@CurrentActor() actor: Actor, @Query() query: NotificationQuery): Promise<NotificationPage> {
    return this.notifications.list(actor, query);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: "Marks one of the caller's notifications read by the caller (idempotent)" })
  @ApiOkResponse({ type: NotificationView })
  markRead(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<NotificationView> {
    return this.notifications.markRead(actor, id);
  }
}
