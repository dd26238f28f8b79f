import { useCallback, useContext, useEffect, useState } from 'react';
import { REQUIRED_HOURS_PER_CYCLE, TARGET_HOURS_PER_YEAR, TOTAL_HOURS_PER_CYCLE, formatFen, refundFen } from '@xueshi/domain';
import { run } from './api';
import { shanghaiDateTime } from './format';
import {
  IssueTranscriptDocument,
  MyInvoicesDocument,
  MyProgressDocument,
  MyRecordDocument,
  PayDocument,
  RegisterDocument,
  RequestInvoiceDocument,
  WithdrawDocument,
} from './gql/graphql';
import type { IssueTranscriptMutation, MyInvoicesQuery, MyProgressQuery, MyRecordQuery } from './gql/graphql';
import { LanguageContext, useText } from './i18n';
import type { TextKey } from './i18n';
import { ColumnHeads } from './ColumnHeads';
import { RequestStatus } from './RequestStatus';
import { useActions } from './useActions';

type Learner = NonNullable<MyRecordQuery['me']>;
type Registration = Learner['registrations'][number];
type Billing = NonNullable<MyInvoicesQuery['me']>['registrations'][number];
type Progress = NonNullable<MyProgressQuery['me']>;

export function MyRecord() {
  const t = useText();
  const [learner, setLearner] = useState<Learner | null>(null);
  const [billing, setBilling] = useState<ReadonlyMap<string, Billing>>(new Map());
  const [progress, setProgress] = useState<Progress | null>(null);
  const [transcript, setTranscript] = useState<IssueTranscriptMutation['issueTranscript'] | null>(null);
  const { error, setError, message, act } = useActions(() => load());

  const load = useCallback(
    () =>
      Promise.all([run(MyRecordDocument), run(MyInvoicesDocument), run(MyProgressDocument)]).then(([record, invoices, more]) => {
        setLearner(record.me ?? null);
        setBilling(new Map((invoices.me?.registrations ?? []).map((each) => [each.id, each])));
        setProgress(more.me ?? null);
      }, setError),
    [setError],
  );
  useEffect(() => {
    void load();
  }, [load]);

  if (!learner) return <RequestStatus error={error} loading />;
  return (
    <section aria-labelledby="my-record">
      <h2 id="my-record">
        {t('myRecord')} · {learner.name} ({learner.idNumberMasked})
      </h2>
      <RequestStatus error={error} message={message} />
      <h3>{t('registrations')}</h3>
      <table>
        <ColumnHeads columns={['course', 'sessions', 'fee', 'status', 'actions']} />
        <tbody>
          {learner.registrations.map((registration) => (
            <RegistrationRow key={registration.id} registration={registration} billing={billing.get(registration.id)} act={act} />
          ))}
        </tbody>
      </table>
      <Cycle cycle={learner.cycle} />
      {progress && progress.cycle.suggestions.length > 0 && !learner.cycle.compliant && (
        <Suggestions
          suggestions={progress.cycle.suggestions}
          onRegister={(sessionId) => void act(run(RegisterDocument, { sessionId }), 'registered')}
        />
      )}
      <h3>{t('credits')}</h3>
      <table>
        <ColumnHeads columns={['course', 'institution', 'category', 'hours', 'completedOn']} />
        <tbody>
          {learner.creditEntries.map((entry) => (
            <tr key={entry.id}>
              <td>{entry.courseTitle}</td>
              <td>{entry.institutionName}</td>
              <td>{t(entry.category)}</td>
              <td>{entry.hours}</td>
              <td>{entry.completedOn}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {progress && progress.pendingCredit.length > 0 && <PendingCredit pending={progress.pendingCredit} />}
      <p>
        <button
          type="button"
          onClick={() => {
            setError(null);
            run(IssueTranscriptDocument).then(({ issueTranscript }) => setTranscript(issueTranscript), setError);
          }}
        >
          {t('issueTranscript')}
        </button>
      </p>
      {transcript && (
        <p className="card" role="status">
          {t('verificationCode')}: <code>{transcript.verificationCode}</code> ·{' '}
          <a href={transcript.pdf.url} download>
            {t('transcriptPdf')}
          </a>{' '}
          ·{' '}
          <a href={transcript.csv.url} download>
            {t('transcriptCsv')}
          </a>
        </p>
      )}
    </section>
  );
}

function RegistrationRow(props: {
  registration: Registration;
  billing: Billing | undefined;
  act: (action: Promise<unknown>, done: TextKey) => Promise<boolean>;
}) {
  const t = useText();
  const language = useContext(LanguageContext);
  const { registration, billing, act } = props;
  const [confirming, setConfirming] = useState(false);
  const payment = billing?.payments.find((each) => each.status === 'SUCCEEDED');
  const invoice = payment?.invoice;
  // The rule the registry applies (packages/domain), so the refund is known before confirming.
  const startsAt = registration.session?.startsAt;
  const refund = payment && startsAt ? refundFen(payment.amountFen, new Date(), new Date(startsAt)) : 0;
  return (
    <tr data-registration={registration.id}>
      <td>{registration.session?.course.title}</td>
      <td>{startsAt && shanghaiDateTime(startsAt, language)}</td>
      <td>{formatFen(registration.feeFen)}</td>
      <td>{t(registration.status)}</td>
      <td className="actions">
        {registration.status === 'AWAITING_PAYMENT' && (
          <button
            type="button"
            onClick={() =>
              void act(run(PayDocument, { registrationId: registration.id, idempotencyKey: crypto.randomUUID() }), 'paid')
            }
          >
            {t('pay')}
          </button>
        )}
        {payment && !invoice && registration.status !== 'WITHDRAWN' && (
          <button
            type="button"
            onClick={() =>
              void act(run(RequestInvoiceDocument, { input: { paymentId: payment.id, kind: 'PERSONAL' } }), 'invoiceIssued')
            }
          >
            {t('invoice')}
          </button>
        )}
        {invoice?.document && (
          <a href={invoice.document.url} download>
            {t('downloadInvoice')} {invoice.number}
          </a>
        )}
        {registration.status === 'PAID' && !confirming && (
          <button type="button" onClick={() => setConfirming(true)}>
            {t('withdraw')}
          </button>
        )}
        {confirming && (
          <span role="group" aria-label={t('withdraw')} className="confirm">
            {t('refundWillBe')} <strong>{formatFen(refund)}</strong>{' '}
            <button
              type="button"
              onClick={() => {
                setConfirming(false);
                void act(run(WithdrawDocument, { registrationId: registration.id }), 'WITHDRAWN');
              }}
            >
              {t('confirmWithdraw')}
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
          </span>
        )}
        {registration.status === 'WITHDRAWN' && typeof billing?.refundFen === 'number' && (
          <span>
            {t('refunded')} {formatFen(billing.refundFen)}
          </span>
        )}
      </td>
    </tr>
  );
}

function Bar(props: { label: string; value: number; target: number }) {
  const width = Math.min(100, (props.value / props.target) * 100);
  return (
    <div className="bar" role="img" aria-label={`${props.label}: ${props.value} / ${props.target}`}>
      <span className="bar-label">{props.label}</span>
      <span className="bar-track">
        <span className={props.value >= props.target ? 'bar-fill met' : 'bar-fill'} style={{ width: `${width}%` }} />
      </span>
      <span>
        {props.value} / {props.target}
      </span>
    </div>
  );
}

function Cycle({ cycle }: { cycle: Learner['cycle'] }) {
  const t = useText();
  return (
    <section aria-labelledby="cycle" className="card">
      <h3 id="cycle">
        {t('cycle')} {cycle.startYear}–{cycle.endYear}: {cycle.compliant ? t('compliant') : t('notCompliant')}
      </h3>
      <Bar label={t('required')} value={cycle.requiredHours} target={REQUIRED_HOURS_PER_CYCLE} />
      <Bar label={t('total')} value={cycle.totalHours} target={TOTAL_HOURS_PER_CYCLE} />
      <h4>{t('perYear')}</h4>
      {cycle.years.map((year) => (
        <Bar key={year.year} label={String(year.year)} value={year.hours} target={TARGET_HOURS_PER_YEAR} />
      ))}
      {!cycle.compliant && (
        <p>
          {t('shortfall')}: {t('required')} {cycle.requiredShortfall} · {t('total')} {cycle.totalShortfall}.{' '}
          <a href="#/">{t('catalogue')}</a>
        </p>
      )}
    </section>
  );
}

/** Sessions open now that would close the shortfall (the registry's suggestions), each a click from registering. */
function Suggestions(props: { suggestions: Progress['cycle']['suggestions']; onRegister: (sessionId: string) => void }) {
  const t = useText();
  const language = useContext(LanguageContext);
  return (
    <section aria-labelledby="suggestions" className="card">
      <h3 id="suggestions">{t('suggestions')}</h3>
      <ul className="suggestions">
        {props.suggestions.map((suggestion) => (
          <li key={suggestion.session?.id ?? suggestion.courseTitle} data-suggestion={suggestion.session?.id}>
            <strong>{suggestion.courseTitle}</strong> · {t(suggestion.category)} · {suggestion.hours} {t('hours')}
            {suggestion.session && (
              <>
                {' '}
                · {suggestion.session.course.institution.name} · {shanghaiDateTime(suggestion.session.startsAt, language)} ·{' '}
                {t(suggestion.session.deliveryMode)}{' '}
                <button type="button" onClick={() => suggestion.session && props.onRegister(suggestion.session.id)}>
                  {t('register')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Credit recorded whose visible day waits for next year's official calendar: shown so it is not thought lost. */
function PendingCredit({ pending }: { pending: Progress['pendingCredit'] }) {
  const t = useText();
  return (
    <section aria-labelledby="pending-credit">
      <h3 id="pending-credit">{t('pendingCredit')}</h3>
      <table>
        <ColumnHeads columns={['course', 'institution', 'category', 'hours', 'completedOn', 'awaiting']} />
        <tbody>
          {pending.map((entry) => (
            <tr key={entry.id}>
              <td>{entry.courseTitle}</td>
              <td>{entry.institutionName}</td>
              <td>{t(entry.category)}</td>
              <td>{entry.hours}</td>
              <td>{entry.completedOn}</td>
              <td>
                {t('awaitingCalendar')} {entry.awaitingCalendarYear}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
