import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsDefined, IsIn, IsOptional, IsString, Matches } from 'class-validator';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
export const ROLLBACK_MODES = ['TOKEN', 'ANY'] as const;
export type RollbackModeDto = (typeof ROLLBACK_MODES)[number];

export class ReserveRollbackDto {
  @ApiProperty()
  @IsString()
  @Matches(ID, { message: 'start_node_id must be a node id' })
  start_node_id!: string;

  @ApiProperty()
  @IsString()
  @Matches(ID, { message: 'target_node_id must be a node id' })
  target_node_id!: string;

  @ApiPropertyOptional({ enum: ROLLBACK_MODES, default: 'TOKEN' })
  @IsOptional()
  @IsIn(ROLLBACK_MODES)
  mode?: RollbackModeDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  skip_check_token?: boolean;
}

/** A rollback takes what a reservation takes, plus the nodes whose component rollback is skipped. */
export class RollbackDto extends ReserveRollbackDto {
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10_000)
  @Matches(ID, { each: true, message: 'skip_rollback_nodes must hold node ids' })
  skip_rollback_nodes?: string[];
}

export class RetryRollbackDto {
  @ApiProperty()
  @IsString()
  @Matches(ID, { message: 'node_id must be a node id' })
  node_id!: string;

  @ApiPropertyOptional({ description: "Handed to the component's rollback()" })
  @IsOptional()
  @IsDefined()
  retry_data?: unknown;

  @ApiPropertyOptional({ enum: ROLLBACK_MODES, default: 'TOKEN' })
  @IsOptional()
  @IsIn(ROLLBACK_MODES)
  mode?: RollbackModeDto;
}

export class RollbackQuery {
  @ApiProperty()
  @IsString()
  @Matches(ID, { message: 'start_node_id must be a node id' })
  start_node_id!: string;

  @ApiPropertyOptional({ enum: ROLLBACK_MODES })
  @IsOptional()
  @IsIn(ROLLBACK_MODES)
  mode?: RollbackModeDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsIn(['true', 'false'])
  skip_check_token?: string;
}

export class CancelReservationQuery {
  @ApiProperty()
  @IsString()
  @Matches(ID, { message: 'target_node_id must be a node id' })
  target_node_id!: string;

  @ApiPropertyOptional({ enum: ROLLBACK_MODES })
  @IsOptional()
  @IsIn(ROLLBACK_MODES)
  mode?: RollbackModeDto;
}
