import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient } from './support/api-client';
import { embeddedApi, type RealApi } from './support/real-api';

const REPO = join(__dirname, '..', '..', '..');

/** The README's curl lines post examples/pipelines/example.json and read its states: keep them true. */
describe('README quick start example', () => {
  let api: RealApi;

  beforeAll(async () => {
    api = await embeddedApi();
  });

  afterAll(async () => {
    await api.close();
  });

  it('runs examples/pipelines/example.json to FINISHED, as the README shows', async () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    expect(readme).toContain('-d @examples/pipelines/example.json');
    expect(readme).toContain('/api/v1/pipelines/p0000000000000000000000000example/states');
    const body: unknown = JSON.parse(readFileSync(join(REPO, 'examples/pipelines/example.json'), 'utf8'));
    const client = new ApiClient(api.app);
    const response = await client.http
      .post('/api/v1/pipelines')
      .send(body as object)
      .expect(202);
    expect(response.body.data.pipeline_id).toBe('p0000000000000000000000000example');
    const states = await client.waitForState(
      'p0000000000000000000000000example',
      'p0000000000000000000000000example',
      'FINISHED',
    );
    expect(states['e0000000000000000000000000000act']!.state).toBe('FINISHED');
  });
});
