import { Component, ComponentRegistry, Service, StaticIntervalGenerator } from '@bamboo/component-framework';
import { Engine, type DataObject } from '@bamboo/engine';
import { TreeKit } from '@bamboo/testing';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBambooConfig } from '../config';
import { TypeormEngineRuntime } from '../engine-runtime/typeorm-engine-runtime';
import { EngineWorker } from '../worker/engine-worker';
import { BambooModule } from './bamboo.module';

const calls = { echo: 0, polls: 0 };

@Component({ code: 'restart_echo', name: 'Echo', registerIgnore: true })
class EchoService extends Service {
  execute(data: DataObject): boolean {
    calls.echo += 1;
    data.outputs.echoed = true;
    return true;
  }
}

/** Polls once an hour: only a restart's recovery can bring the second poll in test time. */
@Component({ code: 'restart_poll', name: 'Poll', registerIgnore: true })
class HourlyPollService extends Service {
  static override needSchedule = true;
  static override interval = () => new StaticIntervalGenerator(3600);

  execute(): boolean {
    return true;
  }

  override schedule(): boolean {
    calls.polls += 1;
    if (calls.polls >= 2) this.finishSchedule();
    return true;
  }
}

const directory = mkdtempSync(join(tmpdir(), 'bamboo-module-'));
const env = { BAMBOO_DB_URL: `sqlite:${join(directory, 'bamboo.sqlite')}` };

function boot(runWorkers: boolean): Promise<INestApplicationContext> {
  const options = {
    ...loadBambooConfig(env),
    runWorkers,
    registry: new ComponentRegistry(),
    components: [EchoService, HourlyPollService],
  };
  return NestFactory.createApplicationContext(BambooModule.forRoot(options), { logger: false });
}

/** Bounded wait for a condition on stored state (a stuck run fails the test, a slow one does not). */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (const deadline = Date.now() + 15_000; Date.now() < deadline;) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('BambooModule (embedded: SQLite + in-process queue)', () => {
  it('provides the Engine, the runtime and a worker on the configured queues', async () => {
    const app = await boot(false);
    try {
      expect(app.get(Engine)).toBeInstanceOf(Engine);
      expect(app.get(TypeormEngineRuntime).ids.id()).toMatch(/^\d+$/);
      expect(app.get(EngineWorker).queueNames).toEqual(['er_execute', 'er_schedule', 'er_timeout']);
    } finally {
      await app.close();
    }
  });

  it('finishes a run across two restarts: a lost execute message, then a lost poll', async () => {
    const k = new TreeKit()
      .start()
      .act('a', 'restart_echo')
      .act('p', 'restart_poll')
      .act('b', 'restart_echo')
      .end()
      .chain('start', 'a', 'p', 'b', 'end');
    const tree = k.build();
    const stateOf = async (engine: Engine, nodeId: string) => {
      const root = (await engine.getPipelineStates(tree.id))[tree.id];
      return nodeId === tree.id ? root?.state : root?.children[nodeId]?.state;
    };

    // 1. Started by a process without workers that then exits: the first execute message dies with it.
    let app = await boot(false);
    await app.get(Engine).runPipeline(tree);
    await app.close();
    expect(calls).toEqual({ echo: 0, polls: 0 });

    // 2. A restart dispatches it again; the run reaches the hourly poll; a graceful stop loses the poll.
    app = await boot(true);
    await until(() => Promise.resolve(calls.polls === 1), 'the first poll');
    expect(await stateOf(app.get(Engine), k.id('p'))).toBe('RUNNING');
    await app.close();

    // 3. The next restart polls again now; recovering twice still polls once (duplicate guard).
    app = await boot(true);
    await app.get(TypeormEngineRuntime).recoverLostWork();
    await until(async () => (await stateOf(app.get(Engine), tree.id)) === 'FINISHED', 'the run to finish');
    expect(calls).toEqual({ echo: 2, polls: 2 });
    expect(await app.get(TypeormEngineRuntime).recoverLostWork()).toEqual({ execute: 0, polls: 0, callbacks: 0 });
    await app.close();
  });
});
