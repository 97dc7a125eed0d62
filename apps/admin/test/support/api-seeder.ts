import type { PipelineTree } from '@bamboo/engine';

interface Envelope<T> {
  result: boolean;
  message: string;
  data: T;
}

export interface StateRecord {
  id: string;
  state: string;
  version: string;
}

export interface PipelineSummary {
  pipeline_id: string;
  name: string;
  state: string;
  failed_node_count: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Seeds the browser scenarios over HTTP, as an operator's script would: the same listening server,
 * envelope and bearer token as the console, so seeding also exercises the API the console reads.
 */
export class ApiSeeder {
  constructor(
    private readonly apiUrl: string,
    private readonly token?: string,
  ) {}

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    const response = await fetch(`${this.apiUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const envelope = (await response.json()) as Envelope<T>;
    if (!response.ok || !envelope.result) {
      throw new Error(`${method} ${path}: ${response.status} ${envelope.message}`);
    }
    return envelope.data;
  }

  async run(tree: PipelineTree): Promise<string> {
    return (await this.request<{ pipeline_id: string }>('POST', '/pipelines', { pipeline: tree })).pipeline_id;
  }

  /** The states of a run as one flat map (root included). */
  async states(rootId: string): Promise<Record<string, StateRecord>> {
    const states = await this.request<Record<string, StateRecord & { children: Record<string, StateRecord> }>>(
      'GET',
      `/pipelines/${rootId}/states?flat_children=true`,
    );
    const root = states[rootId]!;
    return { [rootId]: root, ...root.children };
  }

  /** Every root pipeline whose name contains `name`, following the cursor. */
  async listAll(name: string): Promise<PipelineSummary[]> {
    const items: PipelineSummary[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const query = `name=${encodeURIComponent(name)}&limit=200${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { items: PipelineSummary[]; next_cursor: string | null } = await this.request(
        'GET',
        `/pipelines?${query}`,
      );
      items.push(...page.items);
      cursor = page.next_cursor;
    }
    return items;
  }

  /** Polls `probe` until it returns true; the workers run asynchronously. */
  async until(probe: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await probe())) {
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await sleep(50);
    }
  }

  waitForState(rootId: string, nodeId: string, state: string): Promise<void> {
    return this.until(async () => (await this.states(rootId))[nodeId]?.state === state, `${nodeId} ${state}`);
  }
}
