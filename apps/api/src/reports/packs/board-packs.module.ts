import { Module } from '@nestjs/common';
import { BOARD_PACK_PROVIDERS } from './board-packs.providers';
import { GetPackController } from './get-pack/get-pack.controller';
import { GetPackHandler } from './get-pack/get-pack.handler';
import { ListPacksController } from './list-packs/list-packs.controller';
import { ListPacksHandler } from './list-packs/list-packs.handler';
import { RequestPackController } from './request-pack/request-pack.controller';
import { RequestPackHandler } from './request-pack/request-pack.handler';

/** POST /reports/packs, GET /reports/packs and GET /reports/packs/:id. Registered before GET /reports/:measure, so `packs` is never read as a measure. */
@Module({
  controllers: [RequestPackController, ListPacksController, GetPackController],
  providers: [...BOARD_PACK_PROVIDERS, RequestPackHandler, ListPacksHandler, GetPackHandler],
})
export class BoardPacksModule {}
