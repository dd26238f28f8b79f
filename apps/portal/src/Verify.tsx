import { useState } from 'react';
import type { FormEvent } from 'react';
import { run } from './api';
import { ErrorMessage } from './ErrorMessage';
import { Field } from './Field';
import { VerifyTranscriptDocument } from './gql/graphql';
import type { VerifyTranscriptQuery } from './gql/graphql';
import { useText } from './i18n';
import { ColumnHeads } from './ColumnHeads';

export function Verify() {
  const t = useText();
  const [code, setCode] = useState(() => new URLSearchParams(window.location.hash.split('?')[1]).get('code') ?? '');
  const [result, setResult] = useState<VerifyTranscriptQuery['verifyTranscript'] | undefined>();
  const [error, setError] = useState<unknown>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setResult(undefined);
    run(VerifyTranscriptDocument, { code: code.trim() }).then(({ verifyTranscript }) => setResult(verifyTranscript), setError);
  };
  return (
    <section aria-labelledby="verify">
      <h2 id="verify">{t('verify')}</h2>
      <form className="filters" onSubmit={submit}>
        <Field label="verificationCode" name="code" value={code} required onChange={setCode} />
        <button type="submit">{t('check')}</button>
      </form>
      <ErrorMessage error={error} />
      {result && (
        <article className="card" aria-label={t('verify')}>
          <h3>
            {result.learnerName} · {result.employer}
          </h3>
          <p>
            {t('issuedOn')}: {result.issuedOn} · {result.stillMatchesLedger ? t('matchesLedger') : t('changedSince')}
          </p>
          <p>
            {result.cycle.startYear}–{result.cycle.endYear}: {t('required')} {result.cycle.requiredHours} · {t('total')}{' '}
            {result.cycle.totalHours} · {result.cycle.compliant ? t('compliant') : t('notCompliant')}
          </p>
          <table>
            <ColumnHeads columns={['course', 'institution', 'category', 'hours', 'completedOn']} />
            <tbody>
              {result.entries.map((entry, index) => (
                <tr key={index}>
                  <td>{entry.courseTitle}</td>
                  <td>{entry.institutionName}</td>
                  <td>{t(entry.category)}</td>
                  <td>{entry.hours}</td>
                  <td>{entry.completedOn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </article>
      )}
      {result === null && (
        <p role="alert" className="error">
          {t('unknownCode')}
        </p>
      )}
    </section>
  );
}
