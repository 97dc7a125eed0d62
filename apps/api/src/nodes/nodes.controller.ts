import { Body, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiQuery } from '@nestjs/swagger';
import { Engine, type ExecutionData, type HistoryRecord } from '@bamboo/engine';
import { ApiController } from '../common/api-controller.decorator';
import { IdParamPipe } from '../common/id-param.pipe';
import { CallbackDto, CallbackResponseDto } from './dto/callback.dto';
import { toHistoryView } from './history.view';

const nodeId = () => new IdParamPipe('node_id');

@ApiController('nodes', 'nodes')
export class NodesController {
  constructor(private readonly engine: Engine) {}

  @Get(':node_id/execution-data')
  @ApiOperation({ summary: 'get_execution_data: {inputs, outputs} of the latest attempt' })
  executionData(@Param('node_id', nodeId()) id: string): Promise<ExecutionData> {
    return this.engine.getExecutionData(id);
  }

  @Get(':node_id/execution-data/inputs')
  @ApiOperation({ summary: 'get_execution_data_inputs' })
  executionInputs(@Param('node_id', nodeId()) id: string): Promise<Record<string, unknown>> {
    return this.engine.getExecutionDataInputs(id);
  }

  @Get(':node_id/execution-data/outputs')
  @ApiOperation({ summary: 'get_execution_data_outputs' })
  executionOutputs(@Param('node_id', nodeId()) id: string): Promise<Record<string, unknown>> {
    return this.engine.getExecutionDataOutputs(id);
  }

  @Get(':node_id/histories')
  @ApiOperation({ summary: 'get_node_histories / get_node_short_histories, oldest first' })
  @ApiQuery({ name: 'loop', required: false, type: Number })
  @ApiQuery({ name: 'view', required: false, enum: ['full', 'short'] })
  async histories(
    @Param('node_id', nodeId()) id: string,
    @Query('loop', new ParseIntPipe({ optional: true })) loop?: number,
    @Query('view') view?: string,
  ): Promise<Array<Record<string, unknown>>> {
    const records: HistoryRecord[] = await this.engine.getHistories(id, loop ?? -1);
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
}
