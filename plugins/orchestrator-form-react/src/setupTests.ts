import '@testing-library/jest-dom';

// `testTimeout` in package.json applies only when this package's tests run alone: under
// `backstage-cli repo test` (one Jest, many projects) it is a global option and stays 5 s.
// These suites render whole forms and pages, which take longer on a loaded 2-core machine.
jest.setTimeout(60_000);
