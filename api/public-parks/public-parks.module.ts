import { Module } from '@nestjs/common';
import { PublishedParksRepository } from '../../persistence/repositories/published-parks.repository';
import { repositoryProvider } from '../common/repository-provider';
import { PublicParksController } from './public-parks.controller';
import { PublicParksService } from './public-parks.service';

/** What anyone may read without signing in: the published list of designated parks (R-STAT-1). */
@Module({
  controllers: [PublicParksController],
  providers: [PublicParksService, repositoryProvider(PublishedParksRepository)],
})
export class PublicParksModule {}
