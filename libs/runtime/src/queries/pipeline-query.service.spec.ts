import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NotFoundError } from '@bamboo/engine';
import {
  createBambooDataSource,
  type BambooDataSource,
  NodeEntity,
  NodeStateEntity,
  PipelineInstanceEntity,
} from '../persistence';
import { PipelineQueryService } from './pipeline-query.service';

describe('PipelineQueryService (SQLite)', () => {
  let directory: string;
  let dataSource: BambooDataSource;
  let queries: PipelineQueryService;

  async function seed(pipelineId: string, name: string, state: string, failed: number, created: Date): Promise<void> {
    await dataSource
      .getRepository(PipelineInstanceEntity)
      .insert({ pipelineId, name, tree: { id: pipelineId }, createdTime: created });
    await dataSource.getRepository(NodeStateEntity).insert({
      nodeId: pipelineId,
      rootId: pipelineId,
      parentId: '',
      name: state,
      version: 'v1',
      startedTime: created,
      archivedTime: state === 'FINISHED' ? new Date(created.getTime() + 1500) : null,
    });
    const nodes = [0, 1, 2].map((i) => ({ nodeId: `${pipelineId}_n${i}`, rootPipelineId: pipelineId, detail: {} }));
    await dataSource.getRepository(NodeEntity).insert(nodes);
    for (let i = 0; i < failed; i++) {
      await dataSource.getRepository(NodeStateEntity).insert({
        nodeId: `${pipelineId}_n${i}`,
        rootId: pipelineId,
        parentId: pipelineId,
        name: 'FAILED',
        version: 'v1',
      });
    }
  }

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'bamboo-queries-'));
    dataSource = await createBambooDataSource({
      database: { kind: 'sqlite', path: join(directory, 'q.sqlite') },
    }).initialize();
    queries = new PipelineQueryService(dataSource);
    const base = Date.UTC(2026, 0, 1);
    for (let i = 0; i < 25; i++) {
      const state = i % 5 === 0 ? 'FAILED' : i % 2 === 0 ? 'FINISHED' : 'RUNNING';
      await seed(
        `p${String(i).padStart(3, '0')}`,
        i < 10 ? `nightly_${i}` : `deploy_${i}`,
        state,
        state === 'FAILED' ? 1 : 0,
        new Date(base + i * 60_000),
      );
    }
  });

  afterAll(async () => {
    await dataSource.destroy();
    rmSync(directory, { recursive: true, force: true });
  });

  it('pages newest first with an opaque cursor until the end', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const page = await queries.list({ limit: 10, cursor });
      seen.push(...page.items.map((item) => item.pipeline_id));
      if (!page.next_cursor) break;
      cursor = page.next_cursor;
    }
    expect(seen).toHaveLength(25);
    expect(seen[0]).toBe('p024');
    expect(seen[24]).toBe('p000');
    expect(new Set(seen).size).toBe(25);
  });

  it('summarises state, times, node and failed-node counts', async () => {
    const { items } = await queries.list({ name: 'nightly_5' });
    expect(items).toEqual([
      {
        pipeline_id: 'p005',
        name: 'nightly_5',
        state: 'FAILED',
        created_time: '2026-01-01T00:05:00.000Z',
        started_time: '2026-01-01T00:05:00.000Z',
        archived_time: null,
        node_count: 3,
        failed_node_count: 1,
      },
    ]);
  });

  it('filters by state, name and creation time', async () => {
    const failed = await queries.list({ state: 'FAILED' });
    expect(failed.items.map((item) => item.pipeline_id)).toEqual(['p020', 'p015', 'p010', 'p005', 'p000']);
    const deploys = await queries.list({ name: 'deploy', createdAfter: new Date(Date.UTC(2026, 0, 1, 0, 20)) });
    expect(deploys.items.map((item) => item.pipeline_id)).toEqual(['p024', 'p023', 'p022', 'p021', 'p020']);
    const percent = await queries.list({ name: '%' });
    expect(percent.items).toEqual([]);
  });

  it('returns the tree with the summary and 404s unknown ids', async () => {
    const detail = await queries.get('p002');
    expect(detail.tree).toEqual({ id: 'p002' });
    expect(detail.state).toBe('FINISHED');
    expect(detail.archived_time).toBe('2026-01-01T00:02:01.500Z');
    await expect(queries.get('nope')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('rejects a forged cursor', async () => {
    await expect(queries.list({ cursor: 'not-a-cursor' })).rejects.toThrow('cursor: not a cursor returned by this API');
  });
});
