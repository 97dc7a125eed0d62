import { BadRequestException, type PipeTransform } from '@nestjs/common';

// Ids are at most 33 characters of [A-Za-z0-9_-] (spec 01 §2); a wider margin keeps old data readable.
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Validates an id path parameter so that malformed ids answer 400 naming the parameter. */
export class IdParamPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (!ID_PATTERN.test(value)) {
      throw new BadRequestException(`${this.name} must be 1-64 characters of letters, digits, '_' or '-'`);
    }
    return value;
  }
}
