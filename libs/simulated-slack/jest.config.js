module.exports = { preset: '../../jest.preset.js', displayName: '@tenure/simulated-slack' };
