import type { Provider } from '@nestjs/common';
import { AppConfiguration } from '@case-journey/platform';
import { BoardPackQueue, PackStore } from '@case-journey/board-pack';
import { apiQueueSite } from '../../read-models/api-queues';

/** The packs on disk (under DATA_DIR) and the queue the worker builds them from. */
export const BOARD_PACK_PROVIDERS: Provider[] = [
  { provide: PackStore, useFactory: (c: AppConfiguration) => new PackStore(c.dataDirectory), inject: [AppConfiguration] },
  {
    provide: BoardPackQueue,
    useFactory: (c: AppConfiguration) => new BoardPackQueue(apiQueueSite(c), { readyWithinMs: c.redisReadTimeoutMs }),
    inject: [AppConfiguration],
  },
];
