import { useContext } from 'react';
import { GraphError } from './api';
import { LanguageContext } from './i18n';

/** A failure as the person-readable message in the current language. */
export function ErrorMessage({ error }: { error: unknown }) {
  const language = useContext(LanguageContext);
  if (error === null || error === undefined) return null;
  const text =
    error instanceof GraphError
      ? error[language]
      : language === 'zh'
        ? '无法连接服务，请稍后重试'
        : 'Could not reach the service; please try again';
  return (
    <p role="alert" className="error">
      {text}
    </p>
  );
}
