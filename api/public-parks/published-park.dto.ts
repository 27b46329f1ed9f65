import { ApiProperty } from '@nestjs/swagger';
import { PARK_KINDS, type ParkKindCode } from '../../workflows/definitions/application';
import { PUBLISHED_STAGES, type PublishedStage } from '../../workflows/definitions/case';

/** One park on the published list (R-STAT-1, §5.1 名单): what may be published of it, nothing else. */
export class PublishedParkView {
  @ApiProperty({ example: '渝北人力资源服务产业园' })
  parkName!: string;

  @ApiProperty({ example: '500112', description: 'the district code (GB/T 2260, or one of the two documented codes)' })
  district!: string;

  @ApiProperty({ example: '渝北区', description: "the district's name in the reader's language (Accept-Language)" })
  districtName!: string;

  @ApiProperty({
    enum: PARK_KINDS,
    nullable: true,
    example: 'regional',
    description:
      'R-APP-9: regional (区域性) or specialised (专业性), as the application states it; null when it does not',
  })
  kind!: ParkKindCode | null;

  @ApiProperty({ type: 'integer', example: 2026, description: 'the Chongqing year of the designation (R-CAL-1)' })
  designatedYear!: number;

  @ApiProperty({ example: 'CQ-HRP-2026-1A2B3C4D' })
  certificateNo!: string;

  @ApiProperty({ enum: PUBLISHED_STAGES, description: 'designated, or rectifying while a rectification order is open' })
  status!: PublishedStage;
}

/** The answer of `GET /v1/public/designated-parks`: by district, then year of designation, then name. */
export class PublishedParkListView {
  @ApiProperty({ type: [PublishedParkView] })
  items!: PublishedParkView[];
}
