// A form kept folded until it is asked for (keeps long record pages readable); the
// summary is a native <details>, so it opens by keyboard and needs no script.
import type { ReactNode } from "react";

export function Disclosure({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className="ww-disclosure">
      <summary className="kern-link">{summary}</summary>
      <div className="ww-disclosure__body">{children}</div>
    </details>
  );
}
