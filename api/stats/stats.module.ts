import { Module } from '@nestjs/common';
import { DesignationStatsService } from './designation-stats.service';
import { StatsController } from './stats.controller';

/** Programme statistics for the municipal bureau (§3). */
@Module({ controllers: [StatsController], providers: [DesignationStatsService] })
export class StatsModule {}
