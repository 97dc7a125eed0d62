import type { ComponentRegistry } from '../registry/component-registry';
import type { ServiceClass } from '../service';
import { ExampleComponentService } from './example.component';
import { HttpRequestService } from './http-request.component';
import { SleepTimerService } from './sleep-timer.component';
import { WaitCallbackService } from './wait-callback.component';

export { ExampleComponentService, HttpRequestService, SleepTimerService, WaitCallbackService };

/** The built-in components; the decorators already put them in the default registry. */
export const BUILTIN_COMPONENTS: readonly ServiceClass[] = [
  ExampleComponentService,
  SleepTimerService,
  HttpRequestService,
  WaitCallbackService,
];

/** Adds the built-ins to a registry other than the default one. */
export function registerBuiltinComponents(registry: ComponentRegistry): void {
  for (const component of BUILTIN_COMPONENTS) registry.register(component);
}
