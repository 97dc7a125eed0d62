import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { JsonObjectField } from '../../common/json-object-field.decorator';

/** The optional maps of a retry; the run body requires the first two. */
export class RetryPluginExecutionDto {
  @ApiPropertyOptional({ description: 'New inputs (`data.inputs`); the old ones are kept when absent', example: {} })
  @IsOptional()
  @JsonObjectField()
  @IsObject()
  inputs?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'New contexts (`parent_data.inputs`); kept when absent', example: {} })
  @IsOptional()
  @JsonObjectField()
  @IsObject()
  contexts?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'New runtime attributes; kept when absent', example: {} })
  @IsOptional()
  @JsonObjectField()
  @IsObject()
  runtime_attrs?: Record<string, unknown>;
}

/** Body of `POST /api/v1/plugin-executions` (spec 07 §6.2 `run`). */
export class RunPluginExecutionDto {
  @ApiProperty({ description: 'Code of a registered component', example: 'bamboo_sleep_timer' })
  @IsString()
  @MinLength(1, { message: 'component_code must not be empty' })
  @MaxLength(255)
  component_code!: string;

  @ApiProperty({ description: "Component version; '' means legacy", example: 'legacy' })
  @IsString()
  @MaxLength(64)
  version!: string;

  @ApiProperty({ description: "The component's `data.inputs`", example: { seconds: 1 } })
  @JsonObjectField()
  @IsObject()
  inputs!: Record<string, unknown>;

  @ApiProperty({ description: "The component's `parent_data.inputs`", example: { executor: 'alice' } })
  @JsonObjectField()
  @IsObject()
  contexts!: Record<string, unknown>;

  @ApiPropertyOptional({
    description: 'Runtime attributes set on the service (`name` names the instance)',
    example: { name: 'wait a second' },
  })
  @IsOptional()
  @JsonObjectField()
  @IsObject()
  runtime_attrs?: Record<string, unknown>;
}

export class RunPluginExecutionResponseDto {
  @ApiProperty({ example: 1 })
  task_id!: number;
}

/** Body of `POST /api/v1/plugin-executions/{task_id}/callback`. */
export class PluginCallbackDto {
  @ApiPropertyOptional({ description: 'Handed to the component schedule(); {} when absent', example: { done: true } })
  @IsOptional()
  @JsonObjectField()
  @IsObject()
  callback_data?: Record<string, unknown>;
}

/** `get_state` of spec 07 §6.2. */
export class PluginExecutionStateDto {
  @ApiProperty({ example: 1 })
  task_id!: number;

  @ApiProperty({ enum: ['READY', 'RUNNING', 'FINISHED', 'FAILED'], example: 'FINISHED' })
  state!: string;

  @ApiProperty({ example: 'bamboo_sleep_timer' })
  component_code!: string;

  @ApiProperty({ example: 'legacy' })
  version!: string;

  @ApiProperty({ description: 'Attempts so far (1 + retries)', example: 1 })
  invoke_count!: number;

  @ApiProperty({ example: { seconds: 1 } })
  inputs!: Record<string, unknown>;

  @ApiProperty({ description: 'Outputs of the last call; `ex_data` explains a failure', example: {} })
  outputs!: Record<string, unknown>;

  @ApiProperty({ example: {} })
  callback_data!: Record<string, unknown>;

  @ApiProperty({ example: { executor: 'alice' } })
  contexts!: Record<string, unknown>;

  @ApiProperty({ example: { name: 'wait a second' } })
  runtime_attrs!: Record<string, unknown>;

  @ApiProperty({ format: 'date-time', example: '2026-01-01T00:00:00.000Z' })
  create_at!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: '2026-01-01T00:00:01.000Z' })
  finish_at!: string | null;
}
