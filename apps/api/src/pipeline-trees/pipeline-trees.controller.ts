import { Body, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import {
  allowedStartNodeIds,
  Engine,
  parsePipelineTree,
  skippedExecuteNodeIds,
  validatePipelineTree,
  validateStartPosition,
} from '@bamboo/engine';
import { ApiController } from '../common/api-controller.decorator';
import { checkTreeLimits } from '../pipelines/tree-limits';
import { PreviewNodeInputsDto, SkippedNodesRequestDto, TreeRequestDto } from './dto/tree-request.dto';

/** Pure utilities over a tree: nothing is stored (spec 06 A.2.1, A.20). */
@ApiController('pipeline-trees', 'pipeline-trees')
export class PipelineTreesController {
  constructor(private readonly engine: Engine) {}

  @Post('preview-node-inputs')
  @HttpCode(200)
  @ApiOperation({ summary: "preview_node_inputs: render a node's inputs without running anything" })
  previewNodeInputs(@Body() body: PreviewNodeInputsDto): Record<string, unknown> {
    checkTreeLimits(body.pipeline);
    const tree = validatePipelineTree(body.pipeline, { cycleTolerate: true });
    return this.engine.previewNodeInputs(tree, body.node_id, {
      subprocessStack: body.subprocess_stack,
      rootPipelineData: body.root_pipeline_data,
      parentParams: body.parent_params,
    });
  }

  @Post('allowed-start-nodes')
  @HttpCode(200)
  @ApiOperation({ summary: 'get_allowed_start_node_ids' })
  @ApiOkResponse({ type: [String] })
  allowedStartNodes(@Body() body: TreeRequestDto): string[] {
    checkTreeLimits(body.pipeline);
    return allowedStartNodeIds(validatePipelineTree(body.pipeline, { cycleTolerate: true }));
  }

  @Post('skipped-nodes')
  @HttpCode(200)
  @ApiOperation({ summary: 'get_skipped_execute_node_ids' })
  @ApiOkResponse({ type: [String] })
  skippedNodes(@Body() body: SkippedNodesRequestDto): string[] {
    checkTreeLimits(body.pipeline);
    const tree =
      body.validate === false
        ? parsePipelineTree(body.pipeline)
        : validatePipelineTree(body.pipeline, { cycleTolerate: true });
    if (body.validate !== false) validateStartPosition(tree, body.start_node_id);
    return skippedExecuteNodeIds(tree, body.start_node_id);
  }
}
