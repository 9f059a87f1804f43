// dist-dynamic is `yarn export:dynamic`'s output (bundles and installed dependencies): never lint it.
module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  ignorePatterns: ['**/dist-dynamic/**'],
});
