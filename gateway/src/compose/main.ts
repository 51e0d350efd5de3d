import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { CHECKED_IN_SUPERGRAPH_PATH } from '../supergraph';
import { composeSupergraph } from './compose-supergraph';
import { REPOSITORY_ROOT, readSubgraphSdl, subgraphSources } from './subgraph-sources';

// Composes gateway/supergraph.graphql from the SDL each built service prints.
// With --check, writes nothing and fails when the checked-in file differs from a fresh composition.
// The root scripts build the services first, so a schema change in a service's code reaches this check.
async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  const target = relative(REPOSITORY_ROOT, CHECKED_IN_SUPERGRAPH_PATH);
  const sources = subgraphSources();
  const subgraphs = await Promise.all(sources.map(async (source) => ({ ...source, sdl: await readSubgraphSdl(source) })));

  const composition = composeSupergraph(subgraphs);
  if (!composition.ok) {
    process.stderr.write(`Supergraph composition failed:\n${composition.errors.map((error) => `  - ${error}`).join('\n')}\n`);
    return 1;
  }
  for (const hint of composition.hints) process.stderr.write(`hint: ${hint}\n`);

  if (!check) {
    writeFileSync(CHECKED_IN_SUPERGRAPH_PATH, composition.supergraphSdl);
    process.stdout.write(`Wrote ${target} from ${subgraphs.map((subgraph) => subgraph.name).join(', ')}.\n`);
    return 0;
  }
  const checkedIn = readCheckedIn();
  if (checkedIn === composition.supergraphSdl) {
    process.stdout.write(`${target} is up to date.\n`);
    return 0;
  }
  process.stderr.write(
    `${target} is stale: it differs from what the subgraphs compose to now${firstDifference(checkedIn ?? '', composition.supergraphSdl)}.\n` +
      'Run `npm run supergraph` and commit the result.\n',
  );
  return 1;
}

function readCheckedIn(): string | undefined {
  try {
    return readFileSync(CHECKED_IN_SUPERGRAPH_PATH, 'utf8');
  } catch {
    return undefined;
  }
}

function firstDifference(before: string, after: string): string {
  const beforeLines = before.split('\n');
  const afterLines = after.split('\n');
  const index = afterLines.findIndex((line, i) => line !== beforeLines[i]);
  const line = index === -1 ? afterLines.length : index;
  return ` (first at line ${line + 1}: checked in ${JSON.stringify(beforeLines[line] ?? '<end of file>')}, composed ${JSON.stringify(afterLines[line] ?? '<end of file>')})`;
}

main().then(
  (exitCode) => {
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
