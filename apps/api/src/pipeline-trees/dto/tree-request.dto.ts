import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsObject, IsOptional, IsString, Matches } from 'class-validator';

export class TreeRequestDto {
  @ApiProperty({ description: 'A pipeline tree (spec 02)' })
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
