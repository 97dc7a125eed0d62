import { Body, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Engine } from '@bamboo/engine';
import { ApiController } from '../common/api-controller.decorator';
import { IdParamPipe } from '../common/id-param.pipe';
import {
  CancelReservationQuery,
  ReserveRollbackDto,
  RetryRollbackDto,
  RollbackDto,
  RollbackQuery,
} from './dto/rollback.dto';

const rootId = () => new IdParamPipe('root_id');

/** The rollback API (spec 06 A.21); available when the engine runs with rollback enabled. */
@ApiController('pipelines', 'rollbacks')
export class RollbacksController {
  constructor(private readonly engine: Engine) {}

  @Post(':root_id/rollbacks')
  @HttpCode(202)
  @ApiOperation({
    summary: 'rollback: TOKEN (component rollbacks in reverse order) or ANY, then restart at the target',
  })
  async rollback(@Param('root_id', rootId()) id: string, @Body() body: RollbackDto): Promise<null> {
    await this.engine.rollback(id, body.start_node_id, body.target_node_id, {
      mode: body.mode,
      skipRollbackNodes: body.skip_rollback_nodes,
      skipCheckToken: body.skip_check_token,
    });
    return null;
  }

  @Post(':root_id/rollbacks/retry')
  @HttpCode(202)
  @ApiOperation({ summary: 'retry_rollback_failed_node' })
  async retry(@Param('root_id', rootId()) id: string, @Body() body: RetryRollbackDto): Promise<null> {
    await this.engine.retryRollbackFailedNode(id, body.node_id, body.retry_data ?? null, body.mode ?? 'TOKEN');
    return null;
  }

  @Post(':root_id/rollback-reservations')
  @HttpCode(202)
  @ApiOperation({ summary: 'reserve_rollback: run a rollback when the RUNNING start node finishes' })
  async reserve(@Param('root_id', rootId()) id: string, @Body() body: ReserveRollbackDto): Promise<null> {
    await this.engine.reserveRollback(id, body.start_node_id, body.target_node_id, {
      mode: body.mode,
      skipCheckToken: body.skip_check_token,
    });
    return null;
  }

  @Delete(':root_id/rollback-reservations/:start_node_id')
  @ApiOperation({ summary: 'cancel_reserved_rollback' })
  async cancel(
    @Param('root_id', rootId()) id: string,
    @Param('start_node_id', new IdParamPipe('start_node_id')) startNodeId: string,
    @Query() query: CancelReservationQuery,
  ): Promise<null> {
    await this.engine.cancelReservedRollback(id, startNodeId, query.target_node_id, { mode: query.mode });
    return null;
  }

  @Get(':root_id/rollback-targets')
  @ApiOperation({ summary: 'get_allowed_rollback_node_id_list' })
  targets(@Param('root_id', rootId()) id: string, @Query() query: RollbackQuery): Promise<string[]> {
    return this.engine.getAllowedRollbackNodeIdList(id, query.start_node_id, {
      mode: query.mode,
      skipCheckToken: query.skip_check_token === 'true',
    });
  }
}
