import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ParkCaseRecord } from '../../persistence/entities/park-case.entity';
import { CaseListService } from './case-list.service';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

@Module({
  imports: [TypeOrmModule.forFeature([ParkCaseRecord])],
  controllers: [CasesController],
  providers: [CasesService, CaseListService],
  exports: [CasesService],
})
export class CasesModule {}
