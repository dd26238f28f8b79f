import { useState } from 'react';
import { useText } from './i18n';
import type { TextKey } from './i18n';

/**
 * A page's last failure and the message of its last action. `act` runs an action; once it succeeds it
 * says `done` and loads the page again with `reload`, and it resolves to whether the action succeeded.
 * `reset` forgets both, for something new the person starts.
 */
export function useActions(reload: () => unknown) {
  const t = useText();
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const reset = () => {
    setError(null);
    setMessage(null);
  };
  const act = (action: Promise<unknown>, done: TextKey): Promise<boolean> => {
    reset();
    return action.then(
      () => {
        setMessage(t(done));
        void reload();
        return true;
      },
      (failure: unknown) => {
        setError(failure);
        return false;
      },
    );
  };
  return { error, setError, message, act, reset };
}
