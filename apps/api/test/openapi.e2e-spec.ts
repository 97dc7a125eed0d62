import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { buildOpenApiDocument } from '../src/configure-api-app';
import { createInMemoryApi } from './in-memory-api';

const COMMITTED = join(__dirname, '..', '..', '..', 'docs', 'openapi.json');

/**
 * The committed OpenAPI document (docs/openapi.json) must match the one generated from the code,
 * so that clients written against it never drift from the server. Regenerate with
 * `npm run openapi:update`.
 */
describe('OpenAPI document', () => {
  let app: INestApplication;

  beforeAll(async () => {
    ({ app } = await createInMemoryApi());
  });

  afterAll(async () => {
    await app.close();
  });

  it('matches the committed docs/openapi.json', () => {
    const generated = `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
    if (process.env.UPDATE_OPENAPI === '1') writeFileSync(COMMITTED, generated);
    const committed = readFileSync(COMMITTED, 'utf8');
    expect(JSON.parse(generated)).toEqual(JSON.parse(committed));
  });

  it('documents every endpoint of spec 06 B.2 that the server implements', () => {
    const paths = Object.keys(buildOpenApiDocument(app).paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/pipelines',
        '/api/v1/pipelines/{pipeline_id}',
        '/api/v1/pipelines/{pipeline_id}/states',
        '/api/v1/pipelines/{pipeline_id}/pause',
        '/api/v1/pipelines/{pipeline_id}/context',
        '/api/v1/nodes/{node_id}/retry',
        '/api/v1/nodes/{node_id}/callbacks',
        '/api/v1/nodes/{node_id}/logs',
        '/api/v1/pipeline-trees/preview-node-inputs',
        '/api/v1/components',
        '/api/v1/plugin-executions',
        '/api/v1/plugin-executions/{task_id}',
        '/api/v1/plugin-executions/{task_id}/retry',
      ]),
    );
  });
});
