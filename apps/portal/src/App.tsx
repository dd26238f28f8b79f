import { useEffect, useState } from 'react';
import { SIGNED_OUT_EVENT, keepToken, signedInToken } from './api';
import { Catalogue } from './Catalogue';
import { LanguageContext, useText } from './i18n';
import type { Language } from './i18n';
import { MyRecord } from './MyRecord';
import { SignIn, SignUp } from './Account';
import { Verify } from './Verify';

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
  const [signedIn, setSignedIn] = useState(() => signedInToken() !== null);
  useEffect(() => {
    const follow = () => {
      setRoute(currentRoute());
      setSignedIn(signedInToken() !== null);
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
  const onSignedIn = (token: string) => {
    keepToken(token);
    setSignedIn(true);
    navigate('/me');
  };
  return (
    <LanguageContext.Provider value={language}>
      <Header
        route={route}
        signedIn={signedIn}
        onLanguage={() => setLanguage(language === 'zh' ? 'en' : 'zh')}
        onSignOut={() => {
          keepToken(null);
          setSignedIn(false);
          navigate('/');
        }}
      />
      <main>
        {route === '/verify' ? (
          <Verify />
        ) : route === '/signin' ? (
          <SignIn onSignedIn={onSignedIn} />
        ) : route === '/signup' ? (
          <SignUp onSignedIn={onSignedIn} />
        ) : route === '/me' ? (
          signedIn ? (
            <MyRecord />
          ) : (
            <SignIn onSignedIn={onSignedIn} />
          )
        ) : (
          <Catalogue signedIn={signedIn} />
        )}
      </main>
    </LanguageContext.Provider>
  );
}

function Header(props: { route: string; signedIn: boolean; onLanguage: () => void; onSignOut: () => void }) {
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
        {props.signedIn ? (
          <>
            {link('/me', t('myRecord'))}
            <button type="button" className="link" onClick={props.onSignOut}>
              {t('signOut')}
            </button>
          </>
        ) : (
          <>
            {link('/signin', t('signIn'))}
            {link('/signup', t('signUp'))}
          </>
        )}
        <button type="button" className="language" onClick={props.onLanguage}>
          {t('language')}
        </button>
      </nav>
    </header>
  );
}
