import { useCallback, useRef, useState } from 'react';

const PREFIX = 'xueshi.form.';
/** Fields never written to storage, whatever form they are in. */
const NEVER_KEPT = /password/i;

/**
 * A form's values kept in sessionStorage as they are typed, so that a person sent to sign in again when
 * their token expires finds the form as they left it. `clear` forgets them once the form is sent. Values
 * are anything JSON keeps (text, numbers, yes/no, lists); a field whose name mentions a password is not kept.
 */
export function useKeptForm<Values extends Record<string, unknown>>(
  name: string,
  initial: Values,
): [Values, <Field extends keyof Values>(field: Field) => (value: Values[Field]) => void, () => void] {
  const key = PREFIX + name;
  const blank = useRef(initial);
  const [values, setValues] = useState<Values>(() => {
    const kept = sessionStorage.getItem(key);
    return kept === null ? initial : { ...initial, ...(JSON.parse(kept) as Partial<Values>) };
  });
  const set = useCallback(
    <Field extends keyof Values>(field: Field) =>
      (value: Values[Field]) =>
        setValues((current) => {
          const next = { ...current, [field]: value };
          const kept = Object.fromEntries(Object.entries(next).filter(([each]) => !NEVER_KEPT.test(each)));
          try {
            sessionStorage.setItem(key, JSON.stringify(kept));
          } catch {
            // Beyond the browser's storage quota (a very large upload): the form still works, unkept.
          }
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
