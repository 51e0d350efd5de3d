module.exports = {
  preset: '../../jest.preset.js',
  displayName: '@tenure/personal-data',
  ...require('../testing/jest.preset-db.js'),
};
