import { type ArgumentMetadata, BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { isDecimalInteger, parseDecimalInteger } from './decimal-integer';
import { MAX_BODY_DEPTH, tooDeepPath } from './json-depth';
import { jsonObjectFieldsOf } from './json-object-field.decorator';

function flatten(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((text) =>
      // class-validator starts messages with the bare property name; give the full path instead.
      text.startsWith(`${error.property} `) ? `${path}${text.slice(error.property.length)}` : `${path}: ${text}`,
    );
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A DTO class may recognise the bodies that certainly pass its validation as they are (exact keys,
 * plain values); the pipe then skips class-transformer and class-validator, which cost most of a
 * small request's validation (the callback endpoint, issue #8). Anything else is validated fully,
 * so every refusal and its message stay the validators' own.
 */
interface ExactShapeDto {
  new (): object;
  isExactShape?(body: Record<string, unknown>): boolean;
}

/**
 * DTO validation (spec 06 B.1 rule 4): unknown fields are refused and every message names its
 * field. Fields marked `@JsonObjectField()` are checked to be JSON objects and passed through
 * without class-transformer walking them.
 */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const tooDeep = metadata.type === 'body' ? tooDeepPath(value) : undefined;
    if (tooDeep !== undefined) throw badRequest([`${tooDeep}: nested deeper than ${MAX_BODY_DEPTH} levels`]);
    const type = metadata.metatype as ExactShapeDto | undefined;
    if (metadata.type === 'body' && isJsonObject(value) && type?.isExactShape?.(value)) {
      return Object.assign(new type(), value);
    }
    const fields = metadata.type === 'body' ? jsonObjectFieldsOf(metadata.metatype) : [];
    if (fields.length === 0 || !isJsonObject(value)) return super.transform(value, metadata);
    const raw: Record<string, unknown> = {};
    const shallow: Record<string, unknown> = { ...value };
    const problems: string[] = [];
    for (const field of fields) {
      if (!Object.prototype.hasOwnProperty.call(value, field)) continue;
      raw[field] = value[field];
      if (!isJsonObject(value[field])) problems.push(`${field} must be an object`);
      shallow[field] = {};
    }
    let result: Record<string, unknown>;
    try {
      result = (await super.transform(shallow, metadata)) as Record<string, unknown>;
    } catch (error) {
      if (problems.length === 0 || !(error instanceof BadRequestException)) throw error;
      const others = (error.getResponse() as { detail?: { errors?: string[] } }).detail?.errors ?? [];
      throw badRequest([...problems, ...others]);
    }
    if (problems.length > 0) throw badRequest(problems);
    return Object.assign(result, raw);
  }

  /**
   * A path or query parameter declared `number` (`task_id`, `loop`): Nest converts it with `+value`,
   * which takes '0x10' for 16 and '' for 0. Every number parameter of the API is an integer, so
   * only a plain decimal integer is taken; anything else answers 400 naming the parameter, before
   * the parameter's own pipe runs.
   */
  protected override transformPrimitive(value: unknown, metadata: ArgumentMetadata): unknown {
    const { type, metatype, data: name } = metadata;
    if (metatype !== Number || !name || (type !== 'param' && type !== 'query') || value === undefined) {
      return super.transformPrimitive(value, metadata);
    }
    // A repeated query parameter arrives as an array: not an integer either.
    if (typeof value !== 'string' || !isDecimalInteger(value)) {
      throw new BadRequestException(`${name} must be an integer`);
    }
    const parsed = parseDecimalInteger(value);
    if (parsed === undefined) throw new BadRequestException(`${name} is out of range`);
    return parsed;
  }
}

function badRequest(messages: string[]): BadRequestException {
  return new BadRequestException({ message: messages, detail: { errors: messages } });
}

export function createApiValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => badRequest(flatten(errors)),
  });
}
