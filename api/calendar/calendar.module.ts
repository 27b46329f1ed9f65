import { Module } from '@nestjs/common';
import { WorkCalendarRepository } from '../../persistence/repositories/work-calendar.repository';
import { repositoryProvider } from '../common/repository-provider';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';

/** The working-day calendar for every signed-in role (api-contract `GET /v1/calendar`, R-CAL-3). */
@Module({
  controllers: [CalendarController],
  providers: [CalendarService, repositoryProvider(WorkCalendarRepository)],
})
export class CalendarModule {}
