/** Base of executable end events: runs when a pipeline reaches an end event of its `type`. */
export abstract class ExecutableEndEvent {
  abstract execute(pipelineStack: string[], rootPipelineId: string): void | Promise<void>;
}

export interface EndEventClass<T extends ExecutableEndEvent = ExecutableEndEvent> {
  new (): T;
  readonly name: string;
}
