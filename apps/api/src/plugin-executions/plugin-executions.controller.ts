import { Body, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiParam } from '@nestjs/swagger';
import { PluginExecutionService, type PluginTaskState } from '@bamboo/runtime';
import type { Response } from 'express';
import { API_PREFIX, ApiController } from '../common/api-controller.decorator';
import {
  PluginCallbackDto,
  PluginExecutionStateDto,
  RetryPluginExecutionDto,
  RunPluginExecutionDto,
  RunPluginExecutionResponseDto,
} from './dto/plugin-execution.dto';
import { TaskIdPipe } from './task-id.pipe';

const TASK_ID = { name: 'task_id', type: 'integer', example: 1, description: 'Id returned by the run' };

/** One component run as a task without a pipeline (spec 07 §6.2, 06 B.2). */
@ApiController('plugin-executions', 'plugin-executions')
export class PluginExecutionsController {
  constructor(private readonly plugins: PluginExecutionService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'plugin run: create a task and enqueue its execute' })
  @ApiAcceptedResponse({ type: RunPluginExecutionResponseDto })
  async run(
    @Body() body: RunPluginExecutionDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RunPluginExecutionResponseDto> {
    const taskId = await this.plugins.run({
      componentCode: body.component_code,
      version: body.version,
      inputs: body.inputs,
      contexts: body.contexts,
      runtimeAttrs: body.runtime_attrs,
    });
    response.setHeader('Location', `/${API_PREFIX}/plugin-executions/${taskId}`);
    return { task_id: taskId };
  }

  @Get(':task_id')
  @ApiOperation({ summary: 'plugin get_state' })
  @ApiParam(TASK_ID)
  @ApiOkResponse({ type: PluginExecutionStateDto })
  state(@Param('task_id', TaskIdPipe) taskId: number): Promise<PluginTaskState> {
    return this.plugins.getState(taskId);
  }

  @Post(':task_id/callback')
  @HttpCode(202)
  @ApiOperation({ summary: 'plugin callback: hand data to schedule() of a RUNNING task (one at a time)' })
  @ApiParam(TASK_ID)
  async callback(@Param('task_id', TaskIdPipe) taskId: number, @Body() body: PluginCallbackDto): Promise<null> {
    await this.plugins.callback(taskId, body.callback_data ?? {});
    return null;
  }

  @Post(':task_id/forced-fail')
  @HttpCode(202)
  @ApiOperation({ summary: 'plugin forced_fail: fail a RUNNING task; later schedules are ignored' })
  @ApiParam(TASK_ID)
  async forcedFail(@Param('task_id', TaskIdPipe) taskId: number): Promise<null> {
    await this.plugins.forcedFail(taskId);
    return null;
  }

  @Post(':task_id/retry')
  @HttpCode(202)
  @ApiOperation({ summary: 'plugin retry: run a FAILED task again, replacing only the maps given' })
  @ApiParam(TASK_ID)
  async retry(@Param('task_id', TaskIdPipe) taskId: number, @Body() body: RetryPluginExecutionDto): Promise<null> {
    await this.plugins.retry(taskId, {
      inputs: body.inputs,
      contexts: body.contexts,
      runtimeAttrs: body.runtime_attrs,
    });
    return null;
  }
}
