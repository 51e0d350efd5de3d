module.exports = {
  preset: '../jest.preset.js',
  displayName: '@tenure/deploy',
  moduleNameMapper: {
    // The portal's configuration module refuses to load outside a React server component; these
    // tests read it (test/support/app-configuration.ts), so its guard is replaced by an empty module.
    '^server-only$': '<rootDir>/test/support/server-only.js',
  },
};
