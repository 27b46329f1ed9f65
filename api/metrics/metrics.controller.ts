import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { RequestMetrics } from './request-metrics';

/**
 * `GET /metrics` for Prometheus. Public like /health (a scraper holds no officer's token, and public routes are not
 * rate-limited), and left out of the OpenAPI document: it is not part of the officers' contract, and the fuzzing
 * test and the 405 handler work from that document.
 */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: RequestMetrics) {}

  @Get()
  async scrape(@Res({ passthrough: true }) response: Response): Promise<string> {
    response.setHeader('Content-Type', this.metrics.registry.contentType);
    return this.metrics.registry.metrics();
  }
}
