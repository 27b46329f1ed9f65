import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ENTITIES } from '../persistence/data-source';
import { CaseActionsModule } from './actions/case-actions.module';
import { ApplicationsModule } from './applications/applications.module';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { CasesModule } from './cases/cases.module';
import { ConsoleModule } from './console/console.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { DistrictsModule } from './districts/districts.module';
import { DocumentsModule } from './documents/documents.module';
import { ObjectStoreModule } from './documents/object-store.module';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OfficersModule } from './officers/officers.module';
import { PublicParksModule } from './public-parks/public-parks.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { StatsModule } from './stats/stats.module';
import { TemporalModule } from './temporal/temporal.module';

/** The parkflow API: feature modules over one Temporal client and the PostgreSQL read model. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot({ type: 'postgres', url: config.DATABASE_URL, entities: ENTITIES, synchronize: false }),
        TemporalModule,
        ObjectStoreModule,
        AuthModule,
        RateLimitModule, // after AuthModule: its guard counts the authenticated caller
        IdempotencyModule,
        ApplicationsModule,
        CasesModule,
        CaseActionsModule,
        DocumentsModule,
        DeadlinesModule,
        StatsModule,
        PublicParksModule,
        CalendarModule,
        DistrictsModule,
        NotificationsModule,
        OfficersModule,
        HealthModule,
        MetricsModule,
        ConsoleModule,
      ],
    };
  }
}
