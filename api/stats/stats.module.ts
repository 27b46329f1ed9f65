import { Module } from '@nestjs/common';
import { DesignationStatsRepository } from '../../persistence/repositories/designation-stats.repository';
import { repositoryProvider } from '../common/repository-provider';
import { DesignationStatsService } from './designation-stats.service';
import { StatsController } from './stats.controller';

/** Programme statistics for the municipal bureau (§3). */
@Module({
  controllers: [StatsController],
  providers: [DesignationStatsService, repositoryProvider(DesignationStatsRepository)],
})
export class StatsModule {}
