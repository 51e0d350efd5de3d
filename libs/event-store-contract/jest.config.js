module.exports = { preset: '../../jest.preset.js', displayName: '@tenure/event-store-contract' };
