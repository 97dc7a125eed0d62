import { buildTree, EmptyEndEvent, EmptyStartEvent, type PipelineTree, ServiceActivity, Var } from '@bamboo/engine';

export interface ApprovalPipeline {
  tree: PipelineTree;
  /** The activity whose outputs carry the greeting. */
  greetingNodeId: string;
}

/** start → host_greeting → end, with the order's data as plain inputs. */
export function approvalPipeline(orderId: string, customer: string): ApprovalPipeline {
  const start = new EmptyStartEvent();
  const greeting = new ServiceActivity({ componentCode: 'host_greeting', componentVersion: '1.0' });
  greeting.component.inputs.customer = new Var(Var.PLAIN, customer);
  greeting.component.inputs.order_id = new Var(Var.PLAIN, orderId);
  start.extend(greeting).extend(new EmptyEndEvent());
  return { tree: buildTree(start), greetingNodeId: greeting.id };
}
