/** The pieces every form of the app repeats: a labelled text field, and the error and notice lines. */
import type { InputHTMLAttributes, ReactNode } from 'react';

/** `<label class="field">` with its caption over one input; the input takes every attribute given. */
export function TextField({ label, ...input }: { label: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="field">
      <span>{label}</span>
      <input {...input} />
    </label>
  );
}

/** The form's error (an alert) and its notice (a status line), each shown only when there is one. */
export function FormMessages({ error, notice }: { error?: ReactNode; notice?: ReactNode }) {
  return (
    <>
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      {notice && (
        <div className="form-notice" role="status">
          {notice}
        </div>
      )}
    </>
  );
}
