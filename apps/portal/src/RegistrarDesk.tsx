import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { run } from './api';
import { CategoryField, Field, SelectField } from './Field';
import { FindLearnersDocument, RecordCreditEntryDocument, ReverseCreditEntryDocument } from './gql/graphql';
import type { CourseCategory, FindLearnersQuery } from './gql/graphql';
import { useText } from './i18n';
import type { TextKey } from './i18n';
import { useKeptForm } from './keptForm';
import { ColumnHeads } from './ColumnHeads';
import { RequestStatus } from './RequestStatus';
import { useActions } from './useActions';

type Found = FindLearnersQuery['learnersByIdNumber'][number];
type Entry = Found['creditEntries'][number];
type Institution = FindLearnersQuery['institutions'][number];

/** The registrar's page: find a learner by their full ID number, then reverse or record credit with a reason. */
export function RegistrarDesk() {
  const t = useText();
  // Kept, so that signing in again after the token expired finds the same learner.
  const [search, setSearch] = useKeptForm('registrar.find', { idNumber: '' });
  const [found, setFound] = useState<FindLearnersQuery | null>(null);
  const { error, setError, message, act, reset } = useActions(() => find(search.idNumber));

  const find = useCallback((idNumber: string) => run(FindLearnersDocument, { idNumber }).then(setFound, setError), [setError]);
  // On opening, the number kept from before signing in again (if any); later searches are the form's.
  const [kept] = useState(search.idNumber);
  useEffect(() => {
    if (kept.trim() !== '') void find(kept);
  }, [kept, find]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    reset();
    void find(search.idNumber);
  };

  return (
    <section aria-labelledby="registrar-desk">
      <h2 id="registrar-desk">{t('findLearner')}</h2>
      <form className="filters" role="search" onSubmit={submit}>
        <Field label="fullIdNumber" name="idNumber" required value={search.idNumber} onChange={setSearch('idNumber')} />
        <button type="submit">{t('find')}</button>
      </form>
      <RequestStatus error={error} message={message} />
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
  // Kept while typed, open or not: a registrar whose token expires signs in again to the same reason.
  const [reversal, set, clear] = useKeptForm(`registrar.reverse.${entry.id}`, { reversing: false, reason: '' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void props
      .act(run(ReverseCreditEntryDocument, { entryId: entry.id, reason: reversal.reason }), 'entryReversed')
      .then((done) => done && clear());
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
        {props.reversible && !reversal.reversing && (
          <button type="button" onClick={() => set('reversing')(true)}>
            {t('reverse')}
          </button>
        )}
        {reversal.reversing && (
          <form className="inline-form" onSubmit={submit} aria-label={t('reverse')}>
            <Field label="reason" required value={reversal.reason} onChange={set('reason')} />
            <button type="submit">{t('confirmReverse')}</button>
            <button type="button" onClick={clear}>
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
      <Field label="course" name="courseTitle" required value={input.courseTitle} onChange={set('courseTitle')} />
      <SelectField
        label="institution"
        name="institution"
        value={input.institution}
        options={props.institutions.map((each) => [each.code, each.name] as const)}
        onChange={set('institution')}
      />
      <CategoryField name="category" value={input.category} onChange={set('category')} />
      <Field label="hours" name="hours" type="number" step="0.5" min="0.5" required value={input.hours} onChange={set('hours')} />
      <Field
        label="completedOn"
        name="completedOn"
        type="date"
        required
        value={input.completedOn}
        onChange={set('completedOn')}
      />
      <Field label="reason" name="reason" required value={input.reason} onChange={set('reason')} />
      <button type="submit">{t('recordCredit')}</button>
    </form>
  );
}
