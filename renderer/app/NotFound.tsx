import { routeHash, type Route } from './routes';

interface NotFoundProps {
  title: string;
  message: string;
  /** Where the way back leads, and what it says. */
  back: Route;
  backLabel: string;
  /** The heading's id, when the surrounding region is named by it. */
  headingId?: string;
}

/** A route to something that is not there (deleted, or a mistyped address), with a way back. */
export function NotFound({ title, message, back, backLabel, headingId = 'not-found-heading' }: NotFoundProps) {
  return (
    <section className="not-found" role="alert" aria-labelledby={headingId}>
      <h1 id={headingId}>{title}</h1>
      <p>{message}</p>
      <p>
        <a href={routeHash(back)}>{backLabel}</a>
      </p>
    </section>
  );
}
