/** Access requests over the REST API (server/routes/access-requests.ts). */
import { json, request } from '../../api.js';

export interface DesignAccessInfo {
  access: 'edit' | 'view' | 'none';
  ownerName: string;
  pending: { id: string; access: 'view' | 'edit' } | null;
}

export interface AccessRequest {
  id: string;
  designId: string;
  requesterName: string;
  requesterEmail: string;
  access: 'view' | 'edit';
  message: string | null;
}

const design = (id: string) => `/api/designs/${encodeURIComponent(id)}`;

export const accessApi = {
  /** 404 (ApiError) for a design of another brokerage or none at all. */
  info: (designId: string) => request<DesignAccessInfo>(`${design(designId)}/access`),
  ask: (designId: string, access: 'view' | 'edit', message: string | null) =>
    request<{ request: { id: string; access: 'view' | 'edit' } }>(`${design(designId)}/access-requests`, json('POST', { access, message })),
  pending: (designId: string) => request<{ requests: AccessRequest[] }>(`${design(designId)}/access-requests`),
  grant: (requestId: string, access: 'view' | 'edit') =>
    request<unknown>(`/api/access-requests/${encodeURIComponent(requestId)}/grant`, json('POST', { access })),
};
