module.exports = {
  preset: '../../jest.preset.js',
  displayName: '@tenure/dev-identity-provider',
  // oidc-provider and the jose it uses (6.x) ship ES modules only: compile them to CommonJS like our own sources.
  transformIgnorePatterns: ['/node_modules/(?!(oidc-provider|jose)/)'],
};
