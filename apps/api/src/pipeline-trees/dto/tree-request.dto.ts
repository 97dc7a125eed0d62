import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsObject, IsOptional, IsString, Matches } from 'class-validator';
import { JsonObjectField } from '../../common/json-object-field.decorator';

export class TreeRequestDto {
  @ApiProperty({ description: 'A pipeline tree (spec 02)' })
  @JsonObjectField()
  @IsObject()
  pipeline!: Record<string, unknown>;
}

export class SkippedNodesRequestDto extends TreeRequestDto {
  @ApiProperty()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'start_node_id must be a node id' })
  start_node_id!: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  validate?: boolean;
}

export class PreviewNodeInputsDto extends TreeRequestDto {
  @ApiProperty()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'node_id must be a node id' })
  node_id!: string;

  @ApiPropertyOptional({ type: [String], description: 'Subprocess ids from the root down to the node' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(64)
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { each: true, message: 'subprocess_stack must hold node ids' })
  subprocess_stack?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @JsonObjectField()
  @IsObject()
  root_pipeline_data?: Record<string, unknown>;

  @ApiPropertyOptional()
  @IsOptional()
  @JsonObjectField()
  @IsObject()
  parent_params?: Record<string, unknown>;
}
