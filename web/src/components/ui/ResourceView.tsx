import type { ReactNode } from 'react';
import type { Resource } from '../../lib/use-resource';
import { ErrorNotice, Loading } from './Status';

/** What a loaded panel shows: a spinner, the error with a retry button, or `children` of the value. */
export function ResourceView<T>({
  resource,
  onRetry,
  loadingLabel,
  errorTitle,
  children,
}: {
  resource: Resource<T>;
  onRetry: () => void;
  loadingLabel?: string;
  errorTitle?: string;
  children: (value: T) => ReactNode;
}) {
  if (resource.status === 'loading') return <Loading label={loadingLabel} />;
  if (resource.status === 'error') {
    return (
      <>
        <ErrorNotice title={errorTitle} message={resource.message} />
        <button type="button" className="button button--secondary button--small" onClick={onRetry}>
          Try again
        </button>
      </>
    );
  }
  return <>{children(resource.value)}</>;
}
