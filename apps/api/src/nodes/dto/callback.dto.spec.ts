import { BadRequestException, type ArgumentMetadata } from '@nestjs/common';
import { createApiValidationPipe } from '../../common/validation.pipe';
import { CallbackDto } from './callback.dto';

/** The same DTO without the exact-shape check: what the validators alone answer. */
class ValidatedCallbackDto extends CallbackDto {}
Object.defineProperty(ValidatedCallbackDto, 'isExactShape', { value: undefined });

const pipe = createApiValidationPipe();
const asBody = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'body', metatype });

async function outcome(body: unknown, metatype: ArgumentMetadata['metatype']): Promise<unknown> {
  try {
    return { value: { ...(await pipe.transform(body, asBody(metatype))) } };
  } catch (error) {
    return error instanceof BadRequestException ? { refused: error.getResponse() } : { thrown: String(error) };
  }
}

describe('CallbackDto validation', () => {
  it('takes the common body as it is: a CallbackDto holding the very payload object', async () => {
    const data = { approved: true, items: [1, 2] };
    const dto = (await pipe.transform({ version: 'v0123', data }, asBody(CallbackDto))) as CallbackDto;
    expect(dto).toBeInstanceOf(CallbackDto);
    expect(dto.version).toBe('v0123');
    expect(dto.data).toBe(data);
  });

  it.each([
    ['valid', { version: 'v1', data: { a: { b: 1 } } }],
    ['an unknown field', { version: 'v1', data: {}, extra: 1 }],
    ['a bad version', { version: 'v 1', data: {} }],
    ['a number version', { version: 1, data: {} }],
    ['no data', { version: 'v1' }],
    ['array data', { version: 'v1', data: [] }],
    ['null data', { version: 'v1', data: null }],
    ['a __proto__ key', JSON.parse('{"version":"v1","data":{},"__proto__":{"x":1}}') as unknown],
  ])('answers %s exactly as the validators do', async (_label, body) => {
    expect(await outcome(body, CallbackDto)).toEqual(await outcome(body, ValidatedCallbackDto));
  });
});
