import { ApiProperty } from '@nestjs/swagger';
import { IsObject, IsString, Matches } from 'class-validator';
import { JsonObjectField } from '../../common/json-object-field.decorator';

/** Body of `POST /api/v1/nodes/{node_id}/callbacks` (spec 06 A.14). */
export class CallbackDto {
  @ApiProperty({
    description: 'The state version of the waiting attempt',
    example: 'v0123456789abcdef0123456789abcdef',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'version must be a state version' })
  version!: string;

  @ApiProperty({ description: 'Payload handed to the component schedule()', example: { approved: true } })
  @JsonObjectField()
  @IsObject()
  data!: Record<string, unknown>;
}

export class CallbackResponseDto {
  @ApiProperty()
  callback_data_id!: string;
}
