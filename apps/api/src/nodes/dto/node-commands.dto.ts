import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { JsonObjectField } from '../../common/json-object-field.decorator';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export class RetryNodeDto {
  @ApiPropertyOptional({ description: 'The complete new input set (replaces every input)', example: { n: 5 } })
  @IsOptional()
  @JsonObjectField()
  @IsObject()
  inputs?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Input keys stored unrendered', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  escape_render_keys?: string[];

  @ApiPropertyOptional({ description: 'Retry only the failed iteration of a loop_config node' })
  @IsOptional()
  @IsBoolean()
  loop_retry?: boolean;
}

export class SkipNodeDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  loop_skip?: boolean;
}

export class SkipExclusiveGatewayDto {
  @ApiProperty({ description: 'The outgoing flow to take' })
  @IsString()
  @Matches(ID, { message: 'flow_id must be a flow id' })
  flow_id!: string;
}

export class SkipConditionalParallelGatewayDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1, { message: 'flow_ids must name at least one flow' })
  @ArrayMaxSize(1000)
  @Matches(ID, { each: true, message: 'flow_ids must hold flow ids' })
  flow_ids!: string[];

  @ApiProperty()
  @IsString()
  @Matches(ID, { message: 'converge_gateway_id must be a node id' })
  converge_gateway_id!: string;
}

export class ForcedFailDto {
  @ApiProperty({ example: 'stopped by operator alice' })
  @IsString()
  @MaxLength(10_000)
  ex_data!: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  send_post_set_state_signal?: boolean;
}

export class UpdateNodeOutputsDto {
  @ApiProperty()
  @IsString()
  @Matches(ID, { message: 'root_pipeline_id must be a pipeline id' })
  root_pipeline_id!: string;

  @ApiProperty({ description: 'Context keys in ${key} form mapped to new values', example: { '${total}': 42 } })
  @JsonObjectField()
  @IsObject()
  context_values!: Record<string, unknown>;
}
