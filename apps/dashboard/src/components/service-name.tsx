import type { AdminApi } from '../api/admin-api';
import { useAsync } from '../lib/use-async';

/**
 * The name of the service this dashboard belongs to (`GET /api/service`: a generated app's name,
 * or "magekit integration service"), with its version on hover; nothing while loading or when the
 * service cannot say.
 */
export function ServiceName({ api }: { api: AdminApi }) {
  const service = useAsync(() => api.getService(), [api]);
  if (service.status !== 'ready') return null;
  return (
    <span className="service-name" title={`${service.data.name} ${service.data.version}`}>
      <span className="visually-hidden">Service: </span>
      {service.data.name}
    </span>
  );
}
