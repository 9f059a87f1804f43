import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// The shared CI machine is slow; findBy/waitFor default to 1 s.
configure({ asyncUtilTimeout: 10000 });

// `testTimeout` in package.json applies only when this package's tests run alone: under
// `backstage-cli repo test` (one Jest, many projects) it is a global option and stays 5 s.
// These suites render whole forms and pages, which take longer on a loaded 2-core machine.
jest.setTimeout(60_000);
