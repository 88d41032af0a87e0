import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject, ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { BEARER_SCHEME } from './access/requires.decorator';
import { CALLER_REQUEST_ID } from './http/request-logging';

/** The OpenAPI document, served at /docs (and as JSON at /docs-json). */
export function mountOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('case-journey')
      .setDescription(
        "Records each agency handoff in a criminal case as an immutable event and gives back the case's state and history. " +
          'Errors are RFC 9457 problem documents: 400 names each bad field (the first 50, with errorsNotListed counting the rest), 401 no acceptable token, ' +
          '403 a role or scope that does not allow it, 404 an unknown case (or one outside your areas), 409 a revision conflict, 410 a victim whose personal data was erased, ' +
          '413 a body over 1 MB, 415 a body that is not UTF-8 JSON, 422 a broken journey rule or a source reference (or Idempotency-Key) already used for a different record (differentFields), ' +
          '429 too many requests, 503 the event store or Redis out of reach (429 and 503 with Retry-After); each names its requestId, and each operation lists those it can answer. ' +
          "Sign in with a bearer token (JWT) from the configured OpenID issuer; each operation's `x-access` gives the roles allowed and their scope.",
      )
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'An access token from the OpenID issuer, for this API as audience' }, BEARER_SCHEME)
      .setVersion('0.1.0')
      .build(),
  );
  SwaggerModule.setup('docs', app, withRequestIds(document));
}

/** Every route takes the caller's request id, and sends back the one it used: said once here rather than on each route. */
function withRequestIds(document: OpenAPIObject): OpenAPIObject {
  const header = {
    name: 'X-Request-Id',
    in: 'header' as const,
    required: false,
    schema: { type: 'string' as const },
    description: `Your id for the request, kept when it is a plain token (${CALLER_REQUEST_ID.source}), otherwise replaced by one made here, so it can be followed across systems`,
  };
  const sentBack = { 'X-Request-Id': { description: "The request's id, also in every problem document and log line", schema: { type: 'string' as const } } };
  const operations = Object.values(document.paths).flatMap((item) => [item.get, item.put, item.post, item.delete, item.patch].filter((operation): operation is OperationObject => operation !== undefined));
  for (const operation of operations) {
    operation.parameters = [...(operation.parameters ?? []), header];
    for (const answer of Object.values(operation.responses) as ResponseObject[]) answer.headers = { ...answer.headers, ...sentBack };
  }
  return document;
}
