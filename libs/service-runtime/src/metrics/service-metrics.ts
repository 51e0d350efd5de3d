import { Inject, Injectable } from '@nestjs/common';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { EVENT_STORE } from '../event-store/event-store.tokens';
import type { ServiceInfo } from '../service-definition';
import { SERVICE_INFO } from '../service-runtime.tokens';
import { registerStoreGauges } from './store-gauges';

/**
 * The service's Prometheus metrics: Node.js process metrics, the store's gauges (subscription lag,
 * timers), and what the service's own code counts and times. One registry per service instance,
 * every series labelled with the service's name. Labels name applications, kinds and outcomes, never
 * a person.
 */
@Injectable()
export class ServiceMetrics {
  readonly registry = new Registry();

  constructor(@Inject(SERVICE_INFO) service: ServiceInfo, @Inject(EVENT_STORE) store: PostgresEventStore) {
    this.registry.setDefaultLabels({ service: service.name });
    collectDefaultMetrics({ register: this.registry, prefix: 'tenure_' });
    registerStoreGauges(this, store.pool);
  }

  /** A counter, created on first use (the same name returns the same counter). */
  counter(name: string, help: string, labelNames: readonly string[] = []): Counter {
    return (
      (this.registry.getSingleMetric(name) as Counter | undefined) ?? new Counter({ name, help, labelNames, registers: [this.registry] })
    );
  }

  /**
   * A gauge read when Prometheus scrapes: `read` returns each series' labels and value (from the
   * store, so every instance reports the same). Registered once per name.
   */
  gaugeFrom(
    name: string,
    help: string,
    labelNames: readonly string[],
    read: () => Promise<readonly { readonly labels: Record<string, string>; readonly value: number }[]>,
  ): void {
    if (this.registry.getSingleMetric(name)) return;
    new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        const series = await read();
        this.reset();
        for (const { labels, value } of series) this.set(labels, value);
      },
    });
  }

  /** A histogram of seconds, created on first use. */
  histogram(name: string, help: string, labelNames: readonly string[] = [], buckets?: number[]): Histogram {
    return (
      (this.registry.getSingleMetric(name) as Histogram | undefined) ??
      new Histogram({ name, help, labelNames, registers: [this.registry], ...(buckets ? { buckets } : {}) })
    );
  }
}
