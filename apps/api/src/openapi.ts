import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { BEARER_SCHEME } from './access/requires.decorator';

/** The OpenAPI document, served at /docs (and as JSON at /docs-json). */
export function mountOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('case-journey')
      .setDescription(
        "Records each agency handoff in a criminal case as an immutable event and gives back the case's state and history. " +
          'Errors are RFC 9457 problem documents: 400 names each bad field, 404 an unknown case, 409 a revision conflict, 422 a broken journey rule.',
      )
      .setVersion('0.1.0')
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
}
