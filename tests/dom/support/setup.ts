import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// React warns about updates outside act() unless it knows it runs under a test runner; Testing
// Library sets this itself only where the runner's hooks are globals (they are not here).
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// Each test starts from an empty document: what one test rendered never answers another's query.
afterEach(() => {
  cleanup();
});
