import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// React warns about updates outside act() unless it knows it runs under a test runner; Testing
// Library sets this itself only where the runner's hooks are globals (they are not here).
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// waitFor and findBy* poll every 50 ms, so a passing test costs no more; the default 1 s limit
// is too short for a round trip to a host on a machine shared by several test runs.
configure({ asyncUtilTimeout: 4_000 });

// Each test starts from an empty document: what one test rendered never answers another's query.
afterEach(() => {
  cleanup();
});
