import { ErrorMessage } from './ErrorMessage';
import { useText } from './i18n';

export function Loading() {
  const t = useText();
  return <p>{t('loading')}</p>;
}

/**
 * Where a page's requests stand: the last failure, what the last action did, or "loading" while the page's
 * data has not come (`loading`) and nothing failed.
 */
export function RequestStatus(props: { error: unknown; message?: string | null; loading?: boolean }) {
  return (
    <>
      <ErrorMessage error={props.error} />
      {props.message && (
        <p role="status" className="success">
          {props.message}
        </p>
      )}
      {props.loading && !props.error && <Loading />}
    </>
  );
}
