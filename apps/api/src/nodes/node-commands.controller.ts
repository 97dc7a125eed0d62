import { Body, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Engine } from '@bamboo/engine';
import type { Response } from 'express';
import { runOrAlready } from '../common/already-done';
import { ApiController } from '../common/api-controller.decorator';
import { IdParamPipe } from '../common/id-param.pipe';
import {
  ForcedFailDto,
  RetryNodeDto,
  SkipConditionalParallelGatewayDto,
  SkipExclusiveGatewayDto,
  SkipNodeDto,
  UpdateNodeOutputsDto,
} from './dto/node-commands.dto';

const nodeId = () => new IdParamPipe('node_id');

/** Operator commands on one node (spec 06 A.6–A.13, A.19). */
@ApiController('nodes', 'nodes')
export class NodeCommandsController {
  constructor(private readonly engine: Engine) {}

  @Post(':node_id/pause')
  @HttpCode(202)
  @ApiOperation({ summary: 'pause_node_appoint: book a pause before the node runs' })
  pause(@Param('node_id', nodeId()) id: string, @Res({ passthrough: true }) res: Response) {
    return runOrAlready(this.engine, res, id, ['SUSPENDED'], () => this.engine.pauseNodeAppoint(id));
  }

  @Post(':node_id/resume')
  @HttpCode(202)
  @ApiOperation({ summary: 'resume_node_appoint' })
  resume(@Param('node_id', nodeId()) id: string, @Res({ passthrough: true }) res: Response) {
    return runOrAlready(this.engine, res, id, ['READY', 'RUNNING'], () => this.engine.resumeNodeAppoint(id));
  }

  @Post(':node_id/retry')
  @HttpCode(202)
  @ApiOperation({ summary: 'retry_node: re-run a FAILED node, optionally with a new input set' })
  async retry(@Param('node_id', nodeId()) id: string, @Body() body: RetryNodeDto): Promise<null> {
    const data =
      body.inputs === undefined
        ? undefined
        : { ...body.inputs, ...(body.escape_render_keys ? { _escape_render_keys: body.escape_render_keys } : {}) };
    await this.engine.retryNode(id, { data, loopRetry: body.loop_retry });
    return null;
  }

  @Post(':node_id/retry-subprocess')
  @HttpCode(202)
  @ApiOperation({ summary: 'retry_subprocess' })
  async retrySubprocess(@Param('node_id', nodeId()) id: string): Promise<null> {
    await this.engine.retrySubprocess(id);
    return null;
  }

  @Post(':node_id/skip')
  @HttpCode(202)
  @ApiOperation({ summary: 'skip_node: finish a FAILED node as skipped and go on' })
  async skip(@Param('node_id', nodeId()) id: string, @Body() body: SkipNodeDto): Promise<null> {
    await this.engine.skipNode(id, { loopSkip: body.loop_skip });
    return null;
  }

  @Post(':node_id/skip-exclusive-gateway')
  @HttpCode(202)
  @ApiOperation({ summary: 'skip_exclusive_gateway: take the chosen flow' })
  async skipExclusive(@Param('node_id', nodeId()) id: string, @Body() body: SkipExclusiveGatewayDto): Promise<null> {
    await this.engine.skipExclusiveGateway(id, body.flow_id);
    return null;
  }

  @Post(':node_id/skip-conditional-parallel-gateway')
  @HttpCode(202)
  @ApiOperation({ summary: 'skip_conditional_parallel_gateway: fork the chosen flows' })
  async skipConditional(
    @Param('node_id', nodeId()) id: string,
    @Body() body: SkipConditionalParallelGatewayDto,
  ): Promise<null> {
    await this.engine.skipConditionalParallelGateway(id, body.flow_ids, body.converge_gateway_id);
    return null;
  }

  @Post(':node_id/forced-fail')
  @HttpCode(202)
  @ApiOperation({ summary: 'forced_fail_activity: fail a RUNNING activity; a late result is discarded' })
  async forcedFail(@Param('node_id', nodeId()) id: string, @Body() body: ForcedFailDto): Promise<null> {
    await this.engine.forcedFailActivity(id, body.ex_data, { sendPostSetStateSignal: body.send_post_set_state_signal });
    return null;
  }

  @Patch(':node_id/execution-data/outputs')
  @ApiOperation({ summary: 'update_node_outputs: fix the outputs of a FAILED node before skipping it' })
  async updateOutputs(@Param('node_id', nodeId()) id: string, @Body() body: UpdateNodeOutputsDto): Promise<null> {
    await this.engine.updateNodeOutputs(body.root_pipeline_id, id, body.context_values);
    return null;
  }
}
