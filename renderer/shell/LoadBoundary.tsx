import { Component, lazy, Suspense, type ComponentType, type ErrorInfo, type LazyExoticComponent, type ReactNode } from 'react';

/**
 * A component whose code is fetched the first time it renders, not with the first page: the
 * first view (the library) then loads only what it needs. `pick` names the export, so the
 * modules keep their named exports.
 */
export function loadOnFirstUse<Props extends object, Module>(
  load: () => Promise<Module>,
  pick: (module: Module) => ComponentType<Props>,
): LazyExoticComponent<ComponentType<Props>> {
  return lazy(async () => ({ default: pick(await load()) }));
}

interface LoadBoundaryProps {
  /** What is loading, as the analyst would call it: "briefings", "the import dialog". */
  what: string;
  children: ReactNode;
  /** Where the loading note goes; a dialog's code loads over the view, so it shows inline. */
  inline?: boolean;
}

interface LoadBoundaryState {
  failure: string | null;
}

/**
 * Shows a status while code loaded on first use arrives, and a clear message if it cannot be
 * fetched (the host stopped, or was updated under an open page), while the rest of the app
 * keeps working.
 */
export class LoadBoundary extends Component<LoadBoundaryProps, LoadBoundaryState> {
  override state: LoadBoundaryState = { failure: null };

  static getDerivedStateFromError(error: unknown): LoadBoundaryState {
    return { failure: error instanceof Error ? error.message : String(error) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`Could not load ${this.props.what}`, error, info.componentStack);
  }

  override render() {
    const { what, children, inline } = this.props;
    const Note = inline ? 'span' : 'p';
    if (this.state.failure !== null) {
      return (
        <div role="alert" className="load-failure">
          <p>
            Could not load {what}: {this.state.failure}. Reload the page to try again.
          </p>
          <button type="button" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      );
    }
    return (
      <Suspense
        fallback={
          <Note role="status" className="loading">
            Loading {what}…
          </Note>
        }
      >
        {children}
      </Suspense>
    );
  }
}
