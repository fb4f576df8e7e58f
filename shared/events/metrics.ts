/** The admin metrics report (GET /api/admin/metrics): shared by the server that builds it and the dashboard that draws it. */
import { z } from 'zod';

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

const counts = z.record(z.string(), z.number());
/** One number per headline material (MATERIAL_GROUPS' keys). */
const materials = {
  listingsGenerated: z.number(),
  openHouseMaterials: z.number(),
  emailSignatures: z.number(),
  businessCards: z.number(),
  socialPosts: z.number(),
  postcards: z.number(),
} satisfies Record<MaterialKey, z.ZodNumber>;

export const SeriesPointSchema = z.object({
  date: z.string(),
  created: z.number(),
  exports: z.number(),
  downloads: z.number(),
  approvals: z.number(),
  violations: z.number(),
  avgBrand: z.number().nullable(),
  avgCompliance: z.number().nullable(),
});
export type SeriesPoint = z.infer<typeof SeriesPointSchema>;

export const MetricsReportSchema = z.object({
  ...materials,
  from: z.string(),
  to: z.string(),
  generatedAt: z.string(),
  designsCreated: z.number(),
  createdByKind: counts,
  exports: z.number(),
  exportsByFormat: counts,
  downloads: z.number(),
  submissions: z.number(),
  approvals: z.number(),
  changesRequested: z.number(),
  averageApprovalTurnaroundMs: z.number().nullable(),
  complianceViolations: z.number(),
  averageBrandScore: z.number().nullable(),
  averageComplianceScore: z.number().nullable(),
  agentsOnboarded: z.number(),
  listingsSynced: z.number(),
  perAgent: z.array(
    z.object({
      agentId: z.string(),
      name: z.string(),
      role: z.string().nullable(),
      designs: z.number(),
      exports: z.number(),
      approvals: z.number(),
    }),
  ),
  series: z.array(SeriesPointSchema),
  materialsByKind: z.array(z.object({ date: z.string(), ...materials, other: z.number() })),
  approvalTurnaround: z.array(z.object({ date: z.string(), approvals: z.number(), averageMs: z.number().nullable() })),
  violationsByRule: z.array(z.object({ ruleId: z.string(), count: z.number() })),
});
export type MetricsReport = z.infer<typeof MetricsReportSchema>;
