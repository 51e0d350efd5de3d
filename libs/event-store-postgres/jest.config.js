module.exports = {
  preset: '../../jest.preset.js',
  displayName: '@tenure/event-store-postgres',
  ...require('../testing/jest.preset-db.js'),
};
