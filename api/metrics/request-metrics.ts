import { Inject, Injectable } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { registerClientCertificateExpiry } from '../../config/client-certificate-metric';
import type { TemporalClientAccess } from '../../config/temporal-access';
import { TEMPORAL_ACCESS } from '../temporal/temporal-client.token';
import { documentedRoutes, routeTemplateOf } from './route-template';
import { REQUEST_METRICS } from './series';

/** Seconds; up to past the longest an officer action waits for its outcome (`UPDATE_WAIT_MS`, 10 s by default). */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30];

type RequestLabels = 'method' | 'route' | 'status';

/**
 * The API's metrics ({@link REQUEST_METRICS}, Node's process metrics and its Temporal client certificate's expiry) in
 * a registry of this application's own, not prom-client's global one: tests run several API instances in one process.
 */
@Injectable()
export class RequestMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<RequestLabels>;
  private readonly duration: Histogram<RequestLabels>;

  constructor(@Inject(TEMPORAL_ACCESS) temporal: Pick<TemporalClientAccess, 'clientCertificateExpiry'>) {
    collectDefaultMetrics({ register: this.registry });
    registerClientCertificateExpiry(this.registry, temporal.clientCertificateExpiry);
    const labelNames: RequestLabels[] = ['method', 'route', 'status'];
    this.requests = new Counter({
      name: REQUEST_METRICS.requests,
      help: 'HTTP requests answered, by method, route template and status',
      labelNames,
      registers: [this.registry],
    });
    this.duration = new Histogram({
      name: REQUEST_METRICS.duration,
      help: 'Seconds from a request to the end of its answer, by method, route template and status',
      labelNames,
      buckets: DURATION_BUCKETS,
      registers: [this.registry],
    });
  }

  /**
   * Express middleware counting and timing every answered request, labelled with its route template (routes resolve
   * after this middleware runs, so the label is read when the answer is finished). `document` supplies the templates
   * of requests answered before routing.
   */
  middleware(document: OpenAPIObject): (request: Request, response: Response, next: NextFunction) => void {
    const documented = documentedRoutes(document);
    return (request, response, next) => {
      const started = process.hrtime.bigint();
      response.on('finish', () => {
        const labels = {
          method: request.method,
          route: routeTemplateOf(request, documented),
          status: String(response.statusCode),
        };
        this.requests.inc(labels);
        this.duration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
      });
      next();
    };
  }
}
