// A record that does not exist or lies outside the user's reach (the API answers
// both alike): the list's title, the message, and the way back.
import type { ReactNode } from "react";

export function NotFound({ title, text, back }: { title: string; text: string; back: ReactNode }) {
  return (
    <div className="ww-stack">
      <h1 className="kern-heading-large">{title}</h1>
      <div className="kern-alert kern-alert--warning" role="alert">
        <div className="kern-alert__header">
          <span className="kern-title">{text}</span>
        </div>
      </div>
      {back}
    </div>
  );
}
