import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { BoardPackQueue, PackStore, type PackStatus, type StoredPack } from '@case-journey/board-pack';
import { ListPacksQuery } from './list-packs.query';

export interface PackList {
  /** Built packs, newest first. */
  packs: StoredPack[];
  /** Packs queued or being built. */
  pending: PackStatus[];
}

@QueryHandler(ListPacksQuery)
export class ListPacksHandler implements IQueryHandler<ListPacksQuery, PackList> {
  constructor(
    private readonly queue: BoardPackQueue,
    private readonly store: PackStore,
  ) {}

  async execute(): Promise<PackList> {
    const [packs, pending] = await Promise.all([this.store.list(), this.queue.pending()]);
    return { packs, pending };
  }
}
