/** The Tests tab: the document's regression cases (issue 14). Placeholder until the feature lands. */
export function CasesTab() {
  return <p className="muted">No test cases yet.</p>;
}
