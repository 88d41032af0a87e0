import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { ConfigurationError, ServiceMetrics, type AppConfiguration } from '@case-journey/platform';
import { AppModule, type ApiOverrides } from './app.module';
import { parseJsonBodies } from './http/json-body';
import { JsonTextExpressAdapter } from './http/json-text.adapter';
import { assignRequestId, REQUEST_LOG, type RequestLog } from './http/request-logging';
import { refuseUnfitRequestText } from './http/request-text';
import { securityHeaders } from './http/security-headers';
import { answerUnparseableRequest } from './http/unparseable-request';
import { timeRequests } from './observability/request-durations';
import { mountOpenApi } from './openapi';

/** The API application, configured but not listening: main.ts listens, tests drive it in process. */
export async function createApi(configuration: AppConfiguration, overrides: ApiOverrides = {}): Promise<INestApplication> {
  // Checked before anything is opened, so a refusal leaves no connection behind.
  if (!configuration.oidcIssuer) throw new ConfigurationError(['OIDC_ISSUER: must be set: the API accepts only tokens verified against its issuer (npm start runs a dev provider)']);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(configuration, overrides), new JsonTextExpressAdapter(), { bufferLogs: true, abortOnError: false, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.use(assignRequestId);
  app.use(timeRequests(app.get(ServiceMetrics)));
  app.use(securityHeaders());
  if (configuration.corsOrigins) {
    app.enableCors({
      origin: configuration.corsOrigins,
      allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match', 'Idempotency-Key', 'X-Request-Id'],
      exposedHeaders: ['ETag', 'Location', 'Retry-After', 'X-Request-Id', 'Idempotent-Replayed'],
      maxAge: 600,
    });
  }
  app.getHttpServer().on('clientError', answerUnparseableRequest);
  app.use(refuseUnfitRequestText);
  parseJsonBodies(app);
  app.use(app.get<RequestLog>(REQUEST_LOG));
  app.enableShutdownHooks();
  mountOpenApi(app);
  return app;
}
