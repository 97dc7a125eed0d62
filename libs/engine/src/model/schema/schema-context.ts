import type { PipelineTree } from '../pipeline-tree';

/** Something the schema accepts but an operator should hear about (spec 05 §2 rule 10). */
export interface SchemaWarning {
  path: string;
  message: string;
}

export interface SchemaOptions {
  /**
   * Registered executable end-event types (`add_sink_type`). When given, the end event's `type` must
   * be `EmptyEndEvent` or one of them; when absent any non-empty type is accepted and the engine
   * checks the end-event registry at preparation (`UNKNOWN_END_EVENT`, spec 05 §8).
   */
  sinkTypes?: readonly string[];
  /** Receives accepted-but-suspicious findings; the engine stays free of a logger. */
  onWarning?: (warning: SchemaWarning) => void;
}

/** State shared by the checks of one parse: options and the ids seen so far at every level. */
export interface SchemaContext {
  readonly sinkTypes: ReadonlySet<string> | undefined;
  readonly warn: (path: string, message: string) => void;
  /** id → path of its first use, to report duplicates across nesting levels. */
  readonly seenIds: Map<string, string>;
  /** Checks a nested pipeline; passed in so the activity checks need not import the pipeline checks. */
  readonly checkNested: (value: unknown, path: string) => PipelineTree;
}
