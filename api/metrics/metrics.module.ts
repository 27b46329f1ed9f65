import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { RequestMetrics } from './request-metrics';

/** Request and process metrics on `GET /metrics` (README "Metrics"); `createApp` installs the counting middleware. */
@Module({ controllers: [MetricsController], providers: [RequestMetrics], exports: [RequestMetrics] })
export class MetricsModule {}
