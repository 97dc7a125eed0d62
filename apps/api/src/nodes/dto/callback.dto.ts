import { ApiProperty } from '@nestjs/swagger';
import { IsObject, IsString, Matches } from 'class-validator';
import { JsonObjectField } from '../../common/json-object-field.decorator';
import { isJsonObject } from '../../common/validation.pipe';

const STATE_VERSION = /^[A-Za-z0-9_-]{1,64}$/;

/** Body of `POST /api/v1/nodes/{node_id}/callbacks` (spec 06 A.14). */
export class CallbackDto {
  @ApiProperty({
    description: 'The state version of the waiting attempt',
    example: 'v0123456789abcdef0123456789abcdef',
  })
  @IsString()
  @Matches(STATE_VERSION, { message: 'version must be a state version' })
  version!: string;

  @ApiProperty({ description: 'Payload handed to the component schedule()', example: { approved: true } })
  @JsonObjectField()
  @IsObject()
  data!: Record<string, unknown>;

  /** `{version, data}` and nothing else, both valid: the validation pipe takes it as it is. */
  static isExactShape(body: Record<string, unknown>): boolean {
    const { version, data } = body;
    return (
      Object.keys(body).length === 2 && typeof version === 'string' && STATE_VERSION.test(version) && isJsonObject(data)
    );
  }
}

export class CallbackResponseDto {
  @ApiProperty()
  callback_data_id!: string;
}
