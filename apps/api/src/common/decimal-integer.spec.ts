import { BadRequestException } from '@nestjs/common';
import { TaskIdPipe } from '../plugin-executions/task-id.pipe';
import { decimalIntegerOrRaw, parseDecimalInteger } from './decimal-integer';
import { createApiValidationPipe } from './validation.pipe';

// Texts Number() reads as an integer although they are not one written in decimal.
const NOT_DECIMAL = ['0x10', '0X10', '0b1', '0o7', '1e3', '1E3', '1.0', '.5', '+5', ' 12', '12 ', '\t1', '\n1'];
const MORE_NOT_DECIMAL = ['', ' ', '-', '-0', '016', '00', '1_000', '١٢', 'Infinity', 'NaN', '1,5', 'abc'];

describe('parseDecimalInteger', () => {
  it('reads plain decimal integers', () => {
    expect(['0', '7', '16', '-1', '-250', '9007199254740991'].map(parseDecimalInteger)).toEqual([
      0, 7, 16, -1, -250, 9007199254740991,
    ]);
  });

  it('refuses every other spelling, and integers beyond the safe range', () => {
    for (const text of [...NOT_DECIMAL, ...MORE_NOT_DECIMAL, '9007199254740992', '-99999999999999999999']) {
      expect([text, parseDecimalInteger(text)]).toEqual([text, undefined]);
    }
  });

  it('hands a DTO field the number, or the text as it came for @IsInt to refuse', () => {
    expect(decimalIntegerOrRaw({ value: '50' })).toBe(50);
    expect(decimalIntegerOrRaw({ value: '0x10' })).toBe('0x10');
    expect(decimalIntegerOrRaw({ value: ['1', '2'] })).toEqual(['1', '2']);
    expect(decimalIntegerOrRaw({ value: undefined })).toBeUndefined();
  });
});

describe('number path and query parameters through the API validation pipe', () => {
  const pipe = createApiValidationPipe();
  const param = (value: unknown, type: 'param' | 'query' = 'param', data = 'task_id') =>
    pipe.transform(value, { type, metatype: Number, data });
  const refusal = async (promise: Promise<unknown>) => {
    const error = (await promise.then(
      () => undefined,
      (thrown: unknown) => thrown,
    )) as BadRequestException | undefined;
    return error instanceof BadRequestException ? error.message : `no refusal: ${String(error)}`;
  };

  it('turns a plain decimal integer into a number', async () => {
    await expect(param('16')).resolves.toBe(16);
    await expect(param('-1', 'query', 'loop')).resolves.toBe(-1);
    await expect(param(undefined, 'query', 'loop')).resolves.toBeUndefined();
  });

  it('answers 400 naming the parameter for anything else', async () => {
    for (const text of [...NOT_DECIMAL, ...MORE_NOT_DECIMAL]) {
      expect([text, await refusal(param(text))]).toEqual([text, 'task_id must be an integer']);
    }
    expect(await refusal(param(['1', '2'], 'query', 'loop'))).toBe('loop must be an integer');
    expect(await refusal(param('99999999999999999999'))).toBe('task_id is out of range');
  });

  it('leaves parameters of other types alone', async () => {
    await expect(pipe.transform('0x10', { type: 'param', metatype: String, data: 'node_id' })).resolves.toBe('0x10');
    await expect(pipe.transform(' 12', { type: 'body', metatype: Number, data: 'n' })).resolves.toBe(' 12');
  });

  it('TaskIdPipe takes the converted number, or checks a text the same way itself', () => {
    const taskId = new TaskIdPipe();
    expect(taskId.transform(16)).toBe(16);
    expect(taskId.transform('16')).toBe(16);
    for (const value of ['0x10', ' 16', '016', '0', '-1', 0, -1, 1.5]) {
      expect(() => taskId.transform(value)).toThrow('task_id must be a positive integer');
    }
  });
});
