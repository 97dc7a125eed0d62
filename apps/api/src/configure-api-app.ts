import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isJsonContentType, refuseNonJsonBody } from './common/json-body';
import { assignRequestId } from './common/request-id.middleware';
import { createApiValidationPipe } from './common/validation.pipe';
import { CallbackFastPath } from './nodes/callback-fast-path';

/** Request bodies above this size answer 413 before any parsing work is done. */
export const BODY_LIMIT = '8mb';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Bamboo REST API')
    .setDescription('Run and operate bamboo-engine pipeline trees (spec 06 Part B).')
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Everything the API app needs besides its modules; shared by main.ts and the e2e tests. */
export function configureApiApp(app: NestExpressApplication, options: { docs: boolean } = { docs: true }): void {
  // Express hashes every answer for an ETag (crypto, ~70 µs a response in the callbacks burst);
  // a running engine's answers change between two reads and no client sends If-None-Match.
  // Static console assets keep theirs (serve-static has its own).
  app.set('etag', false);
  // The callback fast path answers without Express, so no answer carries Express's banner (it
  // only told callers which server stack to probe).
  app.disable('x-powered-by');
  // The id first: the answers written before routing (the body parser's 400/413/415) carry it too.
  app.use((request: IncomingMessage, response: ServerResponse, next: () => void) => {
    assignRequestId(request, response);
    next();
  });
  // Bodies are JSON: application/json or any application/*+json type is parsed, a body of another
  // type (or of none) answers 415 before routing. Requests without a body pass either way.
  app.use(refuseNonJsonBody);
  app.useBodyParser('json', {
    limit: BODY_LIMIT,
    type: (request: IncomingMessage) => isJsonContentType(request.headers['content-type']),
  });
  app.get(CallbackFastPath).install(app.getHttpServer());
  app.useGlobalPipes(createApiValidationPipe());
  app.enableShutdownHooks();
  if (options.docs) {
    SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
  }
}
