import { BadRequestException, Body, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiQuery } from '@nestjs/swagger';
import {
  Engine,
  type ExecutionData,
  type ExecutionTime,
  type NodeDataView,
  type NodeDebugInfo,
  NotFoundError,
  type StateNode,
} from '@bamboo/engine';
import { ApiController } from '../common/api-controller.decorator';
import { IdParamPipe } from '../common/id-param.pipe';
import { CallbackDto, CallbackResponseDto } from './dto/callback.dto';
import { toHistoryView } from './history.view';

const nodeId = () => new IdParamPipe('node_id');

@ApiController('nodes', 'nodes')
export class NodesController {
  constructor(private readonly engine: Engine) {}

  @Get(':node_id/state')
  @ApiOperation({ summary: "One node's own state record (also a pause booked on a node not reached yet)" })
  state(@Param('node_id', nodeId()) id: string): Promise<Omit<StateNode, 'children' | 'root_id:'>> {
    return this.engine.getNodeState(id).then(({ children: _children, 'root_id:': _legacy, ...own }) => own);
  }

  @Get(':node_id/children-states')
  @ApiOperation({ summary: 'get_children_states: the node and its direct children ({} before it has a state)' })
  async childrenStates(@Param('node_id', nodeId()) id: string): Promise<Record<string, StateNode>> {
    const states = await this.engine.getChildrenStates(id);
    if (Object.keys(states).length === 0) await this.requireKnownNode(id);
    return states;
  }

  @Get(':node_id/data')
  @ApiOperation({ summary: 'get_data: configured inputs and output mapping' })
  data(@Param('node_id', nodeId()) id: string): Promise<NodeDataView> {
    return this.engine.getData(id);
  }

  @Get(':node_id/debug')
  @ApiOperation({ summary: 'get_node_debug_info' })
  debug(@Param('node_id', nodeId()) id: string): Promise<NodeDebugInfo> {
    return this.engine.getNodeDebugInfo(id);
  }

  @Get(':node_id/execution-time')
  @ApiOperation({ summary: 'get_node_execution_time' })
  executionTime(@Param('node_id', nodeId()) id: string): Promise<ExecutionTime> {
    return this.engine.getNodeExecutionTime(id);
  }

  @Get(':node_id/logs')
  @ApiOperation({ summary: 'get_plain_log_for_node: the log lines of one attempt' })
  @ApiQuery({ name: 'history_id', required: false })
  @ApiQuery({ name: 'version', required: false })
  async logs(
    @Param('node_id', nodeId()) id: string,
    @Query('history_id') historyId?: string,
    @Query('version') version?: string,
  ): Promise<{ log: string }> {
    const options = {
      historyId: historyId && historyId !== '-1' ? historyId : undefined,
      version: version || undefined,
    };
    const log = await this.engine.getPlainLogForNode(id, options);
    if (log === '') await this.requireKnownNode(id);
    return { log };
  }

  @Get(':node_id/execution-data')
  @ApiOperation({ summary: 'get_execution_data: {inputs, outputs} of the latest attempt' })
  async executionData(@Param('node_id', nodeId()) id: string): Promise<ExecutionData> {
    try {
      return await this.engine.getExecutionData(id);
    } catch (error) {
      // Both are 404s: an unknown id is named as such, a node that has not run yet keeps the engine's message.
      if (error instanceof NotFoundError) await this.requireKnownNode(id);
      throw error;
    }
  }

  @Get(':node_id/execution-data/inputs')
  @ApiOperation({ summary: 'get_execution_data_inputs ({} before the node has run)' })
  async executionInputs(@Param('node_id', nodeId()) id: string): Promise<Record<string, unknown>> {
    const inputs = await this.engine.getExecutionDataInputs(id);
    if (Object.keys(inputs).length === 0) await this.requireKnownNode(id);
    return inputs;
  }

  @Get(':node_id/execution-data/outputs')
  @ApiOperation({ summary: 'get_execution_data_outputs ({} before the node has run)' })
  async executionOutputs(@Param('node_id', nodeId()) id: string): Promise<Record<string, unknown>> {
    const outputs = await this.engine.getExecutionDataOutputs(id);
    if (Object.keys(outputs).length === 0) await this.requireKnownNode(id);
    return outputs;
  }

  @Get(':node_id/histories')
  @ApiOperation({ summary: 'get_node_histories / get_node_short_histories, oldest first' })
  @ApiQuery({ name: 'loop', required: false, type: 'integer' })
  @ApiQuery({ name: 'view', required: false, enum: ['full', 'short'] })
  async histories(
    @Param('node_id', nodeId()) id: string,
    // The API validation pipe reads a number parameter as a plain decimal integer or answers 400.
    @Query('loop') loop?: number,
    @Query('view') view?: string,
  ): Promise<Array<Record<string, unknown>>> {
    if (view !== undefined && view !== 'full' && view !== 'short') {
      throw new BadRequestException("view must be 'full' or 'short'");
    }
    const records = await this.engine.getHistories(id, loop ?? -1);
    if (records.length === 0) await this.requireKnownNode(id);
    return records.map((record) => toHistoryView(record, view === 'short'));
  }

  @Post(':node_id/callbacks')
  @HttpCode(202)
  @ApiOperation({ summary: 'callback: deliver data to a node waiting for a callback' })
  @ApiAcceptedResponse({ type: CallbackResponseDto })
  async callback(@Param('node_id', nodeId()) id: string, @Body() body: CallbackDto): Promise<CallbackResponseDto> {
    const { callbackDataId } = await this.engine.callback(id, body.version, body.data);
    return { callback_data_id: callbackDataId };
  }

  /**
   * The reads that answer `{}`, `[]` or `''` for a node without a state, execution data, histories
   * or log lines (spec 06 A.16, A.17, A.20) answer 404 for an id that names no node or pipeline at
   * all (B.1), as `execution-data` and `state` do. Asked only when the read came back empty, so
   * answers with data cost no extra read.
   */
  private async requireKnownNode(id: string): Promise<void> {
    if (!(await this.engine.nodeExists(id))) throw new NotFoundError(`node(${id}) does not exist`, { node_id: id });
  }
}
