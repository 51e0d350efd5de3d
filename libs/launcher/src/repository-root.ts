import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The folder whose package.json declares the npm workspaces, found upward from `start`. */
export function findRepositoryRoot(start: string): string {
  for (let folder = path.resolve(start); ; folder = path.dirname(folder)) {
    const manifest = path.join(folder, 'package.json');
    if (existsSync(manifest) && 'workspaces' in (JSON.parse(readFileSync(manifest, 'utf8')) as object)) return folder;
    if (path.dirname(folder) === folder) throw new Error(`No repository root (a package.json with workspaces) above ${start}`);
  }
}
