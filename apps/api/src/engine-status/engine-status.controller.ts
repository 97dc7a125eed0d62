import { Get } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { EngineStatusService, type EngineStatus } from '@bamboo/runtime';
import { ApiController } from '../common/api-controller.decorator';

@ApiController('engine', 'engine')
export class EngineStatusController {
  constructor(private readonly status: EngineStatusService) {}

  @Get('status')
  @ApiOperation({ summary: 'Live workers (heartbeats), queue depths and the latest zombie healer actions' })
  read(): Promise<EngineStatus> {
    return this.status.read();
  }
}
