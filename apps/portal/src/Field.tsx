import type { InputHTMLAttributes } from 'react';
import { useText } from './i18n';
import type { TextKey } from './i18n';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>;

/** A labelled text (or date, number, …) input whose label is a text key in the current language. */
export function Field({
  label,
  value,
  onChange,
  ...input
}: InputProps & {
  label: TextKey;
  value: string;
  onChange: (value: string) => void;
}) {
  const t = useText();
  return (
    <label>
      {t(label)}
      <input {...input} value={value} onChange={(event) => onChange(event.target.value)} />
    </label>
  );
}

/** A labelled choice among `options`, each a value and the text shown for it. */
export function SelectField(props: {
  label: TextKey;
  name?: string;
  value: string;
  options: readonly (readonly [value: string, text: string])[];
  onChange: (value: string) => void;
}) {
  const t = useText();
  return (
    <label>
      {t(props.label)}
      <select name={props.name} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

const CATEGORIES = ['REQUIRED', 'ELECTIVE'] as const;

/** A course's category, or with `all` any category. */
export function CategoryField(props: { name?: string; value: string; all?: boolean; onChange: (value: string) => void }) {
  const t = useText();
  const categories = CATEGORIES.map((category) => [category, t(category)] as const);
  return (
    <SelectField
      label="category"
      name={props.name}
      value={props.value}
      options={props.all ? [['', t('all')], ...categories] : categories}
      onChange={props.onChange}
    />
  );
}

/** The programme year a page shows. */
export function YearField(props: { year: number; onChange: (year: number) => void }) {
  return (
    <Field
      label="year"
      type="number"
      min={2000}
      max={2100}
      value={String(props.year)}
      onChange={(year) => props.onChange(Number(year))}
    />
  );
}
