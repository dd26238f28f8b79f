import { useCallback, useRef, useState } from 'react';

const PREFIX = 'xueshi.form.';

/**
 * A form's values kept in sessionStorage as they are typed, so that a person sent to sign in again when
 * their token expires finds the form as they left it. `clear` forgets them once the form is sent.
 */
export function useKeptForm<Values extends Record<string, string>>(
  name: string,
  initial: Values,
): [Values, (key: keyof Values) => (value: string) => void, () => void] {
  const key = PREFIX + name;
  const blank = useRef(initial);
  const [values, setValues] = useState<Values>(() => {
    const kept = sessionStorage.getItem(key);
    return kept === null ? initial : { ...initial, ...(JSON.parse(kept) as Partial<Values>) };
  });
  const set = useCallback(
    (field: keyof Values) => (value: string) =>
      setValues((current) => {
        const next = { ...current, [field]: value };
        sessionStorage.setItem(key, JSON.stringify(next));
        return next;
      }),
    [key],
  );
  const clear = useCallback(() => {
    sessionStorage.removeItem(key);
    setValues(blank.current);
  }, [key]);
  return [values, set, clear];
}
