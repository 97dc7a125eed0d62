import * as http from 'node:http';
import type { StateEntry } from '../measure/states';

export interface Envelope<T> {
  result: boolean;
  message: string;
  data: T | null;
  error: { code: string; type: string; detail: Record<string, unknown> } | null;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what} answered ${status}: ${body.slice(0, 500)}`);
  }
}

/** The few REST calls the bench makes (spec 06 Part B), with a timeout on every request. */
export class ApiClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 128 });

  constructor(
    readonly baseUrl: string,
    private readonly timeoutMs = 30_000,
    private readonly token?: string,
  ) {}

  /** Closes the kept-alive connections (the product is about to stop). */
  close(): void {
    this.agent.destroy();
  }

  private async call<T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; envelope: Envelope<T> }> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const { status, text } = await this.send(method, path, payload);
    let envelope: Envelope<T>;
    try {
      envelope = JSON.parse(text) as Envelope<T>;
    } catch {
      throw new ApiError(status, text, `${method} ${path}`);
    }
    return { status, envelope };
  }

  /**
   * One request on a keep-alive connection. node:http rather than fetch: the bench shares the
   * machine's cores with the product, and fetch (undici + an AbortSignal per request) cost the
   * bench process ~2.2 CPU-s per 1,000 callbacks against ~0.5 here.
   */
  private send(method: string, path: string, payload: string | undefined): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = {};
      if (payload !== undefined) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = Buffer.byteLength(payload);
      }
      if (this.token) headers.authorization = `Bearer ${this.token}`;
      const request = http.request(new URL(path, this.baseUrl), { method, headers, agent: this.agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
        response.on('error', reject);
      });
      request.setTimeout(this.timeoutMs, () =>
        request.destroy(new Error(`${method} ${path}: no answer in ${this.timeoutMs} ms`)),
      );
      request.on('error', reject);
      request.end(payload);
    });
  }

  async runPipeline(pipeline: unknown): Promise<string> {
    const { status, envelope } = await this.call<{ pipeline_id: string }>('POST', '/api/v1/pipelines', { pipeline });
    if (status !== 202 || !envelope.data) throw new ApiError(status, JSON.stringify(envelope), 'POST /pipelines');
    return envelope.data.pipeline_id;
  }

  async states(pipelineId: string): Promise<Record<string, StateEntry>> {
    const path = `/api/v1/pipelines/${pipelineId}/states?flat_children=true`;
    const { status, envelope } = await this.call<Record<string, StateEntry>>('GET', path);
    if (status !== 200 || !envelope.data) throw new ApiError(status, JSON.stringify(envelope), `GET ${path}`);
    return envelope.data;
  }

  /** One node's own state (no children), or undefined where the endpoint is missing. */
  async nodeState(nodeId: string): Promise<StateEntry | undefined> {
    const { status, envelope } = await this.call<StateEntry>('GET', `/api/v1/nodes/${nodeId}/state`);
    return status === 200 && envelope.data ? envelope.data : undefined;
  }

  /** Delivers a callback; answers the HTTP status (202 accepted, 409 not waiting yet or stale). */
  async callback(nodeId: string, version: string, data: Record<string, unknown>): Promise<number> {
    const { status } = await this.call('POST', `/api/v1/nodes/${nodeId}/callbacks`, { version, data });
    return status;
  }
}

/** GET a plain-text URL (health, metrics); undefined on any failure. */
export async function getText(url: string, timeoutMs = 5000): Promise<{ status: number; text: string } | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    return { status: response.status, text: await response.text() };
  } catch {
    return undefined;
  }
}
