import type { NextConfig } from 'next';
import path from 'node:path';

const nextConfig: NextConfig = {
  // The monorepo root: npm workspaces hoist next and react there.
  turbopack: { root: path.join(__dirname, '..') },
  // PORTAL_DIST_DIR builds and serves from another folder than .next, so a build for tests or a second
  // checkout's server never swaps files under a running portal.
  distDir: process.env.PORTAL_DIST_DIR || '.next',
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
