/** Briefings arrive with the editor; until then the view says so plainly. */
export function BriefingsView() {
  return (
    <section className="view" aria-labelledby="briefings-heading">
      <header className="view-header">
        <h1 id="briefings-heading">Briefings</h1>
      </header>
      <div className="empty-state">
        <p>Drafting briefings is not part of this version of Warrant yet.</p>
        <p>Build up your sources in the Library meanwhile: briefings will cite them.</p>
      </div>
    </section>
  );
}
