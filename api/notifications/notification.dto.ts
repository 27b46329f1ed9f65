import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { NOTICE_KINDS, type NoticeKind } from '../../workflows/definitions/records';
import { DELIVERY_STATUSES } from '../../workflows/definitions/notice-delivery';
import { booleanQuery, PageQuery, type Page } from '../common/paging';
import type { LocalizedText } from '../i18n/localized-text';

/** Filters of `GET /v1/notifications`, with paging. */
export class NotificationQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'only notifications not yet marked read' })
  @IsOptional()
  @booleanQuery
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;

  @ApiPropertyOptional({ description: 'only this case' })
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @ApiPropertyOptional({ enum: NOTICE_KINDS })
  @IsOptional()
  @IsIn(NOTICE_KINDS)
  kind?: NoticeKind;
}

export class DeliveryFailureView {
  @ApiProperty()
  address!: string;
  @ApiProperty()
  error!: string;
}

export class DeliveryView {
  @ApiProperty({
    enum: DELIVERY_STATUSES,
    description:
      'email delivery: inbox_only (no email), pending, delivered, partially_failed, failed, no_contacts (flagged)',
  })
  status!: (typeof DELIVERY_STATUSES)[number];

  @ApiProperty({ type: [DeliveryFailureView], description: 'addresses that refused the email for good' })
  failures!: DeliveryFailureView[];
}

/** One reminder or notice in the caller's inbox (api-contract "Notifications"). */
export class NotificationView {
  @ApiProperty({ description: "the notification's key" })
  id!: string;
  @ApiProperty({ enum: NOTICE_KINDS })
  kind!: string;
  @ApiProperty()
  caseId!: string;
  @ApiPropertyOptional({ description: 'the deadline it is about (policy date)' })
  dueAt?: string;
  @ApiProperty({ description: 'when it was issued (policy date)' })
  createdAt!: string;
  @ApiProperty()
  read!: boolean;
  @ApiProperty({ description: 'the policy clause, e.g. §5.3 R-RPT-1' })
  clause!: string;
  @ApiProperty({ type: String, description: "in the reader's language (Accept-Language)" })
  message!: LocalizedText | string;
  @ApiProperty()
  parkName!: string;
  @ApiProperty({ type: DeliveryView })
  delivery!: DeliveryView;
}

/** A page of the caller's inbox, with how many of its notices (under the filters) the caller has not read. */
export type NotificationPage = Page<NotificationView> & { unreadCount: number };

/** `unreadCount` in the OpenAPI document (see `ApiPageResponse`). */
export const UNREAD_COUNT_SCHEMA = {
  unreadCount: {
    type: 'integer',
    minimum: 0,
    description: 'how many notices the caller has not read, over all pages (filters caseId and kind apply)',
  },
} as const;
