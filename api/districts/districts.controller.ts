import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { DistrictRecord } from '../../persistence/entities/district.entity';

@ApiTags('districts')
@ApiBearerAuth()
@Controller('v1/districts')
export class DistrictsController {
  constructor(@InjectRepository(DistrictRecord) private readonly districts: Repository<DistrictRecord>) {}

  @Get()
  @ApiOperation({ summary: 'The valid district codes (GB/T 2260, plus the two documented area codes)' })
  async list(): Promise<{ items: DistrictRecord[] }> {
    return { items: await this.districts.find({ order: { code: 'ASC' } }) };
  }
}
