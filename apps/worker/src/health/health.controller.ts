import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { BAMBOO_DATA_SOURCE, BAMBOO_TASK_QUEUE, type TaskQueue } from '@bamboo/runtime';

/** The subset of a TypeORM DataSource the check needs (apps never import TypeORM). */
interface Queryable {
  query(sql: string): Promise<unknown>;
}

@Controller('health')
export class HealthController {
  constructor(
    @Inject(BAMBOO_TASK_QUEUE) private readonly queue: TaskQueue,
    @Inject(BAMBOO_DATA_SOURCE) private readonly dataSource: Queryable,
  ) {}

  /** 200 while the queue backend and the database answer; 503 otherwise (load balancers, k8s). */
  @Get()
  async check(): Promise<{ status: 'ok'; service: string }> {
    try {
      await Promise.all([this.queue.ping(), this.dataSource.query('SELECT 1')]);
    } catch (error) {
      throw new ServiceUnavailableException({ status: 'error', service: 'worker', error: String(error) });
    }
    return { status: 'ok', service: 'worker' };
  }
}
