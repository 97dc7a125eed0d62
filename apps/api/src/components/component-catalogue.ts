import type { ComponentRegistry } from '@bamboo/component-framework';

export interface CatalogueItem {
  code: string;
  name: string;
  version: string;
  is_default_version: boolean;
  /** Registered in this process (spec 07 §1.2 catalogue `status`); removed components are not listed. */
  status: boolean;
  group_name: string;
  desc: string;
  need_schedule: boolean;
  multi_callback_enabled: boolean;
  inputs_format: unknown[];
  outputs_format: unknown[];
}

/**
 * The catalogue view of every registered component (spec 07 §1.3, §5). Formats come from a fresh
 * service instance, as in the original; a component whose instance cannot be built is listed with
 * empty formats rather than failing the whole catalogue.
 */
export async function describeRegistry(registry: ComponentRegistry): Promise<CatalogueItem[]> {
  const items = registry.entries().map(async (entry): Promise<CatalogueItem> => {
    const formats = await Promise.resolve()
      .then(() => entry.definition.createService(null))
      .then((service) => {
        const described = service as unknown as {
          inputs?: () => Array<{ serialize(): unknown }>;
          outputs?: () => Array<{ serialize(): unknown }>;
        };
        return {
          inputs: (described.inputs?.() ?? []).map((item) => item.serialize()),
          outputs: (described.outputs?.() ?? []).map((item) => item.serialize()),
        };
      })
      .catch(() => ({ inputs: [], outputs: [] }));
    return {
      code: entry.meta.code,
      name: entry.meta.name,
      version: entry.meta.version,
      is_default_version: entry.meta.isDefaultVersion,
      status: true,
      group_name: entry.meta.groupName,
      desc: entry.meta.desc,
      need_schedule: entry.definition.needSchedule,
      multi_callback_enabled: entry.definition.multiCallbackEnabled,
      inputs_format: formats.inputs,
      outputs_format: formats.outputs,
    };
  });
  const all = await Promise.all(items);
  return all.sort((a, b) => a.code.localeCompare(b.code) || a.version.localeCompare(b.version));
}
