import { Controller, Get, Header, Headers, Inject, NotFoundException, Res, UnauthorizedException } from '@nestjs/common';
import type { Response } from 'express';
import { isKnownToken } from '../admin/known-token';
import { METRICS_TOKENS } from '../service-runtime.tokens';
import { ServiceMetrics } from './service-metrics';

/**
 * GET /metrics for Prometheus, with `Authorization: Bearer <one of METRICS_TOKENS>`. Without
 * METRICS_TOKENS the endpoint is off (404 that says how to turn it on): no entry point is open to
 * anyone by default.
 */
@Controller()
export class MetricsController {
  constructor(
    private readonly metrics: ServiceMetrics,
    @Inject(METRICS_TOKENS) private readonly tokens: readonly string[],
  ) {}

  @Get('metrics')
  @Header('Cache-Control', 'no-store')
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() response: Response): Promise<void> {
    if (this.tokens.length === 0) throw new NotFoundException('metrics are off: set METRICS_TOKENS to turn them on');
    const presented = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    if (!presented || !isKnownToken(presented, this.tokens)) {
      throw new UnauthorizedException('metrics need Authorization: Bearer <a token from METRICS_TOKENS>');
    }
    response.type(this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }
}
