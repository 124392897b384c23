import type { ReactNode } from 'react';
import type { Event } from '../../core/model.ts';

/** A labelled text input whose id is also its name (the e2e tests and the browser's autofill find it by either). */
export function TextField({
  id,
  label,
  value,
  onChange,
  type,
}: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  type?: 'date';
}) {
  return (
    <label htmlFor={id}>
      {label}
      <input id={id} name={id} type={type} value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

/** A labelled select, named like TextField; `children` are its options. */
export function SelectField({
  id,
  label,
  value,
  onChange,
  children,
}: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  children: ReactNode;
}) {
  return (
    <label htmlFor={id}>
      {label}
      <select id={id} name={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </label>
  );
}

/** The event's jurors as a select's options, each by code and title ("J01 · Guru Besar"). */
export function JurorOptions({ event }: { event: Event }) {
  return event.jurors.map((j) => (
    <option key={j.id} value={j.id}>
      {j.id} · {j.title}
    </option>
  ));
}
