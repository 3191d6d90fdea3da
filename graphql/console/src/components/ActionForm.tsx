// A small form that runs one mutation: its fields, a submit button, the API's error
// next to the field it names (or above the button when no field of the form shows
// it), and a note once it has worked.
import { type FormEvent, type ReactNode, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CombinedError, OperationResult } from "urql";

import { Button, FieldRegistry, FormError, values } from "./Form";

export function ActionForm(props: {
  legend: string;
  submit: string;
  run: (values: Record<string, string>, all: FormData) => Promise<OperationResult>;
  children?: (error: CombinedError | undefined) => ReactNode;
  kind?: "primary" | "secondary";
  /** Empty the form after it has worked (forms that add a record). */
  reset?: boolean;
  /** A step that cannot be undone: the button stays off until this is ticked. */
  confirm?: string;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<CombinedError | undefined>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const confirmId = useId();
  // The fields rendered below register here, so that an error naming none of them
  // shows above the button instead of nowhere.
  const registry = useRef(new Set<string>()).current;
  registry.clear();
  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setBusy(true);
    setDone(false);
    const form = e.currentTarget;
    const r = await props.run(values(form), new FormData(form));
    if (!r.error && props.reset) form.reset();
    setBusy(false);
    setError(r.error);
    setDone(!r.error);
  };
  return (
    <FieldRegistry.Provider value={registry}>
      <form className="ww-action" onSubmit={(e) => void onSubmit(e)} noValidate>
        <fieldset className="kern-fieldset">
          <legend className="kern-label">{props.legend}</legend>
          <div className="kern-fieldset__body">
            {props.children?.(error)}
            {props.confirm && (
              <div className="kern-form-check">
                <input
                  className="kern-form-check__checkbox"
                  type="checkbox"
                  id={confirmId}
                  checked={confirmed}
                  onChange={(e) => setConfirmed(e.target.checked)}
                />
                <label className="kern-label" htmlFor={confirmId}>
                  {props.confirm}
                </label>
              </div>
            )}
            <FormError error={error} />
            <div>
              <Button kind={props.kind} disabled={busy || (props.confirm !== undefined && !confirmed)}>
                {props.submit}
              </Button>
            </div>
            {done && (
              <p className="kern-body" role="status">
                {t("form.saved")}
              </p>
            )}
          </div>
        </fieldset>
      </form>
    </FieldRegistry.Provider>
  );
}
