import { Body, Get, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Engine, type ExecutionTime, type PipelineDebugInfo } from '@bamboo/engine';
import type { Response } from 'express';
import { runOrAlready } from '../common/already-done';
import { ApiController } from '../common/api-controller.decorator';
import { IdParamPipe } from '../common/id-param.pipe';
import { UpdateContextDto } from './dto/update-context.dto';

const pipelineId = () => new IdParamPipe('pipeline_id');

/** Operator commands and debug reads on one pipeline (spec 06 A.3–A.5, A.20). */
@ApiController('pipelines', 'pipelines')
export class PipelineCommandsController {
  constructor(private readonly engine: Engine) {}

  @Post(':pipeline_id/pause')
  @HttpCode(202)
  @ApiOperation({ summary: 'pause_pipeline (root or subprocess id); 200 {already: true} when already SUSPENDED' })
  pause(@Param('pipeline_id', pipelineId()) id: string, @Res({ passthrough: true }) res: Response) {
    return runOrAlready(this.engine, res, id, ['SUSPENDED'], () => this.engine.pausePipeline(id));
  }

  @Post(':pipeline_id/resume')
  @HttpCode(202)
  @ApiOperation({ summary: 'resume_pipeline; 200 {already: true} when already RUNNING' })
  resume(@Param('pipeline_id', pipelineId()) id: string, @Res({ passthrough: true }) res: Response) {
    return runOrAlready(this.engine, res, id, ['RUNNING'], () => this.engine.resumePipeline(id));
  }

  @Post(':pipeline_id/revoke')
  @HttpCode(202)
  @ApiOperation({ summary: 'revoke_pipeline (root only); 200 {already: true} when already REVOKED' })
  revoke(@Param('pipeline_id', pipelineId()) id: string, @Res({ passthrough: true }) res: Response) {
    return runOrAlready(this.engine, res, id, ['REVOKED'], () => this.engine.revokePipeline(id));
  }

  @Patch(':pipeline_id/context')
  @ApiOperation({ summary: 'update_context_values: overwrite existing context values of one pipeline scope' })
  async updateContext(@Param('pipeline_id', pipelineId()) id: string, @Body() body: UpdateContextDto): Promise<null> {
    await this.engine.updateContextValues(id, body.context_values);
    return null;
  }

  @Get(':pipeline_id/debug')
  @ApiOperation({ summary: 'get_pipeline_debug_info: context values and processes' })
  debug(@Param('pipeline_id', pipelineId()) id: string): Promise<PipelineDebugInfo> {
    return this.engine.getPipelineDebugInfo(id);
  }

  @Get(':pipeline_id/execution-time')
  @ApiOperation({ summary: 'get_pipeline_execution_time' })
  executionTime(@Param('pipeline_id', pipelineId()) id: string): Promise<ExecutionTime> {
    return this.engine.getPipelineExecutionTime(id);
  }
}
