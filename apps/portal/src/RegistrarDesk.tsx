import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { run } from './api';
import { ErrorMessage } from './ErrorMessage';
import { FindLearnersDocument, RecordCreditEntryDocument, ReverseCreditEntryDocument } from './gql/graphql';
import type { CourseCategory, FindLearnersQuery } from './gql/graphql';
import { useText } from './i18n';
import type { TextKey } from './i18n';
import { useKeptForm } from './keptForm';
import { ColumnHeads } from './ColumnHeads';

type Found = FindLearnersQuery['learnersByIdNumber'][number];
type Entry = Found['creditEntries'][number];
type Institution = FindLearnersQuery['institutions'][number];

/** The registrar's page: find a learner by their full ID number, then reverse or record credit with a reason. */
export function RegistrarDesk() {
  const t = useText();
  // Kept, so that signing in again after the token expired finds the same learner.
  const [search, setSearch] = useKeptForm('registrar.find', { idNumber: '' });
  const [found, setFound] = useState<FindLearnersQuery | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);

  const find = useCallback((idNumber: string) => run(FindLearnersDocument, { idNumber }).then(setFound, setError), []);
  // On opening, the number kept from before signing in again (if any); later searches are the form's.
  const [kept] = useState(search.idNumber);
  useEffect(() => {
    if (kept.trim() !== '') void find(kept);
  }, [kept, find]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setMessage(null);
    void find(search.idNumber);
  };
  const act = (action: Promise<unknown>, done: TextKey) => {
    setError(null);
    setMessage(null);
    return action.then(
      () => {
        setMessage(t(done));
        void find(search.idNumber);
        return true;
      },
      (failure: unknown) => {
        setError(failure);
        return false;
      },
    );
  };

  return (
    <section aria-labelledby="registrar-desk">
      <h2 id="registrar-desk">{t('findLearner')}</h2>
      <form className="filters" role="search" onSubmit={submit}>
        <label>
          {t('fullIdNumber')}
          <input
            name="idNumber"
            required
            value={search.idNumber}
            onChange={(event) => setSearch('idNumber')(event.target.value)}
          />
        </label>
        <button type="submit">{t('find')}</button>
      </form>
      <ErrorMessage error={error} />
      {message && (
        <p role="status" className="success">
          {message}
        </p>
      )}
      {found && found.learnersByIdNumber.length === 0 && <p>{t('noLearner')}</p>}
      {found?.learnersByIdNumber.map((learner) => (
        <LearnerLedger key={learner.id} learner={learner} institutions={found.institutions} act={act} />
      ))}
    </section>
  );
}

function LearnerLedger(props: {
  learner: Found;
  institutions: readonly Institution[];
  act: (action: Promise<unknown>, done: TextKey) => Promise<boolean>;
}) {
  const { learner, act } = props;
  const reversed = new Set(learner.creditEntries.flatMap((entry) => (entry.reverses ? [entry.reverses.id] : [])));
  return (
    <article className="card" aria-label={`${learner.name} ${learner.idNumberMasked}`}>
      <h3>
        {learner.name} · {learner.idNumberMasked} · {learner.employer}
      </h3>
      <table className="ledger">
        <ColumnHeads columns={['course', 'institution', 'category', 'hours', 'completedOn', 'reason', 'actions']} />
        <tbody>
          {learner.creditEntries.map((entry) => (
            <EntryRow key={entry.id} entry={entry} reversible={!entry.reverses && !reversed.has(entry.id)} act={act} />
          ))}
        </tbody>
      </table>
      <RecordCredit learnerId={learner.id} institutions={props.institutions} act={act} />
    </article>
  );
}

function EntryRow(props: {
  entry: Entry;
  reversible: boolean;
  act: (action: Promise<unknown>, done: TextKey) => Promise<boolean>;
}) {
  const t = useText();
  const { entry } = props;
  const [reason, setReason] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void props
      .act(run(ReverseCreditEntryDocument, { entryId: entry.id, reason: reason ?? '' }), 'entryReversed')
      .then((done) => done && setReason(null));
  };
  return (
    <tr data-entry={entry.id}>
      <th scope="row">{entry.courseTitle}</th>
      <td>{entry.institutionName}</td>
      <td>{t(entry.category)}</td>
      <td>{entry.hours}</td>
      <td>{entry.completedOn}</td>
      <td>{entry.reverses ? `${t('reverses')}: ${entry.reason ?? ''}` : (entry.reason ?? '')}</td>
      <td className="actions">
        {props.reversible && reason === null && (
          <button type="button" onClick={() => setReason('')}>
            {t('reverse')}
          </button>
        )}
        {reason !== null && (
          <form className="inline-form" onSubmit={submit} aria-label={t('reverse')}>
            <label>
              {t('reason')}
              <input required value={reason} onChange={(event) => setReason(event.target.value)} />
            </label>
            <button type="submit">{t('confirmReverse')}</button>
            <button type="button" onClick={() => setReason(null)}>
              {t('cancel')}
            </button>
          </form>
        )}
      </td>
    </tr>
  );
}

function RecordCredit(props: {
  learnerId: string;
  institutions: readonly Institution[];
  act: (action: Promise<unknown>, done: TextKey) => Promise<boolean>;
}) {
  const t = useText();
  // Kept while typed: a registrar whose token expires signs in again and finds the form as they left it.
  const [input, set, clear] = useKeptForm(`registrar.record.${props.learnerId}`, {
    courseTitle: '',
    institution: props.institutions[0]?.code ?? '',
    category: 'REQUIRED',
    hours: '',
    completedOn: '',
    reason: '',
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void props
      .act(
        run(RecordCreditEntryDocument, {
          input: {
            learnerId: props.learnerId,
            courseTitle: input.courseTitle,
            institution: input.institution,
            category: input.category as CourseCategory,
            hours: Number(input.hours),
            completedOn: input.completedOn,
            reason: input.reason,
          },
        }),
        'entryRecorded',
      )
      .then((done) => done && clear());
  };
  return (
    <form className="filters" onSubmit={submit} aria-labelledby={`record-${props.learnerId}`}>
      <h4 id={`record-${props.learnerId}`}>{t('recordCredit')}</h4>
      <label>
        {t('course')}
        <input
          name="courseTitle"
          required
          value={input.courseTitle}
          onChange={(event) => set('courseTitle')(event.target.value)}
        />
      </label>
      <label>
        {t('institution')}
        <select name="institution" value={input.institution} onChange={(event) => set('institution')(event.target.value)}>
          {props.institutions.map((each) => (
            <option key={each.code} value={each.code}>
              {each.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('category')}
        <select name="category" value={input.category} onChange={(event) => set('category')(event.target.value)}>
          <option value="REQUIRED">{t('REQUIRED')}</option>
          <option value="ELECTIVE">{t('ELECTIVE')}</option>
        </select>
      </label>
      <label>
        {t('hours')}
        <input
          name="hours"
          type="number"
          step="0.5"
          min="0.5"
          required
          value={input.hours}
          onChange={(event) => set('hours')(event.target.value)}
        />
      </label>
      <label>
        {t('completedOn')}
        <input
          name="completedOn"
          type="date"
          required
          value={input.completedOn}
          onChange={(event) => set('completedOn')(event.target.value)}
        />
      </label>
      <label>
        {t('reason')}
        <input name="reason" required value={input.reason} onChange={(event) => set('reason')(event.target.value)} />
      </label>
      <button type="submit">{t('recordCredit')}</button>
    </form>
  );
}
