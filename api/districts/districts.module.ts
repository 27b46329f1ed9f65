import { Module } from '@nestjs/common';
import { DistrictsRepository } from '../../persistence/repositories/districts.repository';
import { repositoryProvider } from '../common/repository-provider';
import { DistrictContactsController } from './district-contacts.controller';
import { DistrictContactsService } from './district-contacts.service';
import { DistrictsController } from './districts.controller';

@Module({
  controllers: [DistrictsController, DistrictContactsController],
  providers: [DistrictContactsService, repositoryProvider(DistrictsRepository)],
})
export class DistrictsModule {}
