import { NotFoundException } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { BoardPackQueue, PackStore, type PackStatus } from '@case-journey/board-pack';
import type { BoardPack } from '@case-journey/reporting';
import { GetPackQuery } from './get-pack.query';

export interface PackAnswer extends PackStatus {
  /** The pack's figures (what the page and the PDF print), once built. */
  figures: BoardPack | null;
}

@QueryHandler(GetPackQuery)
export class GetPackHandler implements IQueryHandler<GetPackQuery, PackAnswer> {
  constructor(
    private readonly queue: BoardPackQueue,
    private readonly store: PackStore,
  ) {}

  async execute({ id }: GetPackQuery): Promise<PackAnswer> {
    const status = await this.queue.status(id, this.store);
    if (!status) throw new NotFoundException(`No board pack ${id}`);
    return { ...status, figures: status.pack ? ((await this.store.get(id))?.pack ?? null) : null };
  }
}
