import { useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { outcomeCsvRows, splitCsv } from '@xueshi/domain';
import type { OutcomeCsvRow } from '@xueshi/domain';
import { run } from './api';
import { Field, SelectField, YearField } from './Field';
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
import { RequestStatus } from './RequestStatus';
import { useActions } from './useActions';

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

/** The three instants a session is set by, as datetime-local values in Shanghai time. */
interface SessionDates {
  startsAt: string;
  endsAt: string;
  registrationOpensAt: string;
}
const SESSION_DATES = ['startsAt', 'endsAt', 'registrationOpensAt'] as const;

const sessionInstants = (dates: SessionDates) => ({
  startsAt: shanghaiInstant(dates.startsAt),
  endsAt: shanghaiInstant(dates.endsAt),
  registrationOpensAt: shanghaiInstant(dates.registrationOpensAt),
});

function SessionDateFields(props: { dates: SessionDates; set: (field: keyof SessionDates) => (value: string) => void }) {
  return (
    <>
      {SESSION_DATES.map((field) => (
        <Field key={field} label={field} type="datetime-local" required value={props.dates[field]} onChange={props.set(field)} />
      ))}
    </>
  );
}

/** Institution staff's page: their sessions (open, change dates), their contacts, and each session's roster and outcomes. */
export function InstitutionDesk({ code }: { code: string }) {
  const t = useText();
  // Kept, so that signing in again after the token expired shows the same year with the same roster open.
  const [view, set] = useKeptForm(`institution-desk.${code}`, { year: shanghaiYear(new Date()), roster: '' });
  const [desk, setDesk] = useState<InstitutionDeskQuery['institution'] | null>(null);
  const { error, setError, message, act } = useActions(() => load());
  const mutations = MUTATIONS[code];

  const { year } = view;
  const load = useCallback(
    () => run(InstitutionDeskDocument, { code, year }).then(({ institution }) => setDesk(institution), setError),
    [code, year, setError],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const courses = desk?.profile?.courses ?? [];
  const rosterOf = courses.flatMap((course) => course.sessions).find((session) => session.id === view.roster);
  return (
    <section aria-labelledby="institution-desk">
      <h2 id="institution-desk">
        {desk?.name ?? code} · {t('sessions')}
      </h2>
      <div className="filters">
        <YearField year={year} onChange={set('year')} />
      </div>
      <RequestStatus error={error} message={message} loading={!desk} />
      {courses.length > 0 && (
        <table className="desk">
          <ColumnHeads columns={['course', 'sessions', 'deliveryMode', 'seatsTaken', 'actions']} />
          <tbody>
            {courses.flatMap((course) =>
              course.sessions.map((session) => (
                <SessionRow
                  // Anew when its dates change, so the next change starts from them.
                  key={`${session.id} ${session.startsAt} ${session.endsAt} ${session.registrationOpensAt}`}
                  course={course}
                  session={session}
                  onRoster={() => set('roster')(session.id)}
                  onChange={(input) =>
                    mutations ? act(mutations.update(session.id, input), 'datesChanged') : Promise.resolve(false)
                  }
                />
              )),
            )}
          </tbody>
        </table>
      )}
      {rosterOf && <Roster key={rosterOf.id} session={rosterOf} onClose={() => set('roster')('')} />}
      {mutations && courses.length > 0 && (
        <OpenSession code={code} courses={courses} onOpen={(input) => act(mutations.open(input), 'sessionOpened')} />
      )}
      {mutations && desk?.profile && (
        <Contacts
          key={JSON.stringify(desk.profile.contacts)}
          code={code}
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
  // Kept while typed, open or not: a member of staff whose token expires signs in again to the same form.
  const [dates, set, clear] = useKeptForm(`session-dates.${session.id}`, {
    changing: false,
    startsAt: shanghaiInputValue(session.startsAt),
    endsAt: shanghaiInputValue(session.endsAt),
    registrationOpensAt: shanghaiInputValue(session.registrationOpensAt),
    reason: '',
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void props.onChange({ ...sessionInstants(dates), reason: dates.reason }).then((changed) => changed && clear());
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
        {dates.changing && (
          <form className="inline-form" onSubmit={submit} aria-label={t('changeDates')}>
            <SessionDateFields dates={dates} set={set} />
            <Field label="reason" required value={dates.reason} onChange={set('reason')} />
            <button type="submit">{t('save')}</button>
            <button type="button" onClick={clear}>
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
        {!dates.changing && (
          <button type="button" onClick={() => set('changing')(true)}>
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
        ...sessionInstants(input),
        venue: input.venue || null,
        capacity: input.capacity ? Number(input.capacity) : null,
      })
      .then((opened) => opened && clear());
  };
  return (
    <form className="card filters" onSubmit={submit} aria-labelledby="open-session">
      <h3 id="open-session">{t('openSession')}</h3>
      <SelectField
        label="course"
        value={input.courseId}
        options={props.courses.map((course) => [course.id, course.title] as const)}
        onChange={set('courseId')}
      />
      <SelectField
        label="deliveryMode"
        value={input.deliveryMode}
        options={DELIVERY_MODES.map((mode) => [mode, t(mode)] as const)}
        onChange={set('deliveryMode')}
      />
      <SessionDateFields dates={input} set={set} />
      <Field label="venue" value={input.venue} onChange={set('venue')} />
      <Field label="capacity" type="number" min={1} value={input.capacity} onChange={set('capacity')} />
      <button type="submit">{t('openSession')}</button>
    </form>
  );
}

/** One contact as typed: the phones in one field, separated as the plan writes them (、). */
interface ContactRow {
  name: string;
  phones: string;
}

function Contacts(props: {
  code: string;
  contacts: readonly ContactInput[];
  onSave: (contacts: ContactInput[]) => Promise<boolean>;
}) {
  const t = useText();
  // Kept while typed: a member of staff whose token expires signs in again to the contacts as they left them.
  const [{ rows }, set, clear] = useKeptForm(`contacts.${props.code}`, {
    rows: props.contacts.map((contact): ContactRow => ({ name: contact.name, phones: contact.phones.join('、') })),
  });
  const setRows = set('rows');
  const change = (index: number, to: Partial<ContactRow>) =>
    setRows(rows.map((each, at) => (at === index ? { ...each, ...to } : each)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void props
      .onSave(
        rows
          .filter((row) => row.name.trim() !== '')
          .map((row) => ({
            name: row.name.trim(),
            phones: row.phones
              .split(/[、,，;；\s]+/)
              .map((phone) => phone.trim())
              .filter(Boolean),
          })),
      )
      .then((saved) => saved && clear());
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="contacts-editor">
      <h3 id="contacts-editor">{t('contacts')}</h3>
      {rows.map((row, index) => (
        <div className="filters" key={index}>
          <Field label="name" value={row.name} onChange={(name) => change(index, { name })} />
          <Field label="phones" value={row.phones} onChange={(phones) => change(index, { phones })} />
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

/** A file's rows checked against the roster, or null when it cannot be read as a roster CSV at all. */
function readUpload(text: string, roster: readonly RosterEntry[]): CheckedRow[] | null {
  const table = splitCsv(text);
  const rows = table === null ? null : outcomeCsvRows(table);
  return rows === null ? null : checkUpload(rows, roster);
}

interface Outcome {
  attendedFully: boolean;
  examPassed: boolean;
}

function Roster({ session, onClose }: { session: Session; onClose: () => void }) {
  const t = useText();
  const [roster, setRoster] = useState<RosterEntry[] | null>(null);
  // What is ticked in the table and the file chosen, kept until saved: a member of staff whose token
  // expires signs in again to the roster as they left it.
  const [kept, set, clear] = useKeptForm(`roster.${session.id}`, {
    outcomes: {} as Record<string, Outcome>,
    upload: null as { name: string; text: string } | null,
  });
  const { error, setError, message, act, reset } = useActions(() => load());

  const load = useCallback(
    () => run(RosterDocument, { sessionId: session.id }).then(({ roster }) => setRoster(roster), setError),
    [session.id, setError],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const outcomeOf = (entry: RosterEntry): Outcome =>
    kept.outcomes[entry.id] ?? {
      attendedFully: entry.outcome?.attendedFully ?? false,
      examPassed: entry.outcome?.examPassed ?? false,
    };
  const tick = (entry: RosterEntry, field: keyof Outcome, value: boolean) =>
    set('outcomes')({ ...kept.outcomes, [entry.id]: { ...outcomeOf(entry), [field]: value } });
  const save = (action: Promise<unknown>) => void act(action, 'outcomesSaved').then((saved) => saved && clear());
  const saveTable = () =>
    save(
      run(ReportOutcomesDocument, {
        sessionId: session.id,
        outcomes: (roster ?? []).map((entry) => ({ registrationId: entry.id, ...outcomeOf(entry) })),
      }),
    );
  const read = (file: File) => {
    reset();
    void file.text().then((text) => set('upload')({ name: file.name, text }));
  };
  const upload = useMemo(
    () =>
      kept.upload && roster
        ? { name: kept.upload.name, text: kept.upload.text, rows: readUpload(kept.upload.text, roster) }
        : null,
    [kept.upload, roster],
  );
  const uploadProblems = upload?.rows?.filter((row) => row.problems.length > 0).length ?? 0;

  return (
    <section className="card" aria-labelledby="roster">
      <h3 id="roster">
        {t('roster')} · {session.title}
      </h3>
      <RequestStatus error={error} message={message} loading={!roster} />
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
                  {(['attendedFully', 'examPassed'] as const).map((field) => (
                    <td key={field}>
                      <input
                        type="checkbox"
                        aria-label={`${entry.learner?.name ?? ''} ${t(field)}`}
                        checked={outcomeOf(entry)[field]}
                        onChange={(event) => tick(entry, field, event.target.checked)}
                      />
                    </td>
                  ))}
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
            <button
              type="button"
              onClick={() => upload && save(run(ReportOutcomesCsvDocument, { sessionId: session.id, csv: upload.text }))}
            >
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
