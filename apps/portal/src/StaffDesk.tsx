import { Suspense, lazy, useEffect, useState } from 'react';
import { run } from './api';
import { CurrentStaffDocument } from './gql/graphql';
import type { CurrentStaffQuery } from './gql/graphql';
import { useText } from './i18n';
import { InstitutionDesk } from './InstitutionDesk';
import { RegistrarDesk } from './RegistrarDesk';
import { Loading, RequestStatus } from './RequestStatus';

// ECharts comes with the analysts' page only.
const Analytics = lazy(() => import('./Analytics'));

/** The signed-in member of staff's page, by role: their institution's desk, the registrar's, or the analysts'. */
export default function StaffDesk() {
  const t = useText();
  const [staff, setStaff] = useState<CurrentStaffQuery['currentStaff'] | undefined>();
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    run(CurrentStaffDocument).then(({ currentStaff }) => setStaff(currentStaff), setError);
  }, []);
  if (error || staff === undefined) return <RequestStatus error={error} loading />;
  if (staff === null) return <p role="alert">{t('notStaff')}</p>;
  return (
    <>
      <p className="who">
        {staff.displayName} ({staff.username})
      </p>
      {staff.role === 'INSTITUTION_STAFF' && staff.institution && <InstitutionDesk code={staff.institution.code} />}
      {staff.role === 'REGISTRAR' && <RegistrarDesk />}
      {(staff.role === 'ANALYST' || staff.role === 'REGISTRAR') && (
        <Suspense fallback={<Loading />}>
          <Analytics />
        </Suspense>
      )}
    </>
  );
}
