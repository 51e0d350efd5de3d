import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DynamicModule, Type } from '@nestjs/common';
import type { SubgraphDefinition } from '@tenure/subgraph';
import type { ServiceConfigSchema } from './config/service-config';

/** Who is reporting: the service's name and the version it runs. */
export interface ServiceInfo {
  readonly name: string;
  readonly version: string;
}

/** What makes one service itself; the runtime adds health, logging, the event store and the HTTP server. */
export interface ServiceDefinition extends ServiceInfo {
  readonly configSchema: ServiceConfigSchema;
  /** The service's own Nest module: its resolvers and, later, its command handlers and projections. */
  readonly module: Type<unknown> | DynamicModule;
  /** Its subgraph; resolver classes listed here must be providers of `module`. */
  readonly subgraph: SubgraphDefinition;
}

/** The `version` of the package.json in `packageDirectory`. */
export function readPackageVersion(packageDirectory: string): string {
  const file = join(packageDirectory, 'package.json');
  const { version } = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
  if (typeof version !== 'string') throw new Error(`${file} has no version`);
  return version;
}
