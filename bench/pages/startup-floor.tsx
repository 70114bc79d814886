// The page of the startup bench's React floor row (bench/startup-bench.ts): React DOM rendering the
// one button the bare page has, answering its click the same way. Whatever Warrant's page costs
// beyond this row is its own code and data, not the choice of React.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

function Navigation() {
  const [current, setCurrent] = useState(false);
  return (
    <nav aria-label="Main">
      <button
        type="button"
        aria-current={current ? 'page' : undefined}
        onClick={() => {
          window.location.hash = '#/library';
          setCurrent(true);
        }}
      >
        Library
      </button>
    </nav>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<Navigation />);
