import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// The shared CI machine is slow; findBy/waitFor default to 1 s.
configure({ asyncUtilTimeout: 10000 });
