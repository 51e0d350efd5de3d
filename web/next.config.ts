import type { NextConfig } from 'next';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The packages @tenure/tracing depends on (the OpenTelemetry SDK, exporter and instrumentations). */
function tracingDependencies(): string[] {
  const manifest = require.resolve('@tenure/tracing/package.json');
  return Object.keys((JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies: Record<string, string> }).dependencies);
}

const nextConfig: NextConfig = {
  // The monorepo root: npm workspaces hoist next and react there.
  turbopack: { root: path.join(__dirname, '..') },
  // PORTAL_DIST_DIR builds and serves from another folder than .next, so a build for tests or a second
  // checkout's server never swaps files under a running portal.
  distDir: process.env.PORTAL_DIST_DIR || '.next',
  poweredByHeader: false,
  // The OpenTelemetry packages are loaded by Node.js as they are, not bundled: the instrumentations patch
  // the modules Node.js loads (http), and the SDK is loaded only when traces are on (instrumentation.ts).
  // @tenure/tracing itself is a workspace folder, which Turbopack always bundles: its dependencies are what can stay out.
  serverExternalPackages: tracingDependencies(),
  reactStrictMode: true,
};

export default nextConfig;
