import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { SUBGRAPHS } from '../subgraphs';

/** The repository root; this file sits at gateway/{src,dist}/compose/. */
export const REPOSITORY_ROOT = join(__dirname, '..', '..', '..');

export interface SubgraphSource {
  readonly name: string;
  /** Where the gateway reaches the subgraph by default (local development). */
  readonly routingUrl: string;
  /** The service's built entry that prints its SDL; the gateway runs it, never imports service code. */
  readonly printSdlScript: string;
}

export function subgraphSources(root: string = REPOSITORY_ROOT): readonly SubgraphSource[] {
  return SUBGRAPHS.map((subgraph) => ({
    name: subgraph.name,
    routingUrl: `http://127.0.0.1:${subgraph.defaultPort}/graphql`,
    printSdlScript: join(root, 'services', subgraph.name, 'dist', 'print-sdl.js'),
  }));
}

/** Runs the service's print-sdl entry in a child process and returns the SDL it prints. */
export async function readSubgraphSdl(source: SubgraphSource, root: string = REPOSITORY_ROOT): Promise<string> {
  const script = relative(root, source.printSdlScript);
  if (!existsSync(source.printSdlScript)) {
    throw new Error(`${script} does not exist: build the ${source.name} service first (npm run supergraph builds every service)`);
  }
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [source.printSdlScript], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? String(error);
    throw new Error(`${script} failed:\n${stderr}`);
  }
}
