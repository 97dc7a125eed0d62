import { BadRequestException, type PipeTransform } from '@nestjs/common';

/** `task_id` path parameter: plugin tasks have numeric ids; anything else answers 400 naming it. */
export class TaskIdPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const id = /^[1-9][0-9]{0,15}$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(id)) throw new BadRequestException('task_id must be a positive integer');
    return id;
  }
}
