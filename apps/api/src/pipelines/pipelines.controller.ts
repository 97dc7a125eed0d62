import { BadRequestException, Body, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiQuery } from '@nestjs/swagger';
import { Engine, InvalidOperationError, NotFoundError } from '@bamboo/engine';
import { type PipelineDetail, type PipelinePage, PipelineQueryService } from '@bamboo/runtime';
import type { Response } from 'express';
import { ApiController, API_PREFIX } from '../common/api-controller.decorator';
import { IdParamPipe } from '../common/id-param.pipe';
import { ListPipelinesQuery } from './dto/list-pipelines.query';
import { RunPipelineDto, RunPipelineResponseDto } from './dto/run-pipeline.dto';
import { IdempotencyStore } from './idempotency.store';
import { checkTreeLimits } from './tree-limits';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,128}$/;

@ApiController('pipelines', 'pipelines')
export class PipelinesController {
  constructor(
    private readonly engine: Engine,
    private readonly idempotency: IdempotencyStore,
    private readonly queries: PipelineQueryService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Root pipelines, newest first, filtered and paged by cursor' })
  list(@Query() query: ListPipelinesQuery): Promise<PipelinePage> {
    return this.queries.list({
      state: query.state,
      name: query.name,
      createdAfter: query.created_after ? new Date(query.created_after) : undefined,
      createdBefore: query.created_before ? new Date(query.created_before) : undefined,
      limit: query.limit,
      cursor: query.cursor,
    });
  }

  @Get(':pipeline_id')
  @ApiOperation({ summary: 'The validated tree as run, with its summary (for the graph view)' })
  detail(@Param('pipeline_id', new IdParamPipe('pipeline_id')) pipelineId: string): Promise<PipelineDetail> {
    return this.queries.get(pipelineId);
  }

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'run_pipeline: validate, store and start a pipeline tree' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat-safe key; the first answer is replayed' })
  @ApiAcceptedResponse({ type: RunPipelineResponseDto })
  async run(
    @Body() body: RunPipelineDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RunPipelineResponseDto> {
    checkTreeLimits(body.pipeline);
    const pipelineId = typeof body.pipeline.id === 'string' ? body.pipeline.id : '';
    if (idempotencyKey !== undefined) {
      if (!IDEMPOTENCY_KEY.test(idempotencyKey)) {
        throw new BadRequestException('Idempotency-Key must be 1-128 characters of letters, digits, . _ : -');
      }
      const recalled = this.idempotency.recall(idempotencyKey, pipelineId);
      if ('conflict' in recalled) {
        throw new InvalidOperationError(`Idempotency-Key ${idempotencyKey} was used for another pipeline`);
      }
      if (recalled.hit) return this.accepted(response, recalled.response as RunPipelineResponseDto);
    }
    const options = body.options ?? {};
    const result = await this.engine.runPipeline(body.pipeline, {
      rootPipelineData: body.root_pipeline_data,
      rootPipelineContext: body.root_pipeline_context,
      subprocessContext: body.subprocess_context,
      startNodeId: options.start_node_id,
      queue: options.queue,
      priority: options.priority,
      cycleTolerate: options.cycle_tolerate,
    });
    const answer = { pipeline_id: result.pipelineId, process_id: result.processId };
    if (idempotencyKey !== undefined) this.idempotency.remember(idempotencyKey, pipelineId, answer);
    return this.accepted(response, answer);
  }

  @Get(':pipeline_id/states')
  @ApiOperation({ summary: 'get_pipeline_states: the state tree of a run (spec 06 B.4)' })
  @ApiQuery({ name: 'flat_children', required: false, type: Boolean })
  @ApiQuery({ name: 'compat', required: false, type: Boolean, description: "also emit the original 'root_id:' key" })
  @ApiOkResponse({ description: '{root_id: StateNode}' })
  async states(
    @Param('pipeline_id', new IdParamPipe('pipeline_id')) pipelineId: string,
    @Query('flat_children') flatChildren?: string,
    @Query('compat') compat?: string,
  ): Promise<Record<string, unknown>> {
    const flat = parseFlag('flat_children', flatChildren, true);
    const withCompatKeys = parseFlag('compat', compat, false);
    const states = await this.engine.getPipelineStates(pipelineId, { flatChildren: flat });
    if (Object.keys(states).length === 0) throw new NotFoundError(`pipeline ${pipelineId} has no state`);
    return withCompatKeys ? states : stripCompatKeys(states);
  }

  private accepted(response: Response, answer: RunPipelineResponseDto): RunPipelineResponseDto {
    response.setHeader('Location', `/${API_PREFIX}/pipelines/${answer.pipeline_id}/states`);
    return answer;
  }
}

/** A boolean query flag: `true`/`1` or `false`/`0`, absent or empty for the default; else 400 naming it. */
function parseFlag(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new BadRequestException(`${name} must be a boolean (true or false)`);
}

/** Drops the original's `root_id:` key (spec 06 A.15 Decision) from every entry, recursively. */
function stripCompatKeys(states: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [id, entry] of Object.entries(states)) {
    const { 'root_id:': _legacy, children, ...rest } = entry as Record<string, unknown>;
    out[id] = { ...rest, children: stripCompatKeys((children ?? {}) as Record<string, unknown>) };
  }
  return out;
}
