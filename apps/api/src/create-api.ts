import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfiguration } from '@case-journey/platform';
import { AppModule, type ApiOverrides } from './app.module';
import { parseJsonBodies } from './http/json-body';
import { refuseUnfitRequestText } from './http/request-text';
import { answerUnparseableRequest } from './http/unparseable-request';
import { mountOpenApi } from './openapi';

/** The API application, configured but not listening: main.ts listens, tests drive it in process. */
export async function createApi(configuration: AppConfiguration, overrides: ApiOverrides = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(configuration, overrides), {
    logger: overrides.clock ? ['error', 'warn'] : undefined,
    bodyParser: false,
  });
  app.getHttpServer().on('clientError', answerUnparseableRequest);
  app.use(refuseUnfitRequestText);
  parseJsonBodies(app);
  app.enableShutdownHooks();
  mountOpenApi(app);
  return app;
}
