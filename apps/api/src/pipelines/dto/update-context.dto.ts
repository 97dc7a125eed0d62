import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export class ContextValueDto {
  @ApiProperty({ example: '${threshold}' })
  @IsString()
  @Matches(/^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/, { message: 'key must look like ${name}' })
  key!: string;

  @ApiProperty({ enum: ['plain', 'splice', 'lazy'] })
  @IsIn(['plain', 'splice', 'lazy'])
  type!: 'plain' | 'splice' | 'lazy';

  @ApiProperty({ description: 'Any JSON value, null included' })
  @ValidateIf((item: ContextValueDto) => item.value !== null)
  @IsDefined()
  value!: unknown;

  @ApiPropertyOptional({ description: 'Lazy variable code (type lazy)' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  code?: string;
}

/** Body of `PATCH /api/v1/pipelines/{id}/context` (update_context_values). */
export class UpdateContextDto {
  @ApiProperty({ type: [ContextValueDto] })
  @IsArray()
  @ArrayMaxSize(1000)
  // ValidateNested lets an array item through unvalidated (it validates the array's own items).
  @IsObject({ each: true, message: 'each item of context_values must be an object' })
  @ValidateNested({ each: true })
  @Type(() => ContextValueDto)
  context_values!: ContextValueDto[];
}
