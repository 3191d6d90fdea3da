import { useTranslation } from "react-i18next";
import type { CombinedError } from "urql";

import { errorCode, toSignIn } from "../api";

/** An API error in the user's language; signed out: back to sign-in, keeping the page. */
export function ErrorNote({ error }: { error: CombinedError }) {
  const { t } = useTranslation();
  const code = errorCode(error);
  if (code === "UNAUTHENTICATED") {
    toSignIn();
    return null;
  }
  const known = ["network", "FORBIDDEN", "NOT_FOUND", "BAD_USER_INPUT", "CONFLICT"];
  return (
    <div className="kern-alert kern-alert--danger" role="alert">
      <div className="kern-alert__header">
        <span className="kern-title">{t(known.includes(code) ? `error.${code}` : "error.generic")}</span>
      </div>
      {code === "CONFLICT" && (
        <div className="kern-alert__body">
          <button type="button" className="kern-btn kern-btn--secondary" onClick={() => window.location.reload()}>
            <span className="kern-label">{t("error.reload")}</span>
          </button>
        </div>
      )}
    </div>
  );
}
