import { z } from 'zod';

export const ROLES = ['agent', 'brand_manager', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

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
