import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DistrictRecord } from '../../persistence/entities/district.entity';
import { DistrictContactsController } from './district-contacts.controller';
import { DistrictContactsService } from './district-contacts.service';
import { DistrictsController } from './districts.controller';

@Module({
  imports: [TypeOrmModule.forFeature([DistrictRecord])],
  controllers: [DistrictsController, DistrictContactsController],
  providers: [DistrictContactsService],
})
export class DistrictsModule {}
