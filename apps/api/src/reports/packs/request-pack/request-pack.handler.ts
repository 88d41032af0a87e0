import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { BoardPackQueue, PackStore, type PackStatus } from '@case-journey/board-pack';
import { RequestPackCommand } from './request-pack.command';

@CommandHandler(RequestPackCommand)
export class RequestPackHandler implements ICommandHandler<RequestPackCommand, PackStatus> {
  constructor(
    private readonly queue: BoardPackQueue,
    private readonly store: PackStore,
  ) {}

  execute({ request }: RequestPackCommand): Promise<PackStatus> {
    return this.queue.request(request, this.store);
  }
}
