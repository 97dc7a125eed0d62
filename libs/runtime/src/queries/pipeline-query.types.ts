/** A root pipeline in the task list (00-README `GET /api/v1/pipelines`). */
export interface PipelineSummary {
  pipeline_id: string;
  name: string;
  state: string;
  created_time: string;
  started_time: string | null;
  archived_time: string | null;
  node_count: number;
  failed_node_count: number;
}

export interface PipelineDetail extends PipelineSummary {
  tree: Record<string, unknown>;
}

export interface PipelineListFilter {
  state?: string;
  /** Substring of the name. */
  name?: string;
  createdAfter?: Date;
  createdBefore?: Date;
  /** 1–200, default 50. */
  limit?: number;
  /** Opaque cursor from a previous page's `next_cursor`. */
  cursor?: string;
}

export interface PipelinePage {
  items: PipelineSummary[];
  next_cursor: string | null;
}
