import { useState } from 'react';
import type { FormEvent } from 'react';
import { run } from './api';
import { ErrorMessage } from './ErrorMessage';
import { Field } from './Field';
import { SignInDocument, SignUpDocument, StaffSignInDocument } from './gql/graphql';
import { useText } from './i18n';

export function SignIn({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  const t = useText();
  const [idNumber, setIdNumber] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    run(SignInDocument, { idNumber, password }).then(({ signIn }) => onSignedIn(signIn.token), setError);
  };
  return (
    <form className="card narrow" onSubmit={submit} aria-labelledby="sign-in">
      <h2 id="sign-in">{t('signIn')}</h2>
      <Field required label="idNumber" name="idNumber" value={idNumber} onChange={setIdNumber} />
      <Field required label="password" name="password" type="password" value={password} onChange={setPassword} />
      <ErrorMessage error={error} />
      <button type="submit">{t('signIn')}</button>
    </form>
  );
}

export function SignUp({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  const t = useText();
  const [input, setInput] = useState({ idNumber: '', name: '', password: '', mobile: '', employer: '' });
  const [error, setError] = useState<unknown>(null);
  const set = (key: keyof typeof input) => (value: string) => setInput({ ...input, [key]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    run(SignUpDocument, { input }).then(({ signUp }) => onSignedIn(signUp.token), setError);
  };
  return (
    <form className="card narrow" onSubmit={submit} aria-labelledby="sign-up">
      <h2 id="sign-up">{t('signUp')}</h2>
      <Field required label="idNumber" name="idNumber" value={input.idNumber} onChange={set('idNumber')} />
      <Field required label="name" name="name" value={input.name} onChange={set('name')} />
      <Field required label="mobile" name="mobile" value={input.mobile} onChange={set('mobile')} />
      <Field required label="employer" name="employer" value={input.employer} onChange={set('employer')} />
      <Field required label="password" name="password" type="password" value={input.password} onChange={set('password')} />
      <ErrorMessage error={error} />
      <button type="submit">{t('signUp')}</button>
    </form>
  );
}

/** Institution staff, the registrar and analysts sign in with the username the association gave them. */
export function StaffSignIn({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  const t = useText();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    run(StaffSignInDocument, { username, password }).then(({ staffSignIn }) => onSignedIn(staffSignIn.token), setError);
  };
  return (
    <form className="card narrow" onSubmit={submit} aria-labelledby="staff-sign-in">
      <h2 id="staff-sign-in">{t('staffSignIn')}</h2>
      <Field required label="username" name="username" value={username} onChange={setUsername} />
      <Field required label="password" name="password" type="password" value={password} onChange={setPassword} />
      <ErrorMessage error={error} />
      <button type="submit">{t('signIn')}</button>
    </form>
  );
}
