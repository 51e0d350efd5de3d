module.exports = { preset: '../../jest.preset.js', displayName: '@tenure/testing', ...require('./jest.preset-db.js') };
