import { DesignSchema, instantiateTemplate, type BrandKit, type Design, type RuleContext } from '../../shared/index.js';
import { getTemplate } from '../../templates/index.js';
import type { Db } from '../db/index.js';
import { BrokerageRepository } from '../repos/index.js';
import { brokerageFonts } from '../render/fonts.js';
import type { FontBook } from '../../shared/render/fonts.js';

interface DesignRow {
  brokerageId: string;
  /** The design owner's name and license numbers (the agent the rules check for). */
  agent: { name: string; licenseNumbers?: Record<string, string> };
}

interface Cached {
  at: number;
  row: DesignRow;
  /** Built from the row and the kit it was last built with. */
  base?: { kit: BrandKit; value: Omit<RuleContext, 'template'> };
}

// Brand kits change rarely; a short cache keeps scoring off the database on every keystroke.
const TTL_MS = 5_000;

/**
 * Builds the rule context for a design: the brokerage's kit and packs, its owner's licenses, its template.
 *
 * What it reads is at most TTL_MS old, and read in few statements however many designs are live:
 * a brokerage's kit is read once for all its designs, and a design whose row must be read again
 * brings along every other one past half its age (one statement for them all instead of one per
 * design every TTL_MS; live designs are scored every few hundred ms while people edit).
 */
export class ScoringContextProvider {
  private readonly cache = new Map<string, Cached>();
  private readonly kits = new Map<string, { at: number; kit: Promise<BrandKit | null> }>();
  /** Rows being read, by design (a design asked for again meanwhile waits for the same read). */
  private readonly reading = new Map<string, Promise<void>>();
  private readonly brokerages: BrokerageRepository;

  constructor(private readonly db: Db) {
    this.brokerages = new BrokerageRepository(db);
  }

  /** The brokerage of a design whose context was built (for the AI pass's budget and cache). */
  brokerageOf(designId: string): string | undefined {
    return this.cache.get(designId)?.row.brokerageId;
  }

  async forDesign(designId: string, templateId?: string, templateVersion?: number): Promise<RuleContext | null> {
    let cached = this.cache.get(designId);
    if (!cached || Date.now() - cached.at >= TTL_MS) {
      await this.readRows(designId);
      cached = this.cache.get(designId);
      if (!cached) return null;
    }
    const kit = await this.kit(cached.row.brokerageId);
    if (!kit) return null;
    if (cached.base?.kit !== kit) {
      cached.base = { kit, value: { brandKit: kit, rulePacks: kit.rulePacks, agents: [cached.row.agent] } };
    }
    const base = { ...cached.base.value, fonts: await this.fonts(cached.row.brokerageId) };
    if (templateId && !getTemplate(templateId)) {
      // A template the brokerage authored: compare against the version the design came from.
      return { ...base, template: await this.authoredTemplate(designId, templateId, templateVersion) };
    }
    return { ...base, template: templateId ? this.resolvedTemplate(templateId, base.brandKit) : undefined };
  }

  /**
   * Reads `designId`'s row: in one statement with every other design asked for in the same tick
   * and every cached row past half its age.
   */
  private readRows(designId: string): Promise<void> {
    const inFlight = this.reading.get(designId);
    if (inFlight) return inFlight;
    if (!this.batch) {
      const ids: string[] = [];
      const done = Promise.resolve().then(() => this.readBatch(ids));
      this.batch = { ids, done };
    }
    this.batch.ids.push(designId);
    this.reading.set(designId, this.batch.done);
    return this.batch.done;
  }
  /** Designs asked for in this tick, read together when it ends. */
  private batch: { ids: string[]; done: Promise<void> } | null = null;

  private async readBatch(ids: string[]): Promise<void> {
    const done = this.batch!.done;
    this.batch = null;
    const now = Date.now();
    const asked = new Set(ids);
    for (const [id, c] of this.cache) {
      if (!asked.has(id) && now - c.at >= TTL_MS / 2 && !this.reading.has(id)) {
        ids.push(id);
        this.reading.set(id, done);
      }
    }
    try {
      const { rows } = await this.db.query<{ id: string; brokerage_id: string; name: string; profile: unknown }>(
        `SELECT d.id, d.brokerage_id, u.name, u.profile FROM designs d JOIN users u ON u.id = d.owner_id WHERE d.id = ANY($1::text[])`,
        [ids],
      );
      const found = new Map(rows.map((r) => [r.id, r]));
      for (const id of ids) {
        const r = found.get(id);
        if (!r) {
          this.cache.delete(id);
          continue;
        }
        const profile = (typeof r.profile === 'string' ? JSON.parse(r.profile) : r.profile) as { licenseNumbers?: Record<string, string> };
        const agent = { name: r.name, licenseNumbers: isRecord(profile?.licenseNumbers) ? profile.licenseNumbers : undefined };
        const prev = this.cache.get(id);
        // The built context stays when nothing in it changed (its template instances are kept per kit).
        const same = prev && prev.row.brokerageId === r.brokerage_id && sameAgent(prev.row.agent, agent);
        this.cache.set(id, same ? { ...prev, at: now } : { at: now, row: { brokerageId: r.brokerage_id, agent } });
      }
    } finally {
      for (const id of ids) if (this.reading.get(id) === done) this.reading.delete(id);
    }
  }

  /** A brokerage's brand kit, read at most once per TTL_MS for all its designs. */
  private kit(brokerageId: string): Promise<BrandKit | null> {
    const now = Date.now();
    const cached = this.kits.get(brokerageId);
    if (cached && now - cached.at < TTL_MS) return cached.kit;
    const kit = this.brokerages.brandKit(brokerageId);
    this.kits.set(brokerageId, { at: now, kit });
    // A failed read is not kept: the next score asks again.
    kit.catch(() => this.kits.get(brokerageId)?.kit === kit && this.kits.delete(brokerageId));
    return kit;
  }

  private readonly fontBooks = new Map<string, { at: number; book: Promise<FontBook> }>();

  /** A brokerage's font book (its uploaded fonts over the built-in ones), read at most once per TTL_MS. */
  private fonts(brokerageId: string): Promise<FontBook> {
    const now = Date.now();
    const cached = this.fontBooks.get(brokerageId);
    if (cached && now - cached.at < TTL_MS) return cached.book;
    const book = brokerageFonts(this.db, brokerageId).then((f) => f.book);
    this.fontBooks.set(brokerageId, { at: now, book });
    book.catch(() => this.fontBooks.get(brokerageId)?.book === book && this.fontBooks.delete(brokerageId));
    return book;
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
  }
}

function sameAgent(a: DesignRow['agent'], b: DesignRow['agent']): boolean {
  return a.name === b.name && JSON.stringify(a.licenseNumbers) === JSON.stringify(b.licenseNumbers);
}

function isRecord(v: unknown): v is Record<string, string> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');
}
