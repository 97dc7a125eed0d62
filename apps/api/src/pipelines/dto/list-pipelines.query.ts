import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { decimalIntegerOrRaw } from '../../common/decimal-integer';

export const PIPELINE_STATES = [
  'READY',
  'RUNNING',
  'SUSPENDED',
  'BLOCKED',
  'FINISHED',
  'FAILED',
  'REVOKED',
  'ROLLING_BACK',
  'ROLL_BACK_SUCCESS',
  'ROLL_BACK_FAILED',
];

/** Query of `GET /api/v1/pipelines` (00-README task list). */
export class ListPipelinesQuery {
  @ApiPropertyOptional({ enum: PIPELINE_STATES })
  @IsOptional()
  @IsIn(PIPELINE_STATES)
  state?: string;

  @ApiPropertyOptional({ description: 'Substring of the pipeline name' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  name?: string;

  @ApiPropertyOptional({ description: 'ISO-8601 time, inclusive' })
  @IsOptional()
  @IsISO8601()
  created_after?: string;

  @ApiPropertyOptional({ description: 'ISO-8601 time, exclusive' })
  @IsOptional()
  @IsISO8601()
  created_before?: string;

  @ApiPropertyOptional({ type: 'integer', default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  // Not `@Type(() => Number)`: Number() takes '0x10', '1e1' or ' 12' for a page size.
  @Transform(decimalIntegerOrRaw)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'next_cursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  cursor?: string;
}
