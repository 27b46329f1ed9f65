import { ApiProperty } from '@nestjs/swagger';

/** A district or county that may apply for and host parks (`GET /v1/districts`). */
export class DistrictView {
  @ApiProperty({ example: '500112', description: 'GB/T 2260 code, or one of the two documented area codes' })
  code!: string;
  @ApiProperty({ example: '渝北区' })
  name!: string;
  @ApiProperty({ example: 'Yubei District' })
  nameEn!: string;
}

/** The answer of `GET /v1/districts`: every district, by code. */
export class DistrictListView {
  @ApiProperty({ type: [DistrictView] })
  items!: DistrictView[];
}
