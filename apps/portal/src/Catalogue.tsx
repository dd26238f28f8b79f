import { useContext, useEffect, useMemo, useState } from 'react';
import { formatFen } from '@xueshi/domain';
import { run } from './api';
import { ErrorMessage } from './ErrorMessage';
import { shanghaiDateTime, shanghaiMonth, shanghaiYear } from './format';
import { CatalogueDocument, RegisterDocument } from './gql/graphql';
import type { CatalogueQuery } from './gql/graphql';
import { LanguageContext, useText } from './i18n';
import { ColumnHeads } from './ColumnHeads';

type Institution = CatalogueQuery['institutions'][number];
type Course = NonNullable<Institution['profile']>['courses'][number];
type Session = Course['sessions'][number];

const seatsLeft = (session: Session) =>
  session.capacity === null || session.capacity === undefined ? null : session.capacity - session.seatsTaken;

export function Catalogue({ signedIn }: { signedIn: boolean }) {
  const t = useText();
  const language = useContext(LanguageContext);
  const [year, setYear] = useState(
    () => Number(new URLSearchParams(window.location.search).get('year')) || shanghaiYear(new Date()),
  );
  const [data, setData] = useState<CatalogueQuery | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [institution, setInstitution] = useState('');
  const [category, setCategory] = useState('');
  const [month, setMonth] = useState(0);
  const [hasSeats, setHasSeats] = useState(false);
  const [registered, setRegistered] = useState<string | null>(null);

  useEffect(() => {
    setData(null);
    setError(null);
    run(CatalogueDocument, { year }).then(setData, setError);
  }, [year]);

  const courses = useMemo(
    () =>
      (data?.institutions ?? [])
        .filter((each) => !institution || each.code === institution)
        .flatMap((each) => (each.profile?.courses ?? []).map((course) => ({ institution: each, course })))
        .filter(({ course }) => !category || course.category === category)
        .map(({ institution, course }) => ({
          institution,
          course,
          sessions: course.sessions.filter(
            (session) => (!month || shanghaiMonth(session.startsAt) === month) && (!hasSeats || (seatsLeft(session) ?? 1) > 0),
          ),
        }))
        .filter(({ sessions }) => sessions.length > 0),
    [data, institution, category, month, hasSeats],
  );

  const register = (session: Session) => {
    setError(null);
    setRegistered(null);
    run(RegisterDocument, { sessionId: session.id }).then(() => {
      setRegistered(session.id);
      return run(CatalogueDocument, { year }).then(setData);
    }, setError);
  };

  return (
    <section aria-labelledby="catalogue">
      <h2 id="catalogue">{t('catalogue')}</h2>
      {/* Above the filters, so a phone shows it before anything else (the plan's notice for live courses). */}
      <p className="notice live-notice" role="note">
        {t('liveNotice')}
      </p>
      <div className="filters" role="search">
        <label>
          {t('year')}
          <input type="number" min={2000} max={2100} value={year} onChange={(event) => setYear(Number(event.target.value))} />
        </label>
        <label>
          {t('institution')}
          <select value={institution} onChange={(event) => setInstitution(event.target.value)}>
            <option value="">{t('all')}</option>
            {data?.institutions.map((each) => (
              <option key={each.code} value={each.code}>
                {each.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('category')}
          <select value={category} onChange={(event) => setCategory(event.target.value)}>
            <option value="">{t('all')}</option>
            <option value="REQUIRED">{t('REQUIRED')}</option>
            <option value="ELECTIVE">{t('ELECTIVE')}</option>
          </select>
        </label>
        <label>
          {t('month')}
          <select value={month} onChange={(event) => setMonth(Number(event.target.value))}>
            <option value={0}>{t('all')}</option>
            {Array.from({ length: 12 }, (_, index) => (
              <option key={index} value={index + 1}>
                {language === 'zh' ? `${index + 1}月` : new Date(2000, index, 1).toLocaleString('en-GB', { month: 'long' })}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={hasSeats} onChange={(event) => setHasSeats(event.target.checked)} />
          {t('hasSeats')}
        </label>
      </div>
      <ErrorMessage error={error} />
      {registered && (
        <p role="status" className="success">
          {t('registered')} <a href="#/me">{t('myRecord')}</a>
        </p>
      )}
      {!data && !error && <p>{t('loading')}</p>}
      {data && courses.length === 0 && <p>{t('noCourses')}</p>}
      {courses.length > 0 && (
        <table className="catalogue">
          <ColumnHeads columns={['course', 'institution', 'category', 'hours', 'fee', 'sessions']} />
          <tbody>
            {courses.map(({ institution, course, sessions }) => (
              <tr key={course.id}>
                <th scope="row">{course.title}</th>
                <td>{institution.name}</td>
                <td>{t(course.category)}</td>
                <td>{course.hours}</td>
                <td>{formatFen(course.feeFen)}</td>
                <td>
                  <ul className="sessions">
                    {sessions.map((session) => {
                      const left = seatsLeft(session);
                      const open = new Date(session.registrationOpensAt) <= new Date() && (left === null || left > 0);
                      return (
                        <li key={session.id} data-session={session.id}>
                          <span>
                            {shanghaiDateTime(session.startsAt, language)} – {shanghaiDateTime(session.endsAt, language)}
                          </span>{' '}
                          <span className="mode">{t(session.deliveryMode)}</span>{' '}
                          <span>
                            {t('seatsLeft')}: {left ?? t('unlimited')}
                          </span>
                          {signedIn && open && (
                            <button type="button" onClick={() => register(session)}>
                              {t('register')}
                            </button>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data && <Institutions institutions={data.institutions} />}
    </section>
  );
}

function Institutions({ institutions }: { institutions: readonly Institution[] }) {
  const t = useText();
  return (
    <section aria-labelledby="institutions">
      <h2 id="institutions">{t('institutions')}</h2>
      <div className="institutions">
        {institutions.map((each) => (
          <article key={each.code} className="card">
            <h3>
              {each.name} {each.isLeadUnit && <span className="tag">{t('leadUnit')}</span>}
            </h3>
            {each.profile?.address && (
              <p>
                {t('address')}: {each.profile.address}
              </p>
            )}
            {each.profile?.hotline && (
              <p>
                {t('hotline')}: {each.profile.hotline}
              </p>
            )}
            {(each.profile?.contacts.length ?? 0) > 0 && (
              <p>
                {t('contacts')}:{' '}
                {each.profile?.contacts.map((contact) => `${contact.name} ${contact.phones.join('、')}`).join('；')}
              </p>
            )}
          </article>
        ))}
      </div>
    </section>
  );
}
