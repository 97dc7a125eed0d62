import type { StepEffects } from '../../process/step-effects';
import type { CommandContext } from './command-context';
import type { OperatorTarget } from './operator-target';
import { historyOf } from '../../process/node-entry';

/** Archives the node's current attempt before a retry or skip replaces it (spec 01 §7.5). */
export function addHistory(ctx: CommandContext, effects: StepEffects, target: OperatorTarget): void {
  const history = historyOf(target.state(), target.snapshot.executionData, ctx.services.ids.id());
  effects.add({ histories: [history] });
}
