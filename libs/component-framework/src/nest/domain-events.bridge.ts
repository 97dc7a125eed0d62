import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { deriveDomainEvents, SignalBus, type DomainEventOptions } from '@bamboo/signals';

/** Injection token of the domain-event options given to `SignalsModule.forRoot`. */
export const DOMAIN_EVENT_OPTIONS = Symbol('bamboo.signals.domainEventOptions');

/**
 * Derives `node_state_changed`, `pipeline_finished`, `pipeline_revoked` and `activity_failed` from
 * `post_set_state` for the module's lifetime (spec 08 §5), so applications listen to those instead
 * of interpreting raw state changes.
 */
@Injectable()
export class DomainEventsBridge implements OnModuleInit, OnModuleDestroy {
  private stop: (() => void) | undefined;

  constructor(
    private readonly bus: SignalBus,
    @Inject(DOMAIN_EVENT_OPTIONS) private readonly options: DomainEventOptions,
  ) {}

  onModuleInit(): void {
    this.stop ??= deriveDomainEvents(this.bus, this.options);
  }

  onModuleDestroy(): void {
    this.stop?.();
    this.stop = undefined;
  }
}
