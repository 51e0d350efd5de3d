import { existsSync } from 'node:fs';
import path from 'node:path';
import { isPortFree } from '@tenure/platform';
import type { PlannedProcess } from './platform-processes';

/**
 * What would make the start fail anyway, found before anything starts: entry points not built,
 * ports taken by another program (often a launcher still running in another terminal).
 * Returns one sentence per problem.
 */
export async function findStartProblems(processes: readonly PlannedProcess[], root: string): Promise<readonly string[]> {
  const problems: string[] = [];
  for (const planned of processes) {
    if (!existsSync(planned.entryPoint)) {
      problems.push(
        `${planned.name}: ${path.relative(root, planned.entryPoint)} does not exist; build first (npm start builds everything)`,
      );
    }
  }
  for (const planned of processes) {
    if (!(await isPortFree(planned.port))) {
      problems.push(
        `${planned.name}: port ${planned.port} is already in use; stop what uses it or choose another with ${planned.portVariable}`,
      );
    }
  }
  return problems;
}
