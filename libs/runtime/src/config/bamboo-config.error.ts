/** Thrown once at boot with every invalid variable, so an operator fixes them all in one go. */
export class BambooConfigError extends Error {
  readonly code = 'CONFIG_INVALID';

  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'BambooConfigError';
  }
}
