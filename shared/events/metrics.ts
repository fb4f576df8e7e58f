/** The admin metrics report (GET /api/admin/metrics): shared by the server that builds it and the dashboard that draws it. */

/** Design kinds counted as each headline material. */
export const MATERIAL_GROUPS = {
  listingsGenerated: ['flyer', 'price-reduced', 'feature-sheet'],
  openHouseMaterials: ['open-house'],
  emailSignatures: ['email-signature'],
  businessCards: ['business-card'],
  socialPosts: ['social-post', 'story'],
  postcards: ['postcard'],
} as const;
export type MaterialKey = keyof typeof MATERIAL_GROUPS;

export interface SeriesPoint {
  date: string;
  created: number;
  exports: number;
  downloads: number;
  approvals: number;
  violations: number;
  avgBrand: number | null;
  avgCompliance: number | null;
}

export interface MetricsReport extends Record<MaterialKey, number> {
  from: string;
  to: string;
  generatedAt: string;
  designsCreated: number;
  createdByKind: Record<string, number>;
  exports: number;
  exportsByFormat: Record<string, number>;
  downloads: number;
  submissions: number;
  approvals: number;
  changesRequested: number;
  averageApprovalTurnaroundMs: number | null;
  complianceViolations: number;
  averageBrandScore: number | null;
  averageComplianceScore: number | null;
  agentsOnboarded: number;
  listingsSynced: number;
  perAgent: Array<{ agentId: string; name: string; role: string | null; designs: number; exports: number; approvals: number }>;
  series: SeriesPoint[];
  materialsByKind: Array<{ date: string } & Record<MaterialKey | 'other', number>>;
  approvalTurnaround: Array<{ date: string; approvals: number; averageMs: number | null }>;
  violationsByRule: Array<{ ruleId: string; count: number }>;
}
