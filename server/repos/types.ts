import type { Role } from '../../shared/api/people.js';

export { ROLES, RoleSchema, type Role } from '../../shared/api/people.js';

export interface User {
  id: string;
  brokerageId: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
}

export interface Brokerage {
  id: string;
  name: string;
}

export { DESIGN_STATUSES, type DesignStatus } from '../../shared/index.js';
import type { DesignStatus } from '../../shared/index.js';

export interface DesignRecord {
  id: string;
  brokerageId: string;
  ownerId: string;
  ownerName: string;
  title: string;
  kind: string;
  templateId: string | null;
  templateVersion: number | null;
  status: DesignStatus;
  createdAt: string;
  updatedAt: string;
}
