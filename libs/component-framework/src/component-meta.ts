import { getOwnMetadata } from './metadata';

export const COMPONENT_METADATA = 'bamboo:component';

/** Options of `@Component` (spec 07 §8.1). */
export interface ComponentOptions {
  code: string;
  name: string;
  /** Default `legacy`; tree nodes without `component.version` use it. */
  version?: string;
  /** Catalogue flag only: lookup is always by exact version. */
  isDefaultVersion?: boolean;
  groupName?: string;
  groupIcon?: string;
  desc?: string;
  base?: string;
  form?: string | null;
  outputForm?: string | null;
  embeddedForm?: boolean;
  /** Declare the component without registering it in the default registry. */
  registerIgnore?: boolean;
}

/** Normalised metadata recorded on the class. */
export type ComponentMeta = Required<Omit<ComponentOptions, 'form' | 'outputForm'>> & {
  form: string | null;
  outputForm: string | null;
};

export const LEGACY_VERSION = 'legacy';

export function getComponentMeta(target: unknown): ComponentMeta | undefined {
  return getOwnMetadata<ComponentMeta>(target, COMPONENT_METADATA);
}
