import { Engine } from '@bamboo/engine';
import { BadRequestException, Body, Controller, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import { approvalPipeline } from './approval-pipeline';

interface ApproveBody {
  customer?: unknown;
}

/** The host's own HTTP surface: approving an order starts a pipeline through the injected Engine. */
@Controller('orders')
export class OrdersController {
  constructor(private readonly engine: Engine) {}

  @Post(':id/approve')
  @HttpCode(202)
  async approve(@Param('id') orderId: string, @Body() body: ApproveBody = {}) {
    if (typeof body.customer !== 'string' || body.customer === '') {
      throw new BadRequestException('customer must be a non-empty string');
    }
    const { tree, greetingNodeId } = approvalPipeline(orderId, body.customer);
    await this.engine.runPipeline(tree);
    return { pipelineId: tree.id, greetingNodeId };
  }

  @Get('runs/:pipelineId')
  async run(@Param('pipelineId') pipelineId: string) {
    const states = await this.engine.getPipelineStates(pipelineId);
    const root = states[pipelineId];
    if (root === undefined) throw new NotFoundException(`no pipeline ${pipelineId}`);
    return { state: root.state };
  }

  @Get('runs/:pipelineId/nodes/:nodeId/outputs')
  outputs(@Param('nodeId') nodeId: string) {
    return this.engine.getExecutionDataOutputs(nodeId);
  }
}
