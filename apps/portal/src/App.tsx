import { Suspense, lazy, useEffect, useState } from 'react';
import { SIGNED_OUT_EVENT, keepToken, signedInAccount } from './api';
import type { Account } from './api';
import { Catalogue } from './Catalogue';
import { LanguageContext, useText } from './i18n';
import type { Language } from './i18n';
import { MyRecord } from './MyRecord';
import { SignIn, SignUp, StaffSignIn } from './Account';
import { Loading } from './RequestStatus';
import { Verify } from './Verify';

// Staff, registrar and analysts' pages (and ECharts with them) load only when someone opens them, so the
// catalogue's first load stays small.
const StaffDesk = lazy(() => import('./StaffDesk'));

const LANGUAGE_KEY = 'xueshi.language';

function currentRoute(): string {
  return window.location.hash.replace(/^#/, '') || '/';
}

export function navigate(route: string): void {
  window.location.hash = route;
}

export function App() {
  const [language, setLanguage] = useState<Language>(() => (localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'zh'));
  const [route, setRoute] = useState(currentRoute);
  const [account, setAccount] = useState<Account | null>(signedInAccount);
  useEffect(() => {
    const follow = () => {
      setRoute(currentRoute());
      setAccount(signedInAccount());
    };
    window.addEventListener('hashchange', follow);
    window.addEventListener(SIGNED_OUT_EVENT, follow);
    return () => {
      window.removeEventListener('hashchange', follow);
      window.removeEventListener(SIGNED_OUT_EVENT, follow);
    };
  }, []);
  useEffect(() => {
    localStorage.setItem(LANGUAGE_KEY, language);
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  }, [language]);
  // Signing in again where the token expired keeps the person on that page, whose forms come back filled in.
  const onSignedIn = (account: Account) => (token: string) => {
    keepToken(token, account);
    setAccount(account);
    const home = account === 'staff' ? '/staff' : '/me';
    if (route !== home) navigate(home);
  };
  return (
    <LanguageContext.Provider value={language}>
      <Header
        route={route}
        account={account}
        onLanguage={() => setLanguage(language === 'zh' ? 'en' : 'zh')}
        onSignOut={() => {
          keepToken(null);
          setAccount(null);
          navigate('/');
        }}
      />
      <main>
        {route === '/verify' ? (
          <Verify />
        ) : route === '/signin' ? (
          <SignIn onSignedIn={onSignedIn('learner')} />
        ) : route === '/signup' ? (
          <SignUp onSignedIn={onSignedIn('learner')} />
        ) : route === '/me' ? (
          account === 'learner' ? (
            <MyRecord />
          ) : (
            <SignIn onSignedIn={onSignedIn('learner')} />
          )
        ) : route === '/staff' ? (
          account === 'staff' ? (
            <Suspense fallback={<Loading />}>
              <StaffDesk />
            </Suspense>
          ) : (
            <StaffSignIn onSignedIn={onSignedIn('staff')} />
          )
        ) : (
          <Catalogue signedIn={account === 'learner'} />
        )}
      </main>
    </LanguageContext.Provider>
  );
}

function Header(props: { route: string; account: Account | null; onLanguage: () => void; onSignOut: () => void }) {
  const t = useText();
  const link = (route: string, label: string) => (
    <a href={`#${route}`} aria-current={props.route === route ? 'page' : undefined}>
      {label}
    </a>
  );
  return (
    <header>
      <h1>{t('title')}</h1>
      <nav>
        {link('/', t('catalogue'))}
        {link('/verify', t('verify'))}
        {props.account !== null ? (
          <>
            {props.account === 'learner' ? link('/me', t('myRecord')) : link('/staff', t('staffDesk'))}
            <button type="button" className="link" onClick={props.onSignOut}>
              {t('signOut')}
            </button>
          </>
        ) : (
          <>
            {link('/signin', t('signIn'))}
            {link('/signup', t('signUp'))}
            {link('/staff', t('staffSignIn'))}
          </>
        )}
        <button type="button" className="language" onClick={props.onLanguage}>
          {t('language')}
        </button>
      </nav>
    </header>
  );
}
