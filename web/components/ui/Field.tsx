import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

interface FieldBase {
  /** The visible label; it names the control for screen readers and tests (getByLabel). */
  label: string;
  name: string;
  /** Defaults to `field-<name>`; give one when a page has two fields of one name. */
  id?: string;
  /** Help shown under the label. */
  hint?: ReactNode;
  /** The field's problems (from a server action's fieldErrors); the first ones are shown next to it. */
  error?: string | string[];
}

type InputField = FieldBase & { as?: 'input' } & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'>;
type TextareaField = FieldBase & { as: 'textarea' } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id'>;
type SelectField = FieldBase & { as: 'select'; children: ReactNode } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id'>;

export type FieldProps = InputField | TextareaField | SelectField;

/** A labelled control with its hint and error, tied together with aria-describedby and aria-invalid. */
export function Field(props: FieldProps) {
  const { label, name, id = `field-${name}`, hint, error, ...control } = props;
  const errors = error === undefined ? [] : Array.isArray(error) ? error : [error];
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const shared: SharedProps = { id, name, 'aria-describedby': describedBy, 'aria-invalid': errors.length > 0 ? true : undefined };

  return (
    <div className={`field${errors.length > 0 ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {control.required ? <span className="field__required"> (required)</span> : null}
      </label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {renderControl(control, shared)}
      {errorId ? (
        <p className="field__error" id={errorId}>
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

type ControlProps = Omit<InputField, keyof FieldBase> | Omit<TextareaField, keyof FieldBase> | Omit<SelectField, keyof FieldBase>;
type SharedProps = { id: string; name: string; 'aria-describedby': string | undefined; 'aria-invalid': true | undefined };

function renderControl(control: ControlProps, shared: SharedProps) {
  if (control.as === 'textarea') {
    const { as: _as, ...rest } = control;
    return <textarea {...rest} {...shared} />;
  }
  if (control.as === 'select') {
    const { as: _as, children, ...rest } = control;
    return (
      <select {...rest} {...shared}>
        {children}
      </select>
    );
  }
  const { as: _as, ...rest } = control;
  return <input {...rest} {...shared} />;
}
