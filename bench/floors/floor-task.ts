/** A floor measurement split so that setup and teardown stay outside the timed part. */
export interface FloorTask {
  /** Runs the operations and answers their elapsed time, ms. */
  run(): Promise<number>;
  dispose(): Promise<void>;
}

/** Elapsed time of several prepared tasks run at the same time, ms. */
export async function runTogether(tasks: readonly FloorTask[]): Promise<number> {
  const started = performance.now();
  await Promise.all(tasks.map((t) => t.run()));
  return performance.now() - started;
}

export async function runAlone(prepare: () => Promise<FloorTask>): Promise<number> {
  const task = await prepare();
  try {
    return await task.run();
  } finally {
    await task.dispose();
  }
}
