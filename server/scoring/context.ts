import { DesignSchema, instantiateTemplate, type BrandKit, type Design, type RuleContext } from '../../shared/index.js';
import { getTemplate } from '../../templates/index.js';
import type { Db } from '../db/index.js';
import { BrokerageRepository } from '../repos/index.js';

interface Cached {
  at: number;
  value: Omit<RuleContext, 'template'>;
}

// Brand kits change rarely; a short cache keeps scoring off the database on every keystroke.
const TTL_MS = 5_000;

/** Builds the rule context for a design: the brokerage's kit and packs, its owner's licenses, its template. */
export class ScoringContextProvider {
  private readonly cache = new Map<string, Cached>();
  private readonly brokerage = new Map<string, string>();
  private readonly brokerages: BrokerageRepository;

  constructor(private readonly db: Db) {
    this.brokerages = new BrokerageRepository(db);
  }

  /** The brokerage of a design whose context was built (for the AI pass's budget and cache). */
  brokerageOf(designId: string): string | undefined {
    return this.brokerage.get(designId);
  }

  async forDesign(designId: string, templateId?: string, templateVersion?: number): Promise<RuleContext | null> {
    const cached = this.cache.get(designId);
    let base = cached && Date.now() - cached.at < TTL_MS ? cached.value : null;
    if (!base) {
      const { rows } = await this.db.query<{ brokerage_id: string; name: string; profile: unknown }>(
        `SELECT d.brokerage_id, u.name, u.profile FROM designs d JOIN users u ON u.id = d.owner_id WHERE d.id = $1`,
        [designId],
      );
      const row = rows[0];
      if (!row) return null;
      this.brokerage.set(designId, row.brokerage_id);
      const kit = await this.brokerages.brandKit(row.brokerage_id);
      if (!kit) return null;
      const profile = (typeof row.profile === 'string' ? JSON.parse(row.profile) : row.profile) as {
        licenseNumbers?: Record<string, string>;
      };
      base = {
        brandKit: kit,
        rulePacks: kit.rulePacks,
        agents: [{ name: row.name, licenseNumbers: isRecord(profile?.licenseNumbers) ? profile.licenseNumbers : undefined }],
      };
      this.cache.set(designId, { at: Date.now(), value: base });
    }
    if (templateId && !getTemplate(templateId)) {
      // A template the brokerage authored: compare against the version the design came from.
      return { ...base, template: await this.authoredTemplate(designId, templateId, templateVersion) };
    }
    return { ...base, template: templateId ? this.resolvedTemplate(templateId, base.brandKit) : undefined };
  }

  private readonly authored = new Map<string, Design | undefined>();

  private async authoredTemplate(designId: string, templateId: string, version?: number): Promise<Design | undefined> {
    const key = `${templateId}@${version ?? 'latest'}`;
    if (this.authored.has(key)) return this.authored.get(key);
    const { rows } = await this.db.query<{ design: unknown }>(
      `SELECT t.design FROM brokerage_templates t JOIN designs d ON d.brokerage_id = t.brokerage_id
       WHERE d.id = $1 AND t.id = $2 AND ($3::int IS NULL OR t.version = $3) ORDER BY t.version DESC LIMIT 1`,
      [designId, templateId, version ?? null],
    );
    const raw = rows[0]?.design;
    const parsed = raw === undefined ? undefined : DesignSchema.safeParse(typeof raw === 'string' ? JSON.parse(raw) : raw);
    const design = parsed?.success ? parsed.data : undefined;
    if (this.authored.size > 500) this.authored.clear();
    this.authored.set(key, design);
    return design;
  }

  // Instantiating a template is far costlier than scoring: keep one per (template, kit).
  private readonly templates = new WeakMap<BrandKit, Map<string, Design | undefined>>();

  private resolvedTemplate(templateId: string, kit: BrandKit): Design | undefined {
    let byId = this.templates.get(kit);
    if (!byId) this.templates.set(kit, (byId = new Map()));
    if (!byId.has(templateId)) {
      const template = getTemplate(templateId);
      byId.set(templateId, template ? instantiateTemplate(template, kit) : undefined);
    }
    return byId.get(templateId);
  }

  forget(designId: string): void {
    this.cache.delete(designId);
    this.brokerage.delete(designId);
  }
}

function isRecord(v: unknown): v is Record<string, string> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');
}
