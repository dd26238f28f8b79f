import { useCallback, useContext, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { outcomeCsvRows, splitCsv } from '@xueshi/domain';
import type { OutcomeCsvRow } from '@xueshi/domain';
import { run } from './api';
import { ErrorMessage } from './ErrorMessage';
import { downloadText, shanghaiDateTime, shanghaiInputValue, shanghaiInstant, shanghaiYear } from './format';
import {
  InstitutionDeskDocument,
  OpenAssociationSessionDocument,
  OpenElectiveProviderSessionDocument,
  OpenEngineersSocietySessionDocument,
  OpenManagementCollegeSessionDocument,
  OpenShuSessionDocument,
  OpenSjtuSessionDocument,
  ReportOutcomesCsvDocument,
  ReportOutcomesDocument,
  RosterCsvDocument,
  RosterDocument,
  SetAssociationContactsDocument,
  SetElectiveProviderContactsDocument,
  SetEngineersSocietyContactsDocument,
  SetManagementCollegeContactsDocument,
  SetShuContactsDocument,
  SetSjtuContactsDocument,
  UpdateAssociationSessionDocument,
  UpdateElectiveProviderSessionDocument,
  UpdateEngineersSocietySessionDocument,
  UpdateManagementCollegeSessionDocument,
  UpdateShuSessionDocument,
  UpdateSjtuSessionDocument,
} from './gql/graphql';
import type {
  ContactInput,
  DeliveryMode,
  InstitutionDeskQuery,
  OpenSessionInput,
  RosterQuery,
  UpdateSessionInput,
} from './gql/graphql';
import { LanguageContext, useText } from './i18n';
import type { TextKey } from './i18n';
import { useKeptForm } from './keptForm';
import { ColumnHeads } from './ColumnHeads';

type Profile = NonNullable<NonNullable<InstitutionDeskQuery['institution']>['profile']>;
type Course = Profile['courses'][number];
type Session = Course['sessions'][number];
type RosterEntry = RosterQuery['roster'][number];

/** Each institution's own session and contact mutations (one subgraph each, so one field each). */
interface InstitutionMutations {
  open: (input: OpenSessionInput) => Promise<unknown>;
  update: (id: string, input: UpdateSessionInput) => Promise<unknown>;
  contacts: (contacts: ContactInput[]) => Promise<unknown>;
}

const MUTATIONS: Record<string, InstitutionMutations> = {
  association: {
    open: (input) => run(OpenAssociationSessionDocument, { input }),
    update: (id, input) => run(UpdateAssociationSessionDocument, { id, input }),
    contacts: (contacts) => run(SetAssociationContactsDocument, { contacts }),
  },
  'management-college': {
    open: (input) => run(OpenManagementCollegeSessionDocument, { input }),
    update: (id, input) => run(UpdateManagementCollegeSessionDocument, { id, input }),
    contacts: (contacts) => run(SetManagementCollegeContactsDocument, { contacts }),
  },
  'engineers-society': {
    open: (input) => run(OpenEngineersSocietySessionDocument, { input }),
    update: (id, input) => run(UpdateEngineersSocietySessionDocument, { id, input }),
    contacts: (contacts) => run(SetEngineersSocietyContactsDocument, { contacts }),
  },
  shu: {
    open: (input) => run(OpenShuSessionDocument, { input }),
    update: (id, input) => run(UpdateShuSessionDocument, { id, input }),
    contacts: (contacts) => run(SetShuContactsDocument, { contacts }),
  },
  sjtu: {
    open: (input) => run(OpenSjtuSessionDocument, { input }),
    update: (id, input) => run(UpdateSjtuSessionDocument, { id, input }),
    contacts: (contacts) => run(SetSjtuContactsDocument, { contacts }),
  },
  'elective-provider': {
    open: (input) => run(OpenElectiveProviderSessionDocument, { input }),
    update: (id, input) => run(UpdateElectiveProviderSessionDocument, { id, input }),
    contacts: (contacts) => run(SetElectiveProviderContactsDocument, { contacts }),
  },
};

const DELIVERY_MODES: DeliveryMode[] = ['LIVE_ONLINE', 'FACE_TO_FACE', 'ONLINE_COURSEWARE'];

/** Institution staff's page: their sessions (open, change dates), their contacts, and each session's roster and outcomes. */
export function InstitutionDesk({ code }: { code: string }) {
  const t = useText();
  const [year, setYear] = useState(() => shanghaiYear(new Date()));
  const [desk, setDesk] = useState<InstitutionDeskQuery['institution'] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [rosterOf, setRosterOf] = useState<Session | null>(null);
  const mutations = MUTATIONS[code];

  const load = useCallback(
    () => run(InstitutionDeskDocument, { code, year }).then(({ institution }) => setDesk(institution), setError),
    [code, year],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const act = (action: Promise<unknown>, done: TextKey) => {
    setError(null);
    setMessage(null);
    return action.then(
      () => {
        setMessage(t(done));
        void load();
        return true;
      },
      (failure: unknown) => {
        setError(failure);
        return false;
      },
    );
  };

  const courses = desk?.profile?.courses ?? [];
  return (
    <section aria-labelledby="institution-desk">
      <h2 id="institution-desk">
        {desk?.name ?? code} · {t('sessions')}
      </h2>
      <div className="filters">
        <label>
          {t('year')}
          <input type="number" min={2000} max={2100} value={year} onChange={(event) => setYear(Number(event.target.value))} />
        </label>
      </div>
      <ErrorMessage error={error} />
      {message && (
        <p role="status" className="success">
          {message}
        </p>
      )}
      {!desk && !error && <p>{t('loading')}</p>}
      {courses.length > 0 && (
        <table className="desk">
          <ColumnHeads columns={['course', 'sessions', 'deliveryMode', 'seatsTaken', 'actions']} />
          <tbody>
            {courses.flatMap((course) =>
              course.sessions.map((session) => (
                <SessionRow
                  key={session.id}
                  course={course}
                  session={session}
                  onRoster={() => setRosterOf(session)}
                  onChange={(input) =>
                    mutations ? act(mutations.update(session.id, input), 'datesChanged') : Promise.resolve(false)
                  }
                />
              )),
            )}
          </tbody>
        </table>
      )}
      {rosterOf && <Roster key={rosterOf.id} session={rosterOf} onClose={() => setRosterOf(null)} />}
      {mutations && courses.length > 0 && (
        <OpenSession code={code} courses={courses} onOpen={(input) => act(mutations.open(input), 'sessionOpened')} />
      )}
      {mutations && desk?.profile && (
        <Contacts
          key={JSON.stringify(desk.profile.contacts)}
          contacts={desk.profile.contacts}
          onSave={(contacts) => act(mutations.contacts(contacts), 'contactsSaved')}
        />
      )}
    </section>
  );
}

function SessionRow(props: {
  course: Course;
  session: Session;
  onRoster: () => void;
  onChange: (input: UpdateSessionInput) => Promise<boolean>;
}) {
  const t = useText();
  const language = useContext(LanguageContext);
  const { course, session } = props;
  const [changing, setChanging] = useState(false);
  const [dates, setDates] = useState({
    startsAt: shanghaiInputValue(session.startsAt),
    endsAt: shanghaiInputValue(session.endsAt),
    registrationOpensAt: shanghaiInputValue(session.registrationOpensAt),
    reason: '',
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void props
      .onChange({
        startsAt: shanghaiInstant(dates.startsAt),
        endsAt: shanghaiInstant(dates.endsAt),
        registrationOpensAt: shanghaiInstant(dates.registrationOpensAt),
        reason: dates.reason,
      })
      .then((changed) => changed && setChanging(false));
  };
  return (
    <tr data-session={session.id}>
      <th scope="row">
        {course.title}
        <br />
        <small>{session.title}</small>
      </th>
      <td>
        {shanghaiDateTime(session.startsAt, language)} – {shanghaiDateTime(session.endsAt, language)}
        {(session.dateChanges?.length ?? 0) > 0 && (
          <small className="changes">
            {' '}
            ({t('changedTimes')} {session.dateChanges?.length})
          </small>
        )}
        {changing && (
          <form className="inline-form" onSubmit={submit} aria-label={t('changeDates')}>
            <label>
              {t('startsAt')}
              <input
                type="datetime-local"
                required
                value={dates.startsAt}
                onChange={(event) => setDates({ ...dates, startsAt: event.target.value })}
              />
            </label>
            <label>
              {t('endsAt')}
              <input
                type="datetime-local"
                required
                value={dates.endsAt}
                onChange={(event) => setDates({ ...dates, endsAt: event.target.value })}
              />
            </label>
            <label>
              {t('registrationOpensAt')}
              <input
                type="datetime-local"
                required
                value={dates.registrationOpensAt}
                onChange={(event) => setDates({ ...dates, registrationOpensAt: event.target.value })}
              />
            </label>
            <label>
              {t('reason')}
              <input required value={dates.reason} onChange={(event) => setDates({ ...dates, reason: event.target.value })} />
            </label>
            <button type="submit">{t('save')}</button>
            <button type="button" onClick={() => setChanging(false)}>
              {t('cancel')}
            </button>
          </form>
        )}
      </td>
      <td>{t(session.deliveryMode)}</td>
      <td>
        {session.seatsTaken} / {session.capacity ?? t('unlimited')}
      </td>
      <td className="actions">
        <button type="button" onClick={props.onRoster}>
          {t('roster')}
        </button>
        {!changing && (
          <button type="button" onClick={() => setChanging(true)}>
            {t('changeDates')}
          </button>
        )}
      </td>
    </tr>
  );
}

function OpenSession(props: { code: string; courses: readonly Course[]; onOpen: (input: OpenSessionInput) => Promise<boolean> }) {
  const t = useText();
  const [input, set, clear] = useKeptForm(`open-session.${props.code}`, {
    courseId: props.courses[0]?.id ?? '',
    deliveryMode: 'LIVE_ONLINE',
    startsAt: '',
    endsAt: '',
    registrationOpensAt: '',
    venue: '',
    capacity: '',
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void props
      .onOpen({
        courseId: input.courseId,
        deliveryMode: input.deliveryMode as DeliveryMode,
        startsAt: shanghaiInstant(input.startsAt),
        endsAt: shanghaiInstant(input.endsAt),
        registrationOpensAt: shanghaiInstant(input.registrationOpensAt),
        venue: input.venue || null,
        capacity: input.capacity ? Number(input.capacity) : null,
      })
      .then((opened) => opened && clear());
  };
  return (
    <form className="card filters" onSubmit={submit} aria-labelledby="open-session">
      <h3 id="open-session">{t('openSession')}</h3>
      <label>
        {t('course')}
        <select value={input.courseId} onChange={(event) => set('courseId')(event.target.value)}>
          {props.courses.map((course) => (
            <option key={course.id} value={course.id}>
              {course.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('deliveryMode')}
        <select value={input.deliveryMode} onChange={(event) => set('deliveryMode')(event.target.value)}>
          {DELIVERY_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {t(mode)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('startsAt')}
        <input type="datetime-local" required value={input.startsAt} onChange={(event) => set('startsAt')(event.target.value)} />
      </label>
      <label>
        {t('endsAt')}
        <input type="datetime-local" required value={input.endsAt} onChange={(event) => set('endsAt')(event.target.value)} />
      </label>
      <label>
        {t('registrationOpensAt')}
        <input
          type="datetime-local"
          required
          value={input.registrationOpensAt}
          onChange={(event) => set('registrationOpensAt')(event.target.value)}
        />
      </label>
      <label>
        {t('venue')}
        <input value={input.venue} onChange={(event) => set('venue')(event.target.value)} />
      </label>
      <label>
        {t('capacity')}
        <input type="number" min={1} value={input.capacity} onChange={(event) => set('capacity')(event.target.value)} />
      </label>
      <button type="submit">{t('openSession')}</button>
    </form>
  );
}

function Contacts(props: { contacts: readonly ContactInput[]; onSave: (contacts: ContactInput[]) => Promise<boolean> }) {
  const t = useText();
  const [rows, setRows] = useState(() =>
    props.contacts.map((contact) => ({ name: contact.name, phones: contact.phones.join('、') })),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void props.onSave(
      rows
        .filter((row) => row.name.trim() !== '')
        .map((row) => ({
          name: row.name.trim(),
          phones: row.phones
            .split(/[、,，;；\s]+/)
            .map((phone) => phone.trim())
            .filter(Boolean),
        })),
    );
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="contacts-editor">
      <h3 id="contacts-editor">{t('contacts')}</h3>
      {rows.map((row, index) => (
        <div className="filters" key={index}>
          <label>
            {t('name')}
            <input
              value={row.name}
              onChange={(event) => setRows(rows.map((each, at) => (at === index ? { ...each, name: event.target.value } : each)))}
            />
          </label>
          <label>
            {t('phones')}
            <input
              value={row.phones}
              onChange={(event) =>
                setRows(rows.map((each, at) => (at === index ? { ...each, phones: event.target.value } : each)))
              }
            />
          </label>
          <button type="button" onClick={() => setRows(rows.filter((_, at) => at !== index))}>
            {t('remove')}
          </button>
        </div>
      ))}
      <p className="actions">
        <button type="button" onClick={() => setRows([...rows, { name: '', phones: '' }])}>
          {t('addContact')}
        </button>{' '}
        <button type="submit">{t('saveContacts')}</button>
      </p>
    </form>
  );
}

/** A row of an uploaded roster CSV with what is wrong with it, checked against the roster before anything is sent. */
interface CheckedRow extends OutcomeCsvRow {
  learner: string | null;
  problems: TextKey[];
}

function checkUpload(rows: readonly OutcomeCsvRow[], roster: readonly RosterEntry[]): CheckedRow[] {
  const byId = new Map(roster.map((entry) => [entry.id, entry]));
  const seen = new Set<string>();
  return rows.map((row) => {
    const problems: TextKey[] = [];
    const entry = byId.get(row.registrationId);
    if (!entry) problems.push('notOnRoster');
    else if (seen.has(row.registrationId)) problems.push('duplicateRow');
    seen.add(row.registrationId);
    if (row.attendedFully === null) problems.push('attendedNotYesNo');
    if (row.examPassed === null) problems.push('passedNotYesNo');
    return { ...row, learner: entry?.learner?.name ?? null, problems };
  });
}

function Roster({ session, onClose }: { session: Session; onClose: () => void }) {
  const t = useText();
  const [roster, setRoster] = useState<RosterEntry[] | null>(null);
  const [outcomes, setOutcomes] = useState<ReadonlyMap<string, { attendedFully: boolean; examPassed: boolean }>>(new Map());
  const [upload, setUpload] = useState<{ name: string; text: string; rows: CheckedRow[] | null } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(
    () =>
      run(RosterDocument, { sessionId: session.id }).then(({ roster }) => {
        setRoster(roster);
        setOutcomes(
          new Map(
            roster.map((entry) => [
              entry.id,
              { attendedFully: entry.outcome?.attendedFully ?? false, examPassed: entry.outcome?.examPassed ?? false },
            ]),
          ),
        );
      }, setError),
    [session.id],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const saved = () => {
    setMessage(t('outcomesSaved'));
    setUpload(null);
    return load();
  };
  const saveTable = () => {
    setError(null);
    setMessage(null);
    run(ReportOutcomesDocument, {
      sessionId: session.id,
      outcomes: [...outcomes].map(([registrationId, outcome]) => ({ registrationId, ...outcome })),
    }).then(saved, setError);
  };
  const read = (file: File) => {
    setError(null);
    setMessage(null);
    void file.text().then((text) => {
      const table = splitCsv(text);
      const rows = table === null ? null : outcomeCsvRows(table);
      setUpload({ name: file.name, text, rows: rows === null ? null : checkUpload(rows, roster ?? []) });
    });
  };
  const saveUpload = () => {
    if (!upload) return;
    setError(null);
    run(ReportOutcomesCsvDocument, { sessionId: session.id, csv: upload.text }).then(saved, setError);
  };
  const uploadProblems = upload?.rows?.filter((row) => row.problems.length > 0).length ?? 0;
  const set = (id: string, key: 'attendedFully' | 'examPassed', value: boolean) => {
    const current = outcomes.get(id) ?? { attendedFully: false, examPassed: false };
    setOutcomes(new Map(outcomes).set(id, { ...current, [key]: value }));
  };

  return (
    <section className="card" aria-labelledby="roster">
      <h3 id="roster">
        {t('roster')} · {session.title}
      </h3>
      <ErrorMessage error={error} />
      {message && (
        <p role="status" className="success">
          {message}
        </p>
      )}
      {!roster && !error && <p>{t('loading')}</p>}
      {roster && roster.length === 0 && <p>{t('emptyRoster')}</p>}
      {roster && roster.length > 0 && (
        <>
          <table className="roster">
            <ColumnHeads columns={['name', 'idNumber', 'employer', 'status', 'attendedFully', 'examPassed']} />
            <tbody>
              {roster.map((entry) => (
                <tr key={entry.id} data-registration={entry.id}>
                  <th scope="row">{entry.learner?.name}</th>
                  <td>{entry.learner?.idNumberMasked}</td>
                  <td>{entry.learner?.employer}</td>
                  <td>{t(entry.status)}</td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`${entry.learner?.name ?? ''} ${t('attendedFully')}`}
                      checked={outcomes.get(entry.id)?.attendedFully ?? false}
                      onChange={(event) => set(entry.id, 'attendedFully', event.target.checked)}
                    />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`${entry.learner?.name ?? ''} ${t('examPassed')}`}
                      checked={outcomes.get(entry.id)?.examPassed ?? false}
                      onChange={(event) => set(entry.id, 'examPassed', event.target.checked)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="actions">
            <button type="button" onClick={saveTable}>
              {t('saveOutcomes')}
            </button>{' '}
            <button
              type="button"
              onClick={() => {
                setError(null);
                run(RosterCsvDocument, { sessionId: session.id }).then(
                  ({ rosterCsv }) => downloadText(rosterCsv, `roster-${session.id.replace(/[^\w-]+/g, '-')}.csv`),
                  setError,
                );
              }}
            >
              {t('downloadRosterCsv')}
            </button>
          </p>
          <label>
            {t('uploadRosterCsv')}
            <input
              type="file"
              accept=".csv,text/csv"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) read(file);
                event.target.value = '';
              }}
            />
          </label>
        </>
      )}
      {upload && upload.rows === null && (
        <p role="alert" className="error">
          {t('csvUnreadable')}
        </p>
      )}
      {upload?.rows && (
        <div aria-labelledby="upload-check">
          <h4 id="upload-check">
            {upload.name}: {upload.rows.length} {t('rows')}
            {uploadProblems > 0 ? ` · ${uploadProblems} ${t('rowsWithErrors')}` : ''}
          </h4>
          <table className="upload">
            <ColumnHeads columns={['line', 'name', 'attendedFully', 'examPassed', 'rowCheck']} />
            <tbody>
              {upload.rows.map((row) => (
                <tr key={row.line} className={row.problems.length > 0 ? 'row-error' : undefined} data-line={row.line}>
                  <th scope="row">{row.line}</th>
                  <td>{row.learner ?? row.registrationId}</td>
                  <td>{row.attendedFully === null ? '?' : row.attendedFully ? t('yes') : t('no')}</td>
                  <td>{row.examPassed === null ? '?' : row.examPassed ? t('yes') : t('no')}</td>
                  <td>{row.problems.length > 0 ? row.problems.map((problem) => t(problem)).join('；') : t('rowOk')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {uploadProblems > 0 ? (
            <p role="alert" className="error">
              {t('fixRowsFirst')}
            </p>
          ) : (
            <button type="button" onClick={saveUpload}>
              {t('saveUpload')}
            </button>
          )}
        </div>
      )}
      <p>
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </p>
    </section>
  );
}
