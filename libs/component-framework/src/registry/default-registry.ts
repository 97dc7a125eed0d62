import { ComponentRegistry } from './component-registry';

/** Process-wide registry the decorators register into (the original's module-level registry). */
export const defaultRegistry = new ComponentRegistry();
