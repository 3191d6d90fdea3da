// Form fields that show an API error next to the field it names (`extensions.field`)
// in German, with the server's own words in a second line; errors that name no field
// of the form show above its button. Every input has a label, and an invalid one is
// marked and described for screen readers.
import { type ReactNode, createContext, useContext, useId } from "react";
import { useTranslation } from "react-i18next";
import type { CombinedError } from "urql";

import { errorCode, errorDetail, errorField } from "../api";
import { ErrorNote } from "../pages/ErrorNote";

/** Which API field an input stands for, and the last error of its form. */
type Bound = { field: string; error?: CombinedError };

/** The fields a form renders (filled while it renders), so that its summary shows
 *  an error that no field shows. */
export const FieldRegistry = createContext<Set<string> | null>(null);

/** Whether the input for `field` shows an error naming `named`. */
function shows(field: string, named: string): boolean {
  return named === field || named.startsWith(`${field}.`);
}

function useFieldError({ field, error }: Bound): string | undefined {
  useContext(FieldRegistry)?.add(field);
  const named = errorField(error);
  if (!error || !named) return undefined;
  return shows(field, named) ? errorDetail(error) : undefined;
}

function Described(props: { id: string; hint?: string; problem?: string }) {
  const { t } = useTranslation();
  return (
    <>
      {props.hint && (
        <div className="kern-hint" id={`${props.id}-hint`}>
          {props.hint}
        </div>
      )}
      {props.problem !== undefined && (
        <div className="kern-error" id={`${props.id}-error`} role="alert">
          <span className="kern-body">
            {t("form.check")} <span lang="en">({props.problem})</span>
          </span>
        </div>
      )}
    </>
  );
}

function describedBy(id: string, hint?: string, problem?: string) {
  const ids = [hint ? `${id}-hint` : "", problem !== undefined ? `${id}-error` : ""].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function InputField(
  props: Bound & {
    label: string;
    name: string;
    type?: "text" | "date" | "number";
    required?: boolean;
    defaultValue?: string;
    hint?: string;
    step?: string;
  },
) {
  const id = useId();
  const { t } = useTranslation();
  const problem = useFieldError(props);
  return (
    <div className={`kern-form-input${problem !== undefined ? " kern-form-input--error" : ""}`}>
      <label className="kern-label" htmlFor={id}>
        {props.label}
        {!props.required && <span className="kern-label__optional"> – {t("form.optional")}</span>}
      </label>
      <Described id={id} hint={props.hint} problem={problem} />
      <input
        className="kern-form-input__input"
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        step={props.step}
        required={props.required}
        defaultValue={props.defaultValue}
        aria-invalid={problem !== undefined ? true : undefined}
        aria-describedby={describedBy(id, props.hint, problem)}
      />
    </div>
  );
}

export function SelectField(
  props: Bound & {
    label: string;
    name: string;
    options: { value: string; label: string }[];
    required?: boolean;
    defaultValue?: string;
    hint?: string;
    onChange?: (value: string) => void;
  },
) {
  const id = useId();
  const problem = useFieldError(props);
  return (
    <div className={`kern-form-input${problem !== undefined ? " kern-form-input--error" : ""}`}>
      <label className="kern-label" htmlFor={id}>
        {props.label}
      </label>
      <Described id={id} hint={props.hint} problem={problem} />
      <div className="kern-form-input__select-wrapper">
        <select
          className="kern-form-input__select"
          id={id}
          name={props.name}
          required={props.required}
          defaultValue={props.defaultValue}
          onChange={props.onChange && ((e) => props.onChange?.(e.target.value))}
          aria-invalid={problem !== undefined ? true : undefined}
          aria-describedby={describedBy(id, props.hint, problem)}
        >
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/** The form's error, unless one of its fields shows it already. */
export function FormError(props: { error?: CombinedError }) {
  const registry = useContext(FieldRegistry);
  const named = errorField(props.error);
  if (!props.error) return null;
  if (named && registry && [...registry].some((f) => shows(f, named))) return null;
  if (errorCode(props.error) === "BAD_USER_INPUT") {
    return <BadInput error={props.error} />;
  }
  return <ErrorNote error={props.error} />;
}

function BadInput({ error }: { error: CombinedError }) {
  const { t } = useTranslation();
  return (
    <div className="kern-alert kern-alert--danger" role="alert">
      <div className="kern-alert__header">
        <span className="kern-title">{t("error.BAD_USER_INPUT")}</span>
      </div>
      <div className="kern-alert__body">
        <p className="kern-body" lang="en">
          {errorDetail(error)}
        </p>
      </div>
    </div>
  );
}

/** A primary or secondary button with KERN's label span. */
export function Button(props: {
  children: ReactNode;
  kind?: "primary" | "secondary" | "tertiary";
  type?: "submit" | "button";
  disabled?: boolean;
  onClick?: () => void;
}) {
  return (
    <button
      type={props.type ?? "submit"}
      className={`kern-btn kern-btn--${props.kind ?? "primary"}`}
      disabled={props.disabled}
      onClick={props.onClick}
    >
      <span className="kern-label">{props.children}</span>
    </button>
  );
}

/** The form's values as strings; empty ones left out. */
export function values(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new FormData(form).entries()) {
    const s = String(v).trim();
    if (s !== "") out[k] = s;
  }
  return out;
}

/** A group of checkboxes under one legend; the form sends every checked value. */
export function CheckboxGroup(
  props: Bound & { legend: string; name: string; options: { value: string; label: string }[] },
) {
  const id = useId();
  const problem = useFieldError(props);
  return (
    <fieldset
      className={`kern-fieldset${problem !== undefined ? " kern-fieldset--error" : ""}`}
      aria-describedby={problem !== undefined ? `${id}-error` : undefined}
    >
      <legend className="kern-label">{props.legend}</legend>
      <Described id={id} problem={problem} />
      <div className="kern-fieldset__body kern-fieldset__body--horizontal">
        {props.options.map((o) => (
          <div key={o.value} className="kern-form-check">
            <input className="kern-form-check__checkbox" type="checkbox" id={`${id}-${o.value}`} name={props.name} value={o.value} />
            <label className="kern-label" htmlFor={`${id}-${o.value}`}>
              {o.label}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** One checkbox; the form sends `on` when it is checked. */
export function Checkbox(props: { label: string; name: string }) {
  const id = useId();
  return (
    <div className="kern-form-check">
      <input className="kern-form-check__checkbox" type="checkbox" id={id} name={props.name} />
      <label className="kern-label" htmlFor={id}>
        {props.label}
      </label>
    </div>
  );
}
