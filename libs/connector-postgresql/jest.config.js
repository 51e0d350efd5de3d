module.exports = {
  preset: '../../jest.preset.js',
  displayName: '@tenure/connector-postgresql',
  ...require('../testing/jest.preset-db.js'),
};
