/** The engine's logger, shared by every provider of one module instance. */
export const BAMBOO_LOGGER = Symbol('BAMBOO_LOGGER');
