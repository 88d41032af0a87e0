import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ServiceMetrics } from '@case-journey/platform';
import { Requires } from '../access/requires.decorator';
import { clusterMetricsOf, inClusterProcess } from '../cluster/api-cluster';
import { ApiProblemResponses } from '../http/problem.response';

@ApiTags('health')
@Controller('metrics')
export class MetricsController {
  /** In a cluster, every process's figures, added up by the primary; otherwise this process's. */
  private readonly exposition: () => Promise<string>;

  constructor(@Inject(ServiceMetrics) private readonly metrics: ServiceMetrics) {
    this.exposition = inClusterProcess() ? clusterMetricsOf([metrics.registry]) : () => metrics.exposition();
  }

  @Get()
  @Requires('service:metrics')
  @ApiProduces('text/plain')
  @ApiProblemResponses(400)
  @ApiOperation({ summary: 'Prometheus metrics of every API process: request durations by route and status, projection lag and rate, queue depths, event store latency' })
  @ApiOkResponse({ description: 'The Prometheus text exposition format', schema: { type: 'string' } })
  async scrape(@Res() response: Response): Promise<void> {
    const text = await this.exposition();
    response.type(this.metrics.contentType).send(text);
  }
}
