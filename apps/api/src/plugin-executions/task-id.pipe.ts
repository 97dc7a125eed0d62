import { BadRequestException, type PipeTransform } from '@nestjs/common';
import { parseDecimalInteger } from '../common/decimal-integer';

/**
 * `task_id` path parameter: plugin tasks have positive integer ids; anything else answers 400
 * naming it. The API's validation pipe has already turned a plain decimal integer into a number
 * (and refused any other text, '0x10' or '1e3' included); a text is checked the same way here.
 */
export class TaskIdPipe implements PipeTransform<string | number, number> {
  transform(value: string | number): number {
    const id = typeof value === 'number' ? value : parseDecimalInteger(value);
    if (id === undefined || !Number.isSafeInteger(id) || id < 1) {
      throw new BadRequestException('task_id must be a positive integer');
    }
    return id;
  }
}
