import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DistrictRecord } from '../../persistence/entities/district.entity';
import { DistrictsController } from './districts.controller';

@Module({ imports: [TypeOrmModule.forFeature([DistrictRecord])], controllers: [DistrictsController] })
export class DistrictsModule {}
