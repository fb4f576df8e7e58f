/** Access requests over the REST API (shared/api/access.ts). */
import { accessApi as contract } from '../../../../shared/api/access.js';
import { call } from '../../api.js';

export type { AccessRequest, DesignAccessInfo } from '../../../../shared/api/access.js';

export const accessApi = {
  /** 404 (ApiError) for a design of another brokerage or none at all. */
  info: (designId: string) => call(contract.info, { params: { id: designId } }),
  ask: (designId: string, access: 'view' | 'edit', message: string | null) =>
    call(contract.ask, { params: { id: designId }, body: { access, message } }),
  pending: (designId: string) => call(contract.pending, { params: { id: designId } }),
  grant: (requestId: string, access: 'view' | 'edit') => call(contract.grant, { params: { id: requestId }, body: { access } }),
};
