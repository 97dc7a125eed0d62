import type { INestApplication } from '@nestjs/common';
import request from 'supertest';

export interface Envelope<T = any> {
  result: boolean;
  message: string;
  data: T;
  error: { code: string; type: string; detail: Record<string, unknown> } | null;
}

/** A thin supertest wrapper speaking the envelope, with bounded polling for asynchronous effects. */
export class ApiClient {
  constructor(private readonly app: INestApplication) {}

  get http() {
    return request(this.app.getHttpServer());
  }

  async get<T = any>(path: string, status = 200): Promise<Envelope<T>> {
    return (await this.http.get(`/api/v1${path}`).expect(status)).body as Envelope<T>;
  }

  async post<T = any>(path: string, body: unknown, status = 202): Promise<Envelope<T>> {
    return (
      await this.http
        .post(`/api/v1${path}`)
        .send(body as object)
        .expect(status)
    ).body as Envelope<T>;
  }

  async patch<T = any>(path: string, body: unknown, status = 200): Promise<Envelope<T>> {
    return (
      await this.http
        .patch(`/api/v1${path}`)
        .send(body as object)
        .expect(status)
    ).body as Envelope<T>;
  }

  async run(tree: unknown, extra: Record<string, unknown> = {}): Promise<string> {
    return (await this.post<{ pipeline_id: string }>('/pipelines', { pipeline: tree, ...extra })).data.pipeline_id;
  }

  /** The states map of a run, flat: `{id: entry}` for the root and every node. */
  async states(
    rootId: string,
  ): Promise<Record<string, { state: string; version: string; skip: boolean; retry: number }>> {
    const body = await this.get(`/pipelines/${rootId}/states?flat_children=true`);
    const root = body.data[rootId];
    return { [rootId]: root, ...root.children };
  }

  /** Polls until `predicate` holds on the states (at most ~20 s): the workers run asynchronously. */
  async waitFor(
    rootId: string,
    predicate: (states: Record<string, { state: string; version: string }>) => boolean,
    what: string,
  ): Promise<Record<string, { state: string; version: string; skip: boolean; retry: number }>> {
    let last: Record<string, { state: string; version: string; skip: boolean; retry: number }> = {};
    for (let attempt = 0; attempt < 400; attempt++) {
      const response = await this.http.get(`/api/v1/pipelines/${rootId}/states?flat_children=true`);
      if (response.status === 200) {
        const root = response.body.data[rootId];
        last = { [rootId]: root, ...root.children };
        if (predicate(last)) return last;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(
      `timed out waiting for ${what}; last states: ${JSON.stringify(Object.values(last).map((s) => s.state))}`,
    );
  }

  waitForState(rootId: string, nodeId: string, state: string) {
    return this.waitFor(rootId, (states) => states[nodeId]?.state === state, `${nodeId} ${state}`);
  }
}
