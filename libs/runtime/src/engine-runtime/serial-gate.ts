/**
 * Runs async sections one at a time. TypeORM's SQLite drivers share ONE connection and one query
 * runner: two interleaved transactions would nest as savepoints and a reader would see another
 * step's uncommitted rows, so the embedded runtime passes every database section through a gate.
 */
export class SerialGate {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(section: () => Promise<T>): Promise<T> {
    const result = this.tail.then(section, section);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/** A gate that does not serialise (MySQL: one pooled connection per transaction). */
export const OPEN_GATE = { run: <T>(section: () => Promise<T>): Promise<T> => section() };

export type Gate = Pick<SerialGate, 'run'>;
