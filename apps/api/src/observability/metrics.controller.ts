import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ServiceMetrics } from '@case-journey/platform';
import { Requires } from '../access/requires.decorator';

@ApiTags('health')
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(ServiceMetrics) private readonly metrics: ServiceMetrics) {}

  @Get()
  @Requires('service:metrics')
  @ApiProduces('text/plain')
  @ApiOperation({ summary: 'Prometheus metrics: request durations by route and status, projection lag and rate, queue depths, event store latency' })
  async scrape(@Res() response: Response): Promise<void> {
    const text = await this.metrics.exposition();
    response.type(this.metrics.contentType).send(text);
  }
}
