import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsObject, IsOptional, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';
import { JsonObjectField } from '../../common/json-object-field.decorator';

export class RunOptionsDto {
  @ApiPropertyOptional({ description: 'Accept directed cycles (loops) in the tree.', default: false })
  @IsOptional()
  @IsBoolean()
  cycle_tolerate?: boolean;

  @ApiPropertyOptional({ description: 'Start at this node instead of the start event (spec 06 A.2.1).' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'options.start_node_id must be a node id' })
  start_node_id?: string;

  @ApiPropertyOptional({ description: 'Queue suffix isolating this run (er_execute_<queue>).', default: '' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{0,64}$/, { message: 'options.queue must be at most 64 letters, digits, _ or -' })
  queue?: string;

  @ApiPropertyOptional({ description: 'Priority of every task of the run; higher runs first.', default: 100 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(255)
  priority?: number;
}

const EXAMPLE_TREE = {
  id: 'p0000000000000000000000000000000a',
  start_event: {
    id: 'e0000000000000000000000000000001',
    type: 'EmptyStartEvent',
    incoming: '',
    outgoing: 'f0000000000000000000000000000001',
  },
  activities: {
    e0000000000000000000000000000002: {
      id: 'e0000000000000000000000000000002',
      type: 'ServiceActivity',
      component: { code: 'example_component', inputs: { n: { type: 'plain', value: 4 } } },
      incoming: ['f0000000000000000000000000000001'],
      outgoing: 'f0000000000000000000000000000002',
      error_ignorable: false,
      skippable: true,
      retryable: true,
    },
  },
  end_event: {
    id: 'e0000000000000000000000000000003',
    type: 'EmptyEndEvent',
    incoming: ['f0000000000000000000000000000002'],
    outgoing: '',
  },
  gateways: {},
  flows: {
    f0000000000000000000000000000001: {
      id: 'f0000000000000000000000000000001',
      source: 'e0000000000000000000000000000001',
      target: 'e0000000000000000000000000000002',
    },
    f0000000000000000000000000000002: {
      id: 'f0000000000000000000000000000002',
      source: 'e0000000000000000000000000000002',
      target: 'e0000000000000000000000000000003',
    },
  },
  data: { inputs: {}, outputs: [] },
};

/** Body of `POST /api/v1/pipelines` (spec 06 B.2 run_pipeline). */
export class RunPipelineDto {
  @ApiProperty({ description: 'The pipeline tree (spec 02), as bamboo-engine emits it.', example: EXAMPLE_TREE })
  @JsonObjectField()
  @IsObject()
  pipeline!: Record<string, unknown>;

  @ApiPropertyOptional({
    description: 'Plain data handed to every component as parent_data.inputs.',
    example: { executor: 'alice' },
  })
  @IsOptional()
  @JsonObjectField()
  @IsObject()
  root_pipeline_data?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Extra plain variables of the root context.' })
  @IsOptional()
  @JsonObjectField()
  @IsObject()
  root_pipeline_context?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Plain variables seeded into every subprocess context.' })
  @IsOptional()
  @JsonObjectField()
  @IsObject()
  subprocess_context?: Record<string, unknown>;

  @ApiPropertyOptional({ type: RunOptionsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RunOptionsDto)
  options?: RunOptionsDto;
}

export class RunPipelineResponseDto {
  @ApiProperty()
  pipeline_id!: string;

  @ApiProperty()
  process_id!: string;
}
