import type { Provider } from '@nestjs/common';
import { AppConfiguration } from '@case-journey/platform';
import { bullPrefix, failFastConnection } from '@case-journey/projections';
import { BoardPackQueue, PackStore } from '@case-journey/board-pack';

/** A queue's connection errors are told per request (503), not logged per reconnection attempt. */
const quietly = (queue: { on(event: 'error', listener: () => void): unknown }) => queue.on('error', () => undefined);

/** The packs on disk (under DATA_DIR) and the queue the worker builds them from. */
export const BOARD_PACK_PROVIDERS: Provider[] = [
  { provide: PackStore, useFactory: (c: AppConfiguration) => new PackStore(c.dataDirectory), inject: [AppConfiguration] },
  {
    provide: BoardPackQueue,
    useFactory: (c: AppConfiguration) => new BoardPackQueue(failFastConnection(c.redisUrl, c.redisReadTimeoutMs), bullPrefix(c.redisKeyPrefix), {
        readyWithinMs: c.redisReadTimeoutMs,
        onOpen: quietly,
      }),
    inject: [AppConfiguration],
  },
];
