// Stands in for the `server-only` package in these tests (see jest.config.js).
module.exports = {};
