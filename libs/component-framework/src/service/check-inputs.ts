import type { DataRecord } from '@bamboo/engine';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import type { Service } from './service';
import type { ServiceClass } from './service-class';

function flatten(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = `${prefix}${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) => `${path}: ${message}`);
    return [...own, ...flatten(error.children ?? [], `${path}.`)];
  });
}

/**
 * Opt-in strict input check (spec 07 §5 Decision, `COMPONENT_STRICT_INPUTS`): every required
 * `InputItem` must be present, and when the class declares `static inputsSchema` (a class-validator
 * DTO) the inputs must validate against it. Returns readable problems; empty means fine. The engine
 * never calls this unless strict inputs are enabled, matching the original's descriptive formats.
 */
export async function checkServiceInputs(service: Service, inputs: DataRecord): Promise<string[]> {
  const problems = service
    .inputsFormat()
    .filter((item) => item.required && !Object.prototype.hasOwnProperty.call(inputs, item.key))
    .map((item) => `${item.key}: required input "${item.name}" is missing`);
  const schema = (service.constructor as ServiceClass).inputsSchema;
  if (schema) {
    const dto = plainToInstance(schema, inputs);
    problems.push(...flatten(await validate(dto, { forbidUnknownValues: false })));
  }
  return problems;
}
