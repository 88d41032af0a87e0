import { Controller, Get, Inject, SetMetadata } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@case-journey/event-store';
import { AppConfiguration } from '@case-journey/platform';
import { PUBLIC_ROUTE } from '../access/access.guard';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(AppConfiguration) private readonly configuration: AppConfiguration,
  ) {}

  @Get()
  @SetMetadata(PUBLIC_ROUTE, true)
  @ApiOperation({ summary: 'Whether the API can read its event store, and where the log ends' })
  async health(): Promise<object> {
    const [last] = await this.store.readAll({ direction: 'backwards', maxCount: 1 });
    return { status: 'ok', eventStore: this.configuration.eventStore, lastPosition: last?.position.toString() ?? null };
  }
}
