import { NotFoundError } from '@bamboo/engine';
import type { DataSource } from 'typeorm';
import { NodeEntity, NodeStateEntity, PipelineInstanceEntity } from '../persistence';
import { decodePipelineCursor, encodePipelineCursor } from './pipeline-cursor';
import type { PipelineDetail, PipelineListFilter, PipelinePage, PipelineSummary } from './pipeline-query.types';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

interface InstanceRow {
  id: number;
  pipelineId: string;
  name: string;
  createdTime: Date;
  state: string | null;
  startedTime: Date | null;
  archivedTime: Date | null;
}

/**
 * Read model of root pipelines for the task list and the graph view. Three indexed queries per
 * page whatever its size: the page itself (joined with the root states), then node and failed-node
 * counts grouped by root for the ids on the page.
 */
export class PipelineQueryService {
  constructor(private readonly dataSource: DataSource) {}

  async list(filter: PipelineListFilter = {}): Promise<PipelinePage> {
    const limit = Math.min(Math.max(filter.limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT);
    const query = this.instanceQuery()
      .orderBy('instance.id', 'DESC')
      .limit(limit + 1);
    if (filter.cursor) query.andWhere('instance.id < :before', { before: decodePipelineCursor(filter.cursor) });
    if (filter.state) query.andWhere('state.name = :state', { state: filter.state });
    if (filter.name) query.andWhere("instance.name LIKE :name ESCAPE '!'", { name: `%${escapeLike(filter.name)}%` });
    if (filter.createdAfter) query.andWhere('instance.createdTime >= :after', { after: filter.createdAfter });
    if (filter.createdBefore) query.andWhere('instance.createdTime < :until', { until: filter.createdBefore });
    const rows = await query.getRawMany<InstanceRow>();
    const page = rows.slice(0, limit);
    const items = await this.summarise(page);
    const last = page[page.length - 1];
    return { items, next_cursor: rows.length > limit && last ? encodePipelineCursor(Number(last.id)) : null };
  }

  async get(pipelineId: string): Promise<PipelineDetail> {
    const row = await this.instanceQuery()
      .andWhere('instance.pipelineId = :pipelineId', { pipelineId })
      .getRawOne<InstanceRow>();
    if (!row) throw new NotFoundError(`pipeline ${pipelineId} does not exist`);
    const [summary] = await this.summarise([row]);
    const instance = await this.dataSource.getRepository(PipelineInstanceEntity).findOneByOrFail({ pipelineId });
    return { ...summary!, tree: instance.tree };
  }

  private instanceQuery() {
    return this.dataSource
      .getRepository(PipelineInstanceEntity)
      .createQueryBuilder('instance')
      .leftJoin(NodeStateEntity, 'state', 'state.nodeId = instance.pipelineId')
      .select('instance.id', 'id')
      .addSelect('instance.pipelineId', 'pipelineId')
      .addSelect('instance.name', 'name')
      .addSelect('instance.createdTime', 'createdTime')
      .addSelect('state.name', 'state')
      .addSelect('state.startedTime', 'startedTime')
      .addSelect('state.archivedTime', 'archivedTime')
      .where('1 = 1');
  }

  private async summarise(rows: InstanceRow[]): Promise<PipelineSummary[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.pipelineId);
    const [nodeCounts, failedCounts] = await Promise.all([
      this.countBy(NodeEntity, 'rootPipelineId', ids),
      this.countBy(NodeStateEntity, 'rootId', ids, { column: 'name', value: 'FAILED' }),
    ]);
    return rows.map((row) => ({
      pipeline_id: row.pipelineId,
      name: row.name,
      state: row.state ?? 'READY',
      created_time: toIso(row.createdTime)!,
      started_time: toIso(row.startedTime),
      archived_time: toIso(row.archivedTime),
      node_count: nodeCounts.get(row.pipelineId) ?? 0,
      failed_node_count: failedCounts.get(row.pipelineId) ?? 0,
    }));
  }

  private async countBy(
    entity: typeof NodeEntity | typeof NodeStateEntity,
    rootColumn: string,
    ids: string[],
    where?: { column: string; value: string },
  ): Promise<Map<string, number>> {
    const query = this.dataSource
      .getRepository(entity)
      .createQueryBuilder('row')
      .select(`row.${rootColumn}`, 'root')
      .addSelect('COUNT(*)', 'count')
      .where(`row.${rootColumn} IN (:...ids)`, { ids })
      .groupBy(`row.${rootColumn}`);
    // The root pipeline's own state has root_id = its id; it is not one of its nodes.
    if (where)
      query.andWhere(`row.${where.column} = :value AND row.nodeId <> row.${rootColumn}`, { value: where.value });
    const rows = await query.getRawMany<{ root: string; count: string | number }>();
    return new Map(rows.map((row) => [row.root, Number(row.count)]));
  }
}

// '!' escapes LIKE wildcards the same way on MySQL and SQLite (a backslash does not).
function escapeLike(text: string): string {
  return text.replace(/[!%_]/g, (char) => `!${char}`);
}

// Raw SQLite rows carry timestamps as text in UTC; MySQL rows as Date.
function toIso(value: Date | string | null): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return new Date(value.endsWith('Z') || value.includes('+') ? value : `${value.replace(' ', 'T')}Z`).toISOString();
}
