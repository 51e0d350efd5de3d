import { createLogger, loadConfig } from '@tenure/platform';
import { printSubgraphSdl } from '@tenure/subgraph';
import type { ServiceDefinition } from '../service-definition';
import { startService } from './create-service-app';

/** A service's `main`: configuration from the environment, then start; anything wrong ends the process with a fatal log line. */
export function runService(service: ServiceDefinition, env: NodeJS.ProcessEnv = process.env): void {
  const fail = (error: unknown): never => {
    createLogger(service.name, 'info').fatal({ err: error }, 'could not start');
    process.exit(1);
  };
  try {
    startService(service, loadConfig(service.configSchema, env)).catch(fail);
  } catch (error) {
    fail(error);
  }
}

/** A service's `print-sdl`: writes its subgraph SDL for supergraph composition, without a database or a server. */
export function printServiceSdl(service: Pick<ServiceDefinition, 'name' | 'subgraph'>): void {
  printSubgraphSdl(service.subgraph).then(
    (sdl) => process.stdout.write(`${sdl}\n`),
    (error: unknown) => {
      process.stderr.write(
        `could not build the ${service.name} subgraph schema: ${String(error instanceof Error ? error.stack : error)}\n`,
      );
      process.exitCode = 1;
    },
  );
}
