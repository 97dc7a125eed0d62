/** `GET /api/v1/engine/status` (the admin console's engine page; snake_case like the REST API). */
export interface EngineStatus {
  workers: WorkerStatus[];
  queues: QueueStatus[];
  healer: HealerActionView[];
}

export interface WorkerStatus {
  id: string;
  hostname: string;
  pid: number;
  queues: string[];
  /** ISO-8601. */
  last_seen: string;
}

export interface QueueStatus {
  name: string;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

export interface HealerActionView {
  /** ISO-8601. */
  time: string;
  action: string;
  process_id: number | null;
  node_id: string | null;
  detail: string;
}
