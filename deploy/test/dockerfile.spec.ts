import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { APPS, CONTAINER_PORT, SECRET_NAME, SERVICES, GATEWAY, PORTAL } from './support/apps';
import { readRepositoryFile, repositoryFileExists } from './support/repository';

const DOCKERFILE = ['deploy', 'docker', 'Dockerfile'] as const;

interface Stage {
  readonly name: string;
  readonly instructions: readonly Instruction[];
}

/** The Dockerfile's stages in order, each with its instructions (its FROM first). */
function readStages(text = readRepositoryFile(...DOCKERFILE)): { stages: Stage[]; initialArgs: Instruction[] } {
  const dockerfile = DockerfileParser.parse(text);
  const stages: { name: string; instructions: Instruction[] }[] = [];
  const initialArgs: Instruction[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM') {
      const name = /\bAS\s+(\S+)\s*$/i.exec(instruction.getArgumentsContent() ?? '')?.[1] ?? `stage ${stages.length}`;
      stages.push({ name, instructions: [instruction] });
    } else if (stages.length === 0) {
      initialArgs.push(instruction);
    } else {
      stages[stages.length - 1]!.instructions.push(instruction);
    }
  }
  return { stages, initialArgs };
}

function stage(stages: readonly Stage[], name: string): Stage {
  const found = stages.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`the Dockerfile has no stage ${name}`);
  return found;
}

function instructionsOf(stage: Stage, keyword: string): Instruction[] {
  return stage.instructions.filter((instruction) => instruction.getKeyword() === keyword);
}

/** The JSON-array form's strings (CMD ["node", "dist/main.js"]). */
function execForm(instruction: Instruction): string[] {
  const content = (instruction.getArgumentsContent() ?? '').replace(/^CMD\s+/, '');
  const parsed = JSON.parse(content) as unknown;
  if (!Array.isArray(parsed) || !parsed.every((part) => typeof part === 'string')) throw new Error(`not the exec form: ${content}`);
  return parsed;
}

/** `KEY=value` pairs of the ENV and ARG instructions given. */
function assignments(instructions: readonly Instruction[]): { keyword: string; name: string; value: string | undefined }[] {
  return instructions.flatMap((instruction) => {
    const keyword = instruction.getKeyword();
    if (keyword !== 'ENV' && keyword !== 'ARG') return [];
    const content = instruction.getArgumentsContent() ?? '';
    return [...content.matchAll(/([A-Za-z_][A-Za-z0-9_]*)(?:=("[^"]*"|'[^']*'|\S*))?/g)].map((match) => ({
      keyword,
      name: match[1]!,
      value: match[2],
    }));
  });
}

/** The stages an image is made of: the ones that say what to run. */
function runtimeStages(stages: readonly Stage[]): Stage[] {
  return stages.filter((candidate) => instructionsOf(candidate, 'CMD').length > 0);
}

describe('deploy/docker/Dockerfile', () => {
  const { stages, initialArgs } = readStages();

  it('is multi-stage: a build stage with the whole toolchain, a production-dependencies stage, and the two runtime targets', () => {
    expect(stages.map((candidate) => candidate.name)).toEqual(['build', 'runtime-deps', 'portal', 'service']);
    // The default target (the last stage) is the services' and the gateway's image.
    expect(stages[stages.length - 1]!.name).toBe('service');
  });

  it('builds every stage on one small Node.js 20 base image', () => {
    const base = assignments(initialArgs).find((assignment) => assignment.name === 'NODE_IMAGE');
    expect(base?.value).toMatch(/^node:20(\.\d+){0,2}-(bookworm-slim|alpine)/);
    for (const candidate of stages) expect(candidate.instructions[0]!.getArgumentsContent()).toMatch(/^\$\{NODE_IMAGE\} AS /);
    // The repository's own floor (package.json engines) is met by the pinned version.
    const engines = (JSON.parse(readRepositoryFile('package.json')) as { engines: { node: string } }).engines.node;
    const floor = /^>=(\d+)\.(\d+)\.(\d+)$/.exec(engines);
    const pinned = /^node:(\d+)\.(\d+)\.(\d+)-/.exec(base?.value ?? '');
    expect(floor).not.toBeNull();
    expect(pinned).not.toBeNull();
    const [major, minor] = [Number(pinned![1]), Number(pinned![2])];
    expect(major).toBe(Number(floor![1]));
    expect(minor).toBeGreaterThanOrEqual(Number(floor![2]));
  });

  it('installs and builds with the lockfile in the build stage, then installs production dependencies only for the runtime', () => {
    const buildRuns = instructionsOf(stage(stages, 'build'), 'RUN').map((run) => run.getArgumentsContent() ?? '');
    expect(buildRuns).toContainEqual(expect.stringMatching(/^npm ci\b/));
    expect(buildRuns).toContainEqual(expect.stringMatching(/npx nx run .*:build/));
    expect(buildRuns).toContainEqual(expect.stringContaining('deploy/docker/stage-runtime.sh'));
    expect(repositoryFileExists('deploy', 'docker', 'stage-runtime.sh')).toBe(true);

    const dependencyRuns = instructionsOf(stage(stages, 'runtime-deps'), 'RUN').map((run) => run.getArgumentsContent() ?? '');
    expect(dependencyRuns).toHaveLength(1);
    expect(dependencyRuns[0]).toMatch(/^npm ci\b/);
    expect(dependencyRuns[0]).toContain('--omit=dev');
    expect(dependencyRuns[0]).toContain('--workspace "${APP}"');
  });

  it('copies into the runtime images only the production dependencies and the build output, never the sources', () => {
    for (const runtime of runtimeStages(stages)) {
      const copies = instructionsOf(runtime, 'COPY').map((copy) => copy.getTextContent());
      expect(copies).toEqual(['COPY --from=runtime-deps /app/ ./', 'COPY --from=build /out/built/ ./']);
      expect(instructionsOf(runtime, 'ADD')).toHaveLength(0);
    }
  });

  it('runs every runtime image as a numeric non-root user, set before the command', () => {
    for (const runtime of runtimeStages(stages)) {
      const users = instructionsOf(runtime, 'USER');
      expect(users).toHaveLength(1);
      const [user, group] = (users[0]!.getArgumentsContent() ?? '').split(':');
      // Numeric, so that Kubernetes' runAsNonRoot can verify it; the node image's `node` account.
      expect(user).toMatch(/^[1-9]\d*$/);
      expect(group).toMatch(/^[1-9]\d*$/);
      const userLine = users[0]!.getRange().start.line;
      const commandLine = instructionsOf(runtime, 'CMD')[0]!.getRange().start.line;
      expect(userLine).toBeLessThan(commandLine);
    }
  });

  it('declares a HEALTHCHECK on /health and listens on the port the manifests target', () => {
    for (const runtime of runtimeStages(stages)) {
      const healthchecks = instructionsOf(runtime, 'HEALTHCHECK');
      expect(healthchecks).toHaveLength(1);
      expect(healthchecks[0]!.getArgumentsContent()).toContain("'/health'");
      expect(instructionsOf(runtime, 'EXPOSE').map((expose) => expose.getArgumentsContent())).toEqual([String(CONTAINER_PORT)]);
      const port = assignments(instructionsOf(runtime, 'ENV')).find((assignment) => assignment.name === 'PORT');
      expect(port?.value).toBe(String(CONTAINER_PORT));
    }
  });

  it('bakes no secret into any stage: no ENV or ARG with a secret-looking name', () => {
    const all = [...initialArgs, ...stages.flatMap((candidate) => candidate.instructions)];
    const secretLooking = assignments(all).filter((assignment) => SECRET_NAME.test(assignment.name));
    expect(secretLooking).toEqual([]);
    // And none of the apps' secret variables is named anywhere in an instruction.
    const text = all.map((instruction) => instruction.getArgumentsContent() ?? '').join('\n');
    for (const name of ['CALLER_TOKEN_SECRET', 'PERSONAL_DATA_KEY', 'CONNECTOR_CREDENTIALS_KEY', 'PORTAL_SESSION_SECRET', 'DATABASE_URL']) {
      expect(text).not.toContain(name);
    }
  });

  it("starts the services and the gateway with their build's entry point, dist/main.js in the app's folder", () => {
    const service = stage(stages, 'service');
    expect(execForm(instructionsOf(service, 'CMD')[0]!)).toEqual(['node', 'dist/main.js']);
    expect(instructionsOf(service, 'WORKDIR').map((workdir) => workdir.getArgumentsContent())).toContain('/app/${APP}');
    for (const app of [...SERVICES, GATEWAY]) {
      // tsc compiles src/ into dist/ (tsconfig.build.json), so src/main.ts becomes dist/main.js.
      const build = JSON.parse(readRepositoryFile(app.folder, 'tsconfig.build.json')) as {
        compilerOptions: { outDir: string; rootDir: string };
      };
      expect(build.compilerOptions).toMatchObject({ outDir: 'dist', rootDir: 'src' });
      expect(repositoryFileExists(app.folder, 'src', 'main.ts')).toBe(true);
      const manifest = JSON.parse(readRepositoryFile(app.folder, 'package.json')) as { main?: string; scripts: Record<string, string> };
      expect(manifest.main).toBe('dist/main.js');
      expect(manifest.scripts['build']).toBe('tsc -p tsconfig.build.json');
    }
    // The gateway reads its supergraph from beside dist/ (gateway/src/supergraph.ts); the staging script copies it.
    expect(repositoryFileExists('gateway', 'supergraph.graphql')).toBe(true);
    expect(readRepositoryFile('deploy', 'docker', 'stage-runtime.sh')).toContain('cp gateway/supergraph.graphql');
  });

  it("starts the portal with Next.js's own binary on what `next build` produced", () => {
    const portal = stage(stages, 'portal');
    expect(execForm(instructionsOf(portal, 'CMD')[0]!)).toEqual([
      'node',
      '/app/node_modules/next/dist/bin/next',
      'start',
      '--hostname',
      '0.0.0.0',
    ]);
    expect(instructionsOf(portal, 'WORKDIR').map((workdir) => workdir.getArgumentsContent())).toContain(`/app/${PORTAL.folder}`);
    const manifest = JSON.parse(readRepositoryFile(PORTAL.folder, 'package.json')) as {
      scripts: Record<string, string>;
      dependencies: Record<string, string>;
    };
    expect(manifest.scripts['build']).toMatch(/\bnext build\b/);
    expect(manifest.dependencies['next']).toBeDefined();
    // npm hoists next to the root node_modules, as in the image's /app/node_modules.
    expect(repositoryFileExists('node_modules', 'next', 'dist', 'bin', 'next')).toBe(true);
    // The build output is .next unless PORTAL_DIST_DIR says otherwise; the image sets no PORTAL_DIST_DIR.
    expect(readRepositoryFile(PORTAL.folder, 'next.config.ts')).toContain("process.env.PORTAL_DIST_DIR || '.next'");
    expect(readRepositoryFile(...DOCKERFILE)).not.toContain('PORTAL_DIST_DIR');
  });

  it('is told apart from every app by the APP build argument, whose folders are workspaces with a build', () => {
    for (const app of APPS) {
      const manifest = JSON.parse(readRepositoryFile(app.folder, 'package.json')) as { name: string; scripts: Record<string, string> };
      expect(manifest.name).toMatch(/^@tenure\//);
      expect(manifest.scripts['build']).toBeDefined();
    }
  });

  it('keeps installed packages, build output, .git and .env files out of the build context', () => {
    const ignored = readRepositoryFile('deploy', 'docker', 'Dockerfile.dockerignore')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', '**/dist', '**/.next', '.git', '**/.env', '.tenure']));
  });
});
