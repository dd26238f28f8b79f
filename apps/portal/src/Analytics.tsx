import { useContext, useEffect, useMemo, useState } from 'react';
import { formatFen } from '@xueshi/domain';
import { run } from './api';
import { Bars } from './Chart';
import type { BarChartOption } from './Chart';
import { YearField } from './Field';
import { downloadText, shanghaiYear } from './format';
import { CycleComplianceDocument, ProgrammeStatisticsDocument } from './gql/graphql';
import type { CycleComplianceQuery, ProgrammeStatisticsQuery } from './gql/graphql';
import { LanguageContext, useText } from './i18n';
import type { TextKey } from './i18n';
import { useKeptForm } from './keptForm';
import { RequestStatus } from './RequestStatus';

type Statistics = ProgrammeStatisticsQuery['programmeStatistics'];
type Compliance = CycleComplianceQuery['cycleCompliance'];

/** The counts of each row and the text that heads them. */
const FIGURES = [
  ['registrations', 'registrationCount'],
  ['paid', 'PAID'],
  ['completed', 'COMPLETED'],
  ['failed', 'FAILED'],
  ['withdrawn', 'WITHDRAWN'],
  ['expired', 'EXPIRED'],
] as const satisfies readonly (readonly [string, TextKey])[];

/** A figure withheld to protect a small group (ADR 0028) shows as a dash, never as 0. */
const shown = (value: number | null | undefined) => (value === null || value === undefined ? '—' : String(value));

/** Analysts' page: a programme year's statistics and a cycle's compliance, as charts, tables and CSV. */
export default function Analytics() {
  const t = useText();
  // Kept, so an analyst who signs in again after their token expired comes back to the same year.
  const [{ year }, set] = useKeptForm('analytics', { year: shanghaiYear(new Date()) });
  const [statistics, setStatistics] = useState<Statistics | null>(null);
  const [compliance, setCompliance] = useState<Compliance | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setError(null);
    setStatistics(null);
    setCompliance(null);
    run(ProgrammeStatisticsDocument, { year }).then(({ programmeStatistics }) => setStatistics(programmeStatistics), setError);
    run(CycleComplianceDocument, { startYear: year }).then(({ cycleCompliance }) => setCompliance(cycleCompliance), setError);
  }, [year]);

  return (
    <section aria-labelledby="analytics">
      <h2 id="analytics">{t('analytics')}</h2>
      <div className="filters">
        <YearField year={year} onChange={set('year')} />
      </div>
      <RequestStatus error={error} loading={!statistics} />
      {statistics && <ProgrammeStatistics statistics={statistics} />}
      {compliance && <CycleCompliance compliance={compliance} />}
    </section>
  );
}

function ProgrammeStatistics({ statistics }: { statistics: Statistics }) {
  const t = useText();
  const language = useContext(LanguageContext);
  const option = useMemo<BarChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: {},
      grid: { left: 48, right: 16, bottom: 128 },
      xAxis: { type: 'category', data: statistics.byInstitution.map((row) => row.institution.name), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value' },
      series: FIGURES.filter(([figure]) => figure !== 'paid').map(([figure, text]) => ({
        type: 'bar',
        name: t(text),
        data: statistics.byInstitution.map((row) => row[figure]),
      })),
    }),
    // Drawn again only for new figures or another language.
    [statistics, language],
  );
  return (
    <section aria-labelledby="programme-statistics" className="card">
      <h3 id="programme-statistics">
        {t('programmeStatistics')} {statistics.year}
      </h3>
      <Bars option={option} label={`${t('programmeStatistics')} ${statistics.year}`} />
      {statistics.suppressed && <p className="notice">{t('suppressedNote')}</p>}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('institution')}</th>
            {FIGURES.map(([figure, text]) => (
              <th scope="col" key={figure}>
                {t(text)}
              </th>
            ))}
            <th scope="col">{t('creditHours')}</th>
            <th scope="col">{t('revenue')}</th>
          </tr>
        </thead>
        <tbody>
          {statistics.byInstitution.map((row) => (
            <tr key={row.institution.code}>
              <th scope="row">{row.institution.name}</th>
              {FIGURES.map(([figure]) => (
                <td key={figure}>{shown(row[figure])}</td>
              ))}
              <td>{shown(row.creditHours)}</td>
              <td>{row.revenueFen === null ? '—' : formatFen(row.revenueFen)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('yearTotal')}</th>
            {FIGURES.map(([figure]) => (
              <td key={figure}>{shown(statistics[figure])}</td>
            ))}
            <td>{shown(statistics.creditHours)}</td>
            <td>{statistics.revenueFen === null ? '—' : formatFen(statistics.revenueFen)}</td>
          </tr>
        </tbody>
      </table>
      <button type="button" onClick={() => downloadText(statistics.csv, `programme-statistics-${statistics.year}.csv`)}>
        {t('downloadCsv')}
      </button>
    </section>
  );
}

const complianceFigures = (compliance: Compliance) =>
  [
    ['learnersWithCredit', compliance.learnersWithCredit],
    ['compliantLearners', compliance.compliant],
    ['requiredShort', compliance.requiredShort],
    ['totalShort', compliance.totalShort],
  ] as const satisfies readonly (readonly [TextKey, number | null])[];

function CycleCompliance({ compliance }: { compliance: Compliance }) {
  const t = useText();
  const language = useContext(LanguageContext);
  const figures = complianceFigures(compliance);
  const option = useMemo<BarChartOption>(
    () => ({
      tooltip: {},
      grid: { left: 48, right: 16, bottom: 48 },
      xAxis: { type: 'category', data: complianceFigures(compliance).map(([key]) => t(key)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: t('cycleCompliance'), data: complianceFigures(compliance).map(([, value]) => value) }],
    }),
    // Drawn again only for new figures or another language.
    [compliance, language],
  );
  const title = `${t('cycleCompliance')} ${compliance.startYear}–${compliance.endYear}`;
  return (
    <section aria-labelledby="cycle-compliance" className="card">
      <h3 id="cycle-compliance">{title}</h3>
      <Bars option={option} label={title} />
      {compliance.suppressed && <p className="notice">{t('suppressedNote')}</p>}
      <table>
        <thead>
          <tr>
            {figures.map(([key]) => (
              <th scope="col" key={key}>
                {t(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {figures.map(([key, value]) => (
              <td key={key}>{shown(value)}</td>
            ))}
          </tr>
        </tbody>
      </table>
      <button type="button" onClick={() => downloadText(compliance.csv, `cycle-compliance-${compliance.startYear}.csv`)}>
        {t('downloadCsv')}
      </button>
    </section>
  );
}
