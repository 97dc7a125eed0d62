import type { JsonValue } from './task-queue';

/** Carried unchanged through every follow-up dispatch of a chain (09 §4.2 rule 1). */
export interface JobHeaders {
  [key: string]: JsonValue;
  route_info: { queue: string; priority: number };
  /** Enqueue time in seconds, advanced by the delay for delayed schedules (claim-delay metric). */
  timestamp: number;
}

/** Data of an execute job (09 §4.2). `recover_point` is a JSON string, `"{}"` when none. */
export interface ExecuteJobData {
  [key: string]: JsonValue;
  process_id: number;
  node_id: string;
  root_pipeline_id: string;
  parent_pipeline_id: string;
  recover_point: string;
  headers: JobHeaders;
}

/** Data of a schedule job (09 §4.2). */
export interface ScheduleJobData {
  [key: string]: JsonValue;
  process_id: number;
  node_id: string;
  schedule_id: number;
  callback_data_id: number | null;
  recover_point: string;
  headers: JobHeaders;
}
