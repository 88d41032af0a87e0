import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** The OpenAPI document, served at /docs (and as JSON at /docs-json). */
export function mountOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('case-journey')
      .setDescription(
        "Records each agency handoff in a criminal case as an immutable event and gives back the case's state and history. " +
          'Errors are RFC 9457 problem documents: 400 names each bad field (the first 50, with errorsNotListed counting the rest), 404 an unknown case, 409 a revision conflict, ' +
          '413 a body over 1 MB, 415 a body that is not UTF-8 JSON, 422 a broken journey rule or a source reference (or Idempotency-Key) already used for a different record (differentFields).',
      )
      .setVersion('0.1.0')
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
}
