/** Shown when the page was opened without the browser host's session token. */
export function NoSession() {
  return (
    <main className="no-session">
      <h1>Warrant</h1>
      <p>
        This page needs the session address Warrant printed when it started (it ends in <code>#token=…</code>).
      </p>
      <p>
        Open that address, or restart Warrant with <code>npm start</code>.
      </p>
    </main>
  );
}
