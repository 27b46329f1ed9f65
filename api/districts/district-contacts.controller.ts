import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { DistrictContactsDto, type DistrictContactsView } from './district-contacts.dto';
import { DistrictContactsService } from './district-contacts.service';

@ApiTags('districts')
@ApiBearerAuth()
@Roles('municipal')
@Controller('v1/districts/:code/contacts')
export class DistrictContactsController {
  constructor(private readonly contacts: DistrictContactsService) {}

  @Get()
  @ApiOperation({ summary: "The district bureau's email addresses for reminders and notices (municipal bureau only)" })
  @ApiOkResponse({ description: '{ district, contacts: [{ email, name?, locale }] }' })
  get(@Param('code') code: string): Promise<DistrictContactsView> {
    return this.contacts.get(code);
  }

  @Put()
  @ApiOperation({
    summary: "Replaces the district bureau's email addresses: 0..20 distinct, locale zh-CN (default) or en",
  })
  @ApiOkResponse({ description: 'the stored list' })
  replace(@Param('code') code: string, @Body() body: DistrictContactsDto): Promise<DistrictContactsView> {
    return this.contacts.replace(code, body);
  }
}
