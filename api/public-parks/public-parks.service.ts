import { Injectable } from '@nestjs/common';
import {
  PublishedParksRepository,
  type PublishedParkRecord,
} from '../../persistence/repositories/published-parks.repository';
import { chongqingYear } from '../../workflows/definitions/civil-date';
import type { Locale } from '../../workflows/definitions/message-ref';
import type { PublishedParkListView, PublishedParkView } from './published-park.dto';

/** Park names in the order a Chinese reader looks them up (pinyin). */
const byName = new Intl.Collator('zh-CN').compare;

/** Only the published fields: a field added to the record must not reach the public by accident. */
const viewOf = (park: PublishedParkRecord, locale: Locale): PublishedParkView => ({
  parkName: park.parkName,
  district: park.district.code,
  districtName: locale === 'en' ? park.district.nameEn : park.district.name,
  kind: park.kind,
  designatedYear: chongqingYear(park.designatedAt.toISOString()),
  certificateNo: park.certificateNo,
  status: park.stage,
});

/** `GET /v1/public/designated-parks`: the published list of designated parks (R-STAT-1, §5.1 名单). */
@Injectable()
export class PublicParksService {
  constructor(private readonly parks: PublishedParksRepository) {}

  /** The parks on the list now, by district code, then year of designation, then name. */
  async list(locale: Locale): Promise<PublishedParkListView> {
    const items = (await this.parks.onTheList()).map((park) => viewOf(park, locale));
    items.sort(
      (a, b) =>
        a.district.localeCompare(b.district) || a.designatedYear - b.designatedYear || byName(a.parkName, b.parkName),
    );
    return { items };
  }
}
