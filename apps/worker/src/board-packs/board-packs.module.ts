import { DynamicModule, Module, type ModuleMetadata, type Provider } from '@nestjs/common';
import { AppConfiguration } from '@case-journey/platform';
import { PackStore } from '@case-journey/board-pack';
import { RedisLinkModule } from '../redis-link.module';
import { BoardPackJobs } from './board-pack-jobs';

/** The board-pack worker, building packs from the reports its source (a provider of PACK_REPORT_SOURCE) gives. */
@Module({})
export class BoardPacksModule {
  static forRoot(source: Provider, imports: ModuleMetadata['imports'] = []): DynamicModule {
    return {
      module: BoardPacksModule,
      imports: [RedisLinkModule, ...imports],
      providers: [source, { provide: PackStore, useFactory: (c: AppConfiguration) => new PackStore(c.dataDirectory), inject: [AppConfiguration] }, BoardPackJobs],
    };
  }
}
