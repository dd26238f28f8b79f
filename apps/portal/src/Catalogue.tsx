import { useContext, useEffect, useMemo, useState } from 'react';
import { formatFen } from '@xueshi/domain';
import { run } from './api';
import { CategoryField, SelectField, YearField } from './Field';
import { shanghaiDateTime, shanghaiMonth, shanghaiYear } from './format';
import { CatalogueDocument, RegisterDocument } from './gql/graphql';
import type { CatalogueQuery } from './gql/graphql';
import { LanguageContext, useText } from './i18n';
import type { Language } from './i18n';
import { ColumnHeads } from './ColumnHeads';
import { useKeptForm } from './keptForm';
import { RequestStatus } from './RequestStatus';

type Institution = CatalogueQuery['institutions'][number];
type Course = NonNullable<Institution['profile']>['courses'][number];
type Session = Course['sessions'][number];

const MONTHS = Array.from({ length: 12 }, (_, index) => index + 1);
const monthName = (month: number, language: Language) =>
  language === 'zh' ? `${month}月` : new Date(2000, month - 1, 1).toLocaleString('en-GB', { month: 'long' });

const seatsLeft = (session: Session) =>
  session.capacity === null || session.capacity === undefined ? null : session.capacity - session.seatsTaken;

export function Catalogue({ signedIn }: { signedIn: boolean }) {
  const t = useText();
  const language = useContext(LanguageContext);
  // Kept, so a learner who signs in again after their token expired comes back to the same courses.
  const [filters, set] = useKeptForm('catalogue', {
    year: Number(new URLSearchParams(window.location.search).get('year')) || shanghaiYear(new Date()),
    institution: '',
    category: '',
    month: 0,
    hasSeats: false,
  });
  const { year, institution, category, month, hasSeats } = filters;
  const [data, setData] = useState<CatalogueQuery | null>(null);
  const [error, setError] = useState<unknown>(null);
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
        <YearField year={year} onChange={set('year')} />
        <SelectField
          label="institution"
          value={institution}
          options={[['', t('all')], ...(data?.institutions ?? []).map((each) => [each.code, each.name] as const)]}
          onChange={set('institution')}
        />
        <CategoryField all value={category} onChange={set('category')} />
        <SelectField
          label="month"
          value={String(month)}
          options={[['0', t('all')], ...MONTHS.map((each) => [String(each), monthName(each, language)] as const)]}
          onChange={(value) => set('month')(Number(value))}
        />
        <label className="check">
          <input type="checkbox" checked={hasSeats} onChange={(event) => set('hasSeats')(event.target.checked)} />
          {t('hasSeats')}
        </label>
      </div>
      <RequestStatus error={error} loading={!data} />
      {registered && (
        <p role="status" className="success">
          {t('registered')} <a href="#/me">{t('myRecord')}</a>
        </p>
      )}
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
