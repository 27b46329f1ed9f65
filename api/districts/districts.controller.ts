import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DistrictsRepository } from '../../persistence/repositories/districts.repository';
import { DistrictListView } from './district.view';

@ApiTags('districts')
@ApiBearerAuth()
@Controller('v1/districts')
export class DistrictsController {
  constructor(private readonly districts: DistrictsRepository) {}

  @Get()
  @ApiOperation({ summary: 'The valid district codes (GB/T 2260, plus the two documented area codes)' })
  @ApiOkResponse({ type: DistrictListView })
  async list(): Promise<DistrictListView> {
    const records = await this.districts.list();
    // the view, not the entity: a column added to the table must not appear in the contract by accident
    return { items: records.map(({ code, name, nameEn }) => ({ code, name, nameEn })) };
  }
}
