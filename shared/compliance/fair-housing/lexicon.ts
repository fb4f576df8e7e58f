import type { RulePack } from '../../brand/index.js';
import type { ProtectedClass } from './classes.js';

/**
 * Fair Housing advertising lexicon.
 *
 * Sources: 42 U.S.C. §3604(c); HUD memorandum "Guidance Regarding Advertisements
 * Under §804(c) of the Fair Housing Act" (Roberta Achtenberg, January 9, 1995);
 * the former HUD advertising guidelines at 24 CFR part 109 (rescinded 1996,
 * still the source of the "catch words" most brokerage word lists use); and
 * current brokerage/REALTOR® association practice.
 *
 * Decisions (documented because reasonable people differ):
 * - error: an explicit preference, limitation or exclusion based on a
 *   protected class ("no kids", "adults only", "Christian home", "no
 *   wheelchairs", "English speakers only", "perfect for a couple"). The memo:
 *   ads "may not ... state a preference for adults, couples or singles",
 *   "no wheelchairs", "Christian home", "white family home", "no Irish".
 * - warning: catch words and context-dependent phrases that HUD does not call
 *   violations on their face but that are routinely cited as evidence of
 *   preference: "exclusive neighborhood", "private community", "restricted",
 *   "integrated", "traditional family", "bachelor pad", "empty nesters",
 *   "great for families"/"family-friendly" (a preference *for* families is
 *   not an exclusion of a protected class, but it signals a preferred
 *   household; most brokerages ask agents to describe the home instead),
 *   "55+"/"active adult" (lawful only for housing that qualifies under
 *   HOPA, 42 U.S.C. §3607(b) — verify), "perfect for retirees".
 * - never flagged (the memo says so explicitly or it describes the property,
 *   not people): "family room", "master bedroom/suite" (memo: not a
 *   violation), "mother-in-law suite", "bachelor apartment" (memo: commonly
 *   used physical descriptions), "single-family home", "walking distance",
 *   "walk-in closet", "walk to the bus stop", "fourth-floor walk-up",
 *   "wheelchair ramp/accessible" (describing accessibility features is
 *   lawful), "non-smoking", "sober", "no pets", "quiet streets", "near St.
 *   Mary's church" (landmarks), "kosher kitchen", "chapel", "Merry
 *   Christmas", "exclusive listing" (a brokerage term, not the
 *   neighbourhood), "deed-restricted community" (HOA covenants), "55+" is a
 *   warning, never an error.
 * - "no Section 8"/"no vouchers" is an error only where source of income is
 *   protected (CA pack); federally, and in TX and FL, it is not flagged.
 * - citizenship: not a federal class, but HUD treats citizenship screens as a
 *   possible proxy for national origin, so "citizens only" is a federal
 *   warning and a CA error (immigration status, Civ. Code §1940.3, §51).
 */

export type TermSeverity = 'error' | 'warning';

export interface FairHousingTerm {
  id: string;
  cls: ProtectedClass;
  severity: TermSeverity;
  patterns: readonly string[];
  /** Neutral wording that replaces the matched phrase. */
  suggestion: string;
  /** Extra guidance for the finding message. */
  advice?: string;
  /** Packs under which the term applies; default: the class's packs. */
  packs?: readonly RulePack[];
}

/** Word lists used by patterns (see phrase-matcher.ts for the syntax). */
export const MACROS = {
  kids: 'kid|kiddo|child|children|minor|teen|teenager|toddler|infant|baby|babies|youngster',
  ideal: 'perfect|ideal|ideally|great|suited|suitable|best|excellent|made|designed|geared|intended|tailored|meant',
  people:
    'people|person|tenant|renter|buyer|resident|occupant|applicant|family|families|household|folk|individual|couple|roommate|housemate|neighbor|neighbour|lessee|guest|owner|homeowner|homebuyer|clientele|crowd|purchaser|lodger|boarder',
  area: 'neighborhood|neighbourhood|community|area|enclave|district|population|block|subdivision|street|suburb|building|complex',
  pref: 'only|preferred|prefered|wanted|desired|requested|favored|favoured|exclusively',
  allowed: 'allowed|permitted|accepted|welcome|welcomed|considered|tolerated|okay|ok',
  race: 'white|black|caucasian|asian|negro|aryan|nonwhite|minority|colored',
  racepl: 'whites|blacks|caucasians|asians|negroes|minorities|coloreds|nonwhites',
  nat: 'mexican|irish|italian|chinese|japanese|korean|vietnamese|indian|pakistani|arab|polish|russian|african|haitian|cuban|filipino|german|hispanic|latino|latina|latinx|somali|nigerian|ukrainian|iranian|syrian|guatemalan|salvadoran|dominican|jamaican|hmong|afghan|iraqi',
  goods:
    'drywall|tile|tiles|door|doors|marble|maple|elm|style|styled|cabinet|cabinetry|food|cuisine|restaurant|market|garden|colonial|revival|architecture|design|influence|inspired|oak|bakery|grocery|deli|takeout|quarter|village|culture|cultural|festival|heritage|art|rug|stone|limestone|granite|porcelain|range|appliance|made|built|elm|plum|cherry|lantern|motif|town|land|cave|caves|zone',
  rel: 'christian|catholic|protestant|jewish|muslim|moslem|islamic|hindu|buddhist|sikh|mormon|lds|evangelical|baptist|methodist|lutheran|presbyterian|pentecostal|atheist|agnostic|churchgoing|churchgoer|godfearing|believing',
  relpl:
    'christians|catholics|protestants|jews|muslims|moslems|hindus|buddhists|sikhs|mormons|evangelicals|baptists|atheists|agnostics|churchgoers|believers|nonbelievers',
  landmark:
    'church|school|college|university|hospital|charity|center|centre|cathedral|chapel|temple|synagogue|mosque|academy|brothers|cemetery|camp|bookstore|radio|ministry|heritage|association|services',
  sex: 'female|male|woman|man|lady|gentleman|girl|guy|gal|boy|bachelor|bachelorette',
  sexpl: 'females|males|women|men|ladies|gentlemen|girls|guys|gals|boys',
  dis: 'disabled|handicapped|handicap|handicaps|cripple|crippled|wheelchair|wheelchairs|disability|disabilities|amputee|paraplegic|quadriplegic|retarded',
  animal: 'animal|dog|cat|pet',
  anc: 'european|anglo|saxon|nordic|scandinavian|germanic|aryan|white|african|asian|hispanic|latino|mexican|irish|italian|jewish|arab|slavic|native|indigenous|american|english|british|christian|chinese|japanese|korean|indian|caucasian|german|french|dutch|polish|russian|middle|mediterranean',
  military: 'military|veteran|vet|soldier|servicemember|sailor|marine|airman|airmen|gi|enlisted|reservist',
} as const;

const E = 'error' as const;
const W = 'warning' as const;

const EXPLICIT_TERMS: readonly FairHousingTerm[] = [
  // ── Familial status (federal) ───────────────────────────────────────────
  {
    id: 'fs-no-kids',
    cls: 'familial-status',
    severity: E,
    patterns: [
      'no [small|young|little|more|school|age|aged|teenage] $kids [$allowed|please]',
      'no $kids (under|below|younger than) #',
      // A 55+ community that qualifies under HOPA says so (a warning below); a bare age floor excludes children.
      '(no one|nobody|no residents|no occupants|no tenants|no persons|no people) (under|younger than|below) #',
      '(not|never) $allowed [any] $kids',
      '$kids [are|is] (not|never|strictly not) $allowed',
      '$kids [are|is] (unwelcome|prohibited|forbidden|banned)',
      '(no|without) [any|small|young|little] $kids [in|at] [the] [household|home|unit]',
      '(not|never) (suitable|suited|appropriate|safe|designed|meant|intended) for $kids',
      '(kid|child|children|teen) (free|less)',
      'childfree|kidfree|childless|kidless [couple|couples|household|tenant|tenants|buyer|buyers|building|community]',
      '$kids need not apply',
      '(do not|dont|does not|doesnt|wont|will not|cannot|cant) (rent|sell|lease) to (families|anyone) with $kids',
      'no (families|family|households|parents|tenants|buyers) with $kids',
      'no pregnant [women|tenants|applicants|woman]',
    ],
    suggestion: 'welcoming to all',
  },
  {
    id: 'fs-adults-only',
    cls: 'familial-status',
    severity: E,
    patterns: [
      'adult|adults|grownups|grownup only|exclusively',
      'grown (up|ups) only|exclusively',
      'for (adults|grownups|grown ups) only',
      'only adult|adults',
      'adults preferred|wanted|required',
      'adult|adults (living|occupancy) only',
      '(adult|adults) (building|complex|community|household|tenants) only',
      'adult (building|buildings|complex|household|apartment|apartments|unit|units|property|properties|occupancy)',
      'adults [18|21] [and|or] [over|older] only',
    ],
    suggestion: 'all are welcome',
  },
  {
    id: 'fs-ideal-for-couple',
    cls: 'familial-status',
    severity: E,
    patterns: [
      '$ideal (for|to) [a|an|the|one|two|any] [young|mature|retired|professional|working|older|quiet|happy] (couple|couples|single|singles) !of|family|level|story|storey|car|garage|floor|lot|home|house|bed|vanity|sink|owner|stall|wide|pane|hung|door|use|dwelling|residence|detached|wall|loaded',
      '$ideal (for|to) [a|an|the] single|one (person|adult|professional|individual|occupant)',
      '# (adult|adults) (max|maximum|only|limit)',
      'no (little|small|young) ones',
      '$ideal for [a|an] (working|professional|mature) (adult|adults|person|professional)',
      '(couples|couple|singles) only|preferred|wanted',
      'single|mature|working|professional [adult|adults] only',
      'mature (couple|couples|adult|adults|person|individual|tenant|tenants|buyer|buyers|resident|residents|occupant|renter|applicant)',
      'no (couples|singles)',
      'no (single|divorced|widowed|unwed) (moms|mothers|mom|dads|fathers|dad|parents|parent)',
      'no (families|family) !room|size|sized',
      '(one|1|two|2|three|3) (child|kid|children|kids) (max|maximum|limit|only)',
      '(maximum|max|limit|no more than|not more than|at most) [of] (one|two|three|1|2|3) (child|kid|children|kids|minor|minors)',
      '(no more than|not more than|maximum|max|limit|limited to) [of] # (child|children|kid|kids|minor|minors)',
    ],
    suggestion: 'well suited to many lifestyles',
  },
  {
    id: 'fs-families-preferred',
    cls: 'familial-status',
    severity: W,
    patterns: [
      '$ideal for [a|the|your] [growing|young|large|big] (family|families) !room|rooms|gathering|gatherings|dinner|dinners|meal|meals|time|fun|activity|activities|event|events|game|games|movie|entertaining|living',
      // Welcoming families excludes no one; only a neighbourhood sold on who lives there is a signal.
      'family friendly (neighborhood|community|area)',
      'family (neighborhood|neighbourhood|community|street|block|area|building|complex)',
      'families (preferred|wanted|only)',
      'empty (nester|nesters)',
      'traditional (family|families|couple|couples|household|households|values|neighborhood)',
    ],
    suggestion: 'spacious and versatile',
  },
  {
    id: 'fs-older-persons',
    cls: 'familial-status',
    severity: W,
    patterns: [
      '# [+] (and|or) (over|older|up|above) (community|communities|living|only|building|complex|residents|neighborhood)',
      '# + (community|communities|living|only|building|complex|neighborhood|adult|lifestyle)',
      'active adult (community|communities|living|lifestyle|neighborhood)',
      'senior (community|communities|living|housing|only|building|complex) !center|centre',
      'adult (community|communities|neighborhood)',
      '(residents|occupants|tenants|buyers) (must|should) be (over|at least|older than) #',
      '(seniors|senior citizens|retirees) only',
    ],
    suggestion: 'community',
    advice:
      'Age-restricted wording is lawful only for housing that qualifies as housing for older persons (HOPA); confirm the exemption or describe the property instead.',
  },
  // ── Race (federal) ──────────────────────────────────────────────────────
  {
    id: 'race-explicit',
    cls: 'race',
    severity: E,
    patterns: [
      'no $racepl',
      '$racepl only|preferred|wanted|exclusively',
      '$race only|preferred !paint|trim|finish|finishes|cabinet|cabinets|kitchen|appliances|appliance|walls|interior',
      '(african american|afro american|african americans|people of color|persons of color) (only|preferred|wanted|$area)',
      'no (african american|afro american|african americans)',
      '$race (family|families|tenant|tenants|buyer|buyers|renter|renters|neighbor|neighbors|neighbour|neighbours|resident|residents|household|households|people|clientele|homeowners|owners|applicants|couple|couples) !room|rooms|owned|sized|style',
      '$race (neighborhood|neighbourhood|community|communities|enclave|district|population|area) !center|centre|college|school|church',
      '(all|mostly|predominantly|largely|primarily|overwhelmingly|exclusively) $race $area',
      '(prefer|prefers|preferred|preferring|seeking|looking for) [a|an] $race|$racepl',
      '(minority|minorities) (neighborhood|area|community|tenants|buyers|families|need not apply)',
      '$racepl need not apply',
      'racially (mixed|diverse|integrated|restricted|homogeneous|pure)',
    ],
    suggestion: 'welcoming neighborhood',
  },
  {
    id: 'race-catch-words',
    cls: 'race',
    severity: W,
    patterns: [
      'exclusive (neighborhood|neighbourhood|community|area|enclave|subdivision|street|enclave|clientele|development|address|location)',
      'private (community|neighborhood|neighbourhood|enclave|club community)',
      'private gated (community|neighborhood|enclave)',
      'restricted (community|neighborhood|neighbourhood|area|subdivision|development|enclave)',
      'integrated (neighborhood|neighbourhood|community|area|building)',
      'selective (neighborhood|community|clientele|tenants|buyers)',
      '(the) right (kind|sort|type) of (people|neighbors|tenants|buyers|families)',
    ],
    suggestion: 'established neighborhood',
    advice: 'HUD lists this among "catch words" that can signal exclusion; describe the property and amenities instead.',
  },
  {
    // Blockbusting and steering by who lives there (42 U.S.C. §3604(e)): change in the neighbourhood, or its absence, sold as a reason to buy or sell.
    id: 'race-neighborhood-change',
    cls: 'race',
    severity: W,
    patterns: [
      '(before|until) the (neighborhood|neighbourhood|area|block|street) (changes|change|turns|goes)',
      '(neighborhood|neighbourhood|area|block|street) is (changing|turning|going downhill)',
      '(changing|transitional) (neighborhood|neighbourhood|area|block|demographics)',
      '(demographics|makeup) (is|are) changing',
      'not changing like',
      'once (more of them|they) (move|start moving) in',
      '(more|rest) of them (move|moving|moved) in',
      '(across|other side of|wrong side of) the tracks',
      'diversity (problems|problem|issues|issue|concerns)',
      '(too|less|more) diverse',
      '(stayed|remained|stays|remains|kept) (traditional|the same|the way it)',
      'the way it (has always been|always was|used to be)',
      'keep (the|our|this) (neighborhood|neighbourhood|block|street|area|community) (the way|as it|like it)',
      '(property|home) values (will|wont|won t|are going to) (drop|fall|plummet|not hold|hold)',
      'values on your (block|street) (will|wont|won t)',
    ],
    suggestion: 'established neighborhood',
    advice:
      'Selling a home on who is moving into the area (or on keeping it as it is) is blockbusting or steering; describe the property and amenities instead.',
  },
  // ── Color (federal) ─────────────────────────────────────────────────────
  {
    id: 'color-explicit',
    cls: 'color',
    severity: E,
    patterns: [
      '(light|fair|dark|darker|lighter|pale|brown) (skinned|skin|complexioned|complexion) [$people|only|preferred]',
      'no [people|persons|one|tenants|buyers] of color',
      'skin (color|colour|tone) [matters|required|preferred]',
      'colored (people|tenants|buyers|families|only|need not apply)',
    ],
    suggestion: 'all are welcome',
  },
  // ── Religion (federal) ──────────────────────────────────────────────────
  {
    id: 'religion-explicit',
    cls: 'religion',
    severity: E,
    patterns: [
      '$rel (home|household|family|families|community|neighborhood|neighbourhood|environment|tenant|tenants|buyer|buyers|renter|renters|neighbor|neighbors|neighbour|neighbours|residents|resident|owner|owners|applicant|applicants|couple|couples|people|clientele|living|values|atmosphere|only|preferred|wanted) !$landmark',
      'no $relpl',
      '$relpl (only|preferred|wanted|welcome|need not apply)',
      '(must|should) (attend|belong to|be a member of|join) [a|the|our] (church|synagogue|mosque|temple|congregation|parish)',
      '(church|synagogue|mosque|temple|congregation|parish) (members|membership) (only|preferred|required)',
      '(prefer|prefers|preferred|seeking|looking for) [a|an] $rel !$landmark',
      '(god fearing|godfearing|bible believing|born again|churchgoing|church going) (family|families|tenant|tenants|buyer|buyers|couple|couples|people|household|renter|renters|residents|person|only)',
      '(non christians|nonchristians|non believers|nonbelievers|unbelievers|heathens) (need not apply|not welcome|not allowed)',
      'no (non christians|nonchristians|non believers|unbelievers)',
    ],
    suggestion: 'welcoming home',
  },
  // ── Sex (federal) ───────────────────────────────────────────────────────
  {
    id: 'sex-explicit',
    cls: 'sex',
    severity: E,
    patterns: [
      '$sex|$sexpl only|preferred|exclusively !restroom|restrooms|bathroom|bathrooms',
      'only (women|men|females|males|ladies|gentlemen)',
      'no $sexpl !land|zone|shortage',
      '$sex (tenant|tenants|roommate|roommates|renter|renters|buyer|buyers|occupant|occupants|resident|residents|housemate|housemates|applicant|applicants|lodger|boarder)',
      '(prefer|prefers|preferred|seeking|looking for|want|wants) [a|an] [single] (female|male|woman|man|lady|gentleman|girl|guy) !cave|caves',
      '$ideal for [a|an|the] [single|working|professional|young] (woman|man|lady|gentleman|girl|guy|bachelor|bachelorette|bachelors|career woman|career man) !cave|caves',
      '(women|men|ladies|gentlemen|females|males) need not apply',
    ],
    suggestion: 'welcoming to all',
  },
  {
    id: 'sex-catch-words',
    cls: 'sex',
    severity: W,
    patterns: ['(bachelor|bachelorette) (pad|pads)'],
    suggestion: 'low-maintenance home',
  },
  // ── Disability (federal) ────────────────────────────────────────────────
  {
    id: 'disability-explicit',
    cls: 'disability',
    severity: E,
    patterns: [
      'no [physically|mentally] $dis [users|bound|people|persons|tenants|renters|buyers|please] !access|accessible|accessibility|ramp|ramps|lift|lifts|parking|space|spaces|stall|stalls|bathroom|shower|rail|rails|bar|bars|spot|spots|sticker|placard|permit',
      'no (blind|deaf) (people|persons|tenants|renters|applicants|buyers)',
      'no (mentally|emotionally|physically) (ill|disabled|handicapped|challenged|impaired|unstable)',
      'no (mental|psychiatric) (illness|illnesses|patients|disorders|cases|conditions)',
      'no [emotional] (service|support|assistance|companion|therapy|seeing eye|guide) $animal',
      '(service|support|assistance|companion|therapy) $animal [are|is] (not|never) $allowed',
      '(not|never) (suitable|suited|appropriate|designed|equipped) for [the] [people|persons|tenants|those] [with] ($dis|wheelchair users|wheelchairs)',
      '(must|should) be (able to|capable of|physically able to) (climb|walk|use|navigate|handle|manage) [the|stairs|steps]',
      '(must|should) be (able bodied|ablebodied|ambulatory|physically fit|mobile|in good health|healthy|of sound mind|mentally sound|mentally stable)',
      '(able bodied|ablebodied|physically fit|healthy|sane) (tenant|tenants|renter|renters|buyer|buyers|people|persons|residents|applicants|only)',
      '(no|not for) (recovering addicts|recovering alcoholics|alcoholics|people in recovery|aids patients|hiv positive|hiv)',
      '$dis (people|persons|tenants|renters|applicants) (need not apply|not welcome|not allowed|not permitted)',
      'no (walkers|canes|crutches|mobility scooters|oxygen tanks)',
      '(must|should|may|can) not (use|need|require|have|rely on) [a|an|any] (wheelchair|wheelchairs|walker|walkers|cane|canes|service animal|service animals|service dog|oxygen|mobility aid|mobility aids|mobility device)',
    ],
    suggestion: 'accessibility details available on request',
  },
  // ── National origin (federal) ───────────────────────────────────────────
  {
    id: 'national-origin-explicit',
    cls: 'national-origin',
    severity: E,
    patterns: [
      'no $nat !$goods',
      '$nat (only|preferred|wanted|exclusively) !$goods',
      '$nat (need not apply|not welcome|not allowed|not permitted)',
      '(american|american born|us born|native born|natural born|americans) [$people] (only|preferred|citizens only)',
      '(must|should|need to) be (born|raised) in (the|this) (usa|us|u s|united states|america|country|state)',
      '(must|should|need to) be (born|raised) in (usa|america)',
      '(born|raised) in (the) (usa|us|u s|united states|america) (only|preferred)',
      '$nat (family|families|tenant|tenants|buyer|buyers|renter|renters|couple|couples|household|households|applicants|people|clientele) (only|preferred|wanted|welcome)',
      '(prefer|prefers|preferred|seeking|looking for) [a|an] $nat (family|families|tenant|tenants|buyer|buyers|renter|renters|couple|couples|household)',
      'no (immigrants|foreigners|foreign nationals|foreign born|refugees|migrants|newcomers to this country|non english speakers|non english speaking)',
      '(immigrants|foreigners|refugees|migrants) (need not apply|not welcome|not allowed|not permitted)',
      '(english|english speaking) (speakers|speaker|speaking) (only|preferred|required)',
      'english (only|required) !garden',
      '(must|should|need to|required to) (speak|read|understand|know) [fluent|perfect|good|proper] english',
      '(fluent|perfect|native) english [speakers|speaker] (required|only|preferred|a must)',
      '(non english|nonenglish) (speakers|speaking) (need not apply|not welcome|not allowed)',
      '(spanish|chinese|vietnamese|korean|arabic) (speakers|speaking) (only|preferred|need not apply|not welcome)',
    ],
    suggestion: 'all are welcome',
  },
  {
    id: 'national-origin-catch-words',
    cls: 'national-origin',
    severity: W,
    patterns: [
      'ethnic (neighborhood|neighbourhood|community|area|enclave|district)',
      '$nat (neighborhood|neighbourhood|community|enclave|district|population|area) !center|centre|church|school|college|market|restaurant|bakery',
    ],
    suggestion: 'vibrant neighborhood',
  },
  {
    id: 'national-origin-citizenship',
    cls: 'national-origin',
    severity: W,
    packs: ['federal'],
    patterns: [
      '(must|required to|need to) be [a|an] (us|u s|united states|american) (citizen|citizens)',
      '(us|u s|united states|american) (citizen|citizens) only',
      'citizenship (only|required|verified|checked)',
      'citizens only',
      'only [us|american] citizens',
      'only (u s|united states) citizens',
      '(proof of|show|provide) [your|valid|current] [legal|lawful] (immigration|citizenship|residency) [status]',
      '(proof of|show|provide) [a|your|valid|current] (citizenship|green card|legal status|lawful status|visa)',
      'green card (holders|holder|required)',
      'no (undocumented|illegals|illegal aliens|illegal immigrants|aliens|non citizens|noncitizens)',
    ],
    suggestion: 'all applicants screened by the same criteria',
  },
  // ── California additions ────────────────────────────────────────────────
  {
    id: 'ca-citizenship-immigration',
    cls: 'citizenship-immigration',
    severity: E,
    patterns: [
      '(must|required to|need to) be [a|an] (us|u s|united states|american) (citizen|citizens)',
      '(us|u s|united states|american) (citizen|citizens) only',
      'citizenship (only|required|verified|checked)',
      'citizens only',
      'only [us|american] citizens',
      'only (u s|united states) citizens',
      '(proof of|show|provide) [your|valid|current] [legal|lawful] (immigration|citizenship|residency) [status]',
      '(proof of|show|provide) [a|your|valid|current] (citizenship|green card|legal status|lawful status|visa)',
      'green card (holders|holder|required)',
      'no (undocumented|illegals|illegal aliens|illegal immigrants|aliens|non citizens|noncitizens)',
      '(undocumented|illegal) (immigrants|aliens|tenants|people) (need not apply|not welcome|not allowed)',
      '(immigration|legal|residency) status (required|verified|checked|must be shown)',
    ],
    suggestion: 'all applicants screened by the same criteria',
  },
  {
    id: 'ca-source-of-income',
    cls: 'source-of-income',
    severity: E,
    patterns: [
      'no (section|sec) 8',
      'no [housing|government|hud|rental] (voucher|vouchers|subsidies|subsidy)',
      'no (housing|government|public|rental|state|federal) (assistance|aid|benefits|programs)',
      'no (welfare|ssi|ssdi|public assistance|government assistance|housing assistance|disability income|unemployment income|food stamps|ebt|cash aid|calworks|subsidized tenants)',
      '(section|sec) 8 (not|never) (accepted|allowed|welcome|considered|permitted|taken)',
      '(section|sec) 8 (tenants|holders|applicants) (need not apply|not welcome)',
      '(voucher|vouchers|welfare|assistance) (holders|recipients|tenants) (need not apply|not accepted|not welcome|not considered)',
      '(voucher|vouchers|welfare|assistance) (not|never) (accepted|allowed|welcome|considered|permitted)',
      '(do not|dont|does not|doesnt|will not|wont|cannot|cant|not) (accept|accepting|take|taking|allow) [any] ((section|sec) 8|vouchers|voucher|housing vouchers|housing choice vouchers|housing assistance|government assistance|public assistance|welfare|subsidies|ssi)',
      '(employment|job|wage|wages|paycheck|w2) income only',
      '(must|should) (have|show) (employment|job|w2|wage) income',
    ],
    suggestion: 'all lawful, verifiable sources of income considered',
  },
  {
    id: 'ca-marital-status',
    cls: 'marital-status',
    severity: E,
    patterns: [
      'married (couple|couples|people|persons|tenants|renters|buyers|applicants|family|families) (only|preferred|wanted)',
      '(must|should) be married',
      'no (unmarried|unwed|cohabiting|divorced) [couples|people|persons|partners|tenants|applicants]',
      'no (live in|livein) (boyfriends|girlfriends|partners|boyfriend|girlfriend|partner)',
      '(husband and wife|husband wife|man and wife) (only|preferred|couples only)',
      '$ideal for [a|the] (newlyweds|newlywed|newly weds|married couple|married couples|honeymooners)',
      '(married|engaged) [couples] need not apply',
      '(singles|single people|unmarried people|divorcees) (need not apply|not welcome|not allowed)',
      'no (divorcees|divorcee|widows|widowers)',
    ],
    suggestion: 'welcoming to all households',
  },
  {
    id: 'ca-age',
    cls: 'age',
    severity: E,
    patterns: [
      'no (seniors|elderly|retirees|old people|older people|senior citizens|older adults|elders|old folks|pensioners)',
      '(young|younger|youthful) (professional|professionals|people|persons|tenants|renters|buyers|crowd|residents|adults|singles) !center',
      '(seniors|elderly|retirees|older people|senior citizens) (need not apply|not welcome|not allowed|not suitable)',
      '(must|should) be (under|younger than|below) #',
      '(under|below|younger than) # (only|preferred|applicants only)',
      '(no one|nobody|no residents|no tenants|no applicants) (over|older than|above) #',
      '(not|never) (suitable|suited|appropriate|designed) for (seniors|the elderly|elderly|older people|older adults|retirees)',
    ],
    suggestion: 'welcoming to all',
  },
  {
    id: 'age-retirees-preferred',
    cls: 'age',
    severity: W,
    packs: ['federal', 'CA'],
    patterns: [
      '$ideal for [active] (seniors|retirees|retired|the elderly|elderly|older couples|older adults|senior citizens|golden years|snowbirds)',
      '(seniors|retirees) (preferred|wanted)',
    ],
    suggestion: 'low-maintenance living',
  },
  {
    id: 'ca-sexual-orientation',
    cls: 'sexual-orientation',
    severity: E,
    patterns: [
      'no (gays|gay|lesbians|lesbian|homosexuals|homosexual|bisexuals|lgbt|lgbtq|lgbtqia|queers|queer|gay couples|lesbian couples|same sex couples|samesex couples)',
      '(straight|heterosexual) (couple|couples|tenants|tenant|people|persons|renters|buyers|families|only|preferred)',
      '(heterosexuals|straights) (only|preferred)',
      '(gay|gays|lesbian|lesbians|homosexual|homosexuals|lgbt|lgbtq|same sex) (couples|tenants|people|renters|buyers|applicants) (need not apply|not welcome|not allowed|not permitted)',
      '(gays|lesbians|homosexuals) (need not apply|not welcome|not allowed|not permitted)',
      '(gay|lesbian|lgbt|lgbtq) (couples|tenants|renters|buyers) (only|preferred)',
    ],
    suggestion: 'welcoming to all',
  },
  {
    id: 'ca-gender-identity',
    cls: 'gender-identity',
    severity: E,
    patterns: [
      'no (transgender|transgendered|transsexual|transsexuals|trans people|trans persons|trans women|trans men|trans tenants|trans folks|cross dressers|crossdressers|drag queens|drag kings|nonbinary|non binary|genderqueer|gender fluid)',
      '(transgender|transsexual|trans|nonbinary|non binary) (people|persons|tenants|renters|applicants|individuals) (need not apply|not welcome|not allowed|not permitted)',
      '(biological|biologically born|natural born|real) (women|men|females|males|woman|man) only',
      '(must|should) (dress|present|live|look) (like|as|according to|consistent with|in line with) [your|their|his|her] (birth|biological|assigned) (sex|gender)',
      '(gender conforming|cisgender|cis) (tenants|renters|people|applicants|only)',
      '(must|should) (dress|present) (appropriately for|according to) [your|their] (gender|sex)',
    ],
    suggestion: 'welcoming to all',
  },
  {
    id: 'ca-ancestry',
    cls: 'ancestry',
    severity: E,
    patterns: [
      '(of|with) [pure|good|true|northern|western|eastern|southern] $anc [saxon|american|eastern|european|asian|african] (descent|ancestry|heritage|lineage|extraction|bloodline|blood|stock|roots|origin|origins|background)',
      '(ancestry|lineage|bloodline|heritage|family tree) (required|matters|verified|checked|preferred|considered|must be shown)',
      '(must|should) (have|be of|come from|be from|be) [a|an] [pure|good|true|northern|western|eastern|southern] $anc [saxon|american|eastern|european|asian|african] (descent|ancestry|heritage|lineage|extraction|bloodline|blood|stock|roots|origin|origins|background)',
      '$anc [saxon|american|eastern|european|asian|african] (descent|ancestry|lineage|extraction|bloodline) (only|preferred|required|wanted)',
      '(pure|good|proper) (bloodline|bloodlines|stock|lineage|breeding)',
      '(descendants|descendant) of (european|anglo|pilgrims|settlers|founding families|slaves|immigrants) (only|preferred|wanted)',
      'no (one|tenants|buyers|applicants) of [a|an] (foreign|european|african|asian|hispanic|latino|mexican|arab|middle eastern|jewish|irish|italian) (descent|ancestry|heritage|extraction|background)',
    ],
    suggestion: 'all applicants welcome',
  },
  {
    id: 'ca-genetic-information',
    cls: 'genetic-information',
    severity: E,
    patterns: [
      '(genetic|dna|genome|genomic) (test|testing|screening|information|info|results|profile|history|report|reports) [is|are] (required|requested|mandatory|needed|considered|a must)',
      '(must|required to|please|need to|should) (provide|submit|share|disclose|include|undergo|take|pass|complete) [a|an|your|all|their] (genetic|dna|genome|genomic|family medical history|hereditary)',
      'no (hereditary|genetic|inherited) (conditions|condition|diseases|disease|disorders|disorder|illnesses|risks|predispositions)',
      '(free of|without|clear of) [any] (hereditary|genetic|inherited) (conditions|diseases|disorders|illnesses|risks)',
      '(family medical history|family health history|genetic history|genetic background) (required|requested|must be provided|considered|reviewed)',
      '(genetic|dna) (screening|screen|testing) (of|for) (applicants|tenants|buyers)',
    ],
    suggestion: 'all applicants screened by the same criteria',
  },
  {
    id: 'ca-military-status',
    cls: 'military-status',
    severity: E,
    patterns: [
      'no [active|enlisted] $military [personnel|members|families|tenants|renters|please] !discount|discounts|base|bases|housing|clause|time|installation|experience|history',
      'no (active duty|service members|service people|servicemen|servicewomen|armed forces|national guard|military families|military personnel)',
      '($military|military families|active duty|service members) (need not apply|not welcome|not allowed|not accepted|not permitted)',
      '(civilians|civilian|non military|nonmilitary) (only|tenants only|preferred)',
      '(do not|dont|will not|wont|cannot|not) (rent|renting|sell|selling|lease|leasing) to (military|veterans|vets|soldiers|service members|active duty)',
    ],
    suggestion: 'welcoming to all',
  },
];

/**
 * Generic frames, generated per class from who the class's members are, so
 * that phrasing nobody listed still matches: "no X", "X only", "X need not
 * apply", "will only rent to X", "must be X", "not a good fit for X".
 * `members` are nouns (safe after "no" and "rent to"); `traits` are
 * adjectives or predicates (after "must be").
 */
interface ClassGroup {
  cls: ProtectedClass;
  /** Adjectives that, before a word for people ("tenants"), name the class. */
  adjectives: string;
  members: string;
  traits?: string;
  /** "X only" / "X preferred" can be lawful for this class (age-qualified housing). */
  onlyIsLawful?: boolean;
  suggestion: string;
}

const GROUPS: readonly ClassGroup[] = [
  {
    cls: 'familial-status',
    adjectives: 'pregnant|expectant|expecting',
    members:
      '$kids|little ones|families with $kids|families with young $kids|families with small $kids|parents|single parents|expecting parents|pregnant women',
    suggestion: 'welcoming to all',
  },
  {
    cls: 'race',
    adjectives: '$race',
    members: '$racepl|african americans|people of color|black people|white people|asian people',
    traits: 'white|black|caucasian|asian',
    suggestion: 'welcoming to all',
  },
  {
    cls: 'color',
    adjectives: 'dark skinned|light skinned|fair skinned',
    members: 'people of color|dark skinned people|light skinned people',
    traits: 'light skinned|dark skinned|fair skinned',
    suggestion: 'welcoming to all',
  },
  {
    cls: 'religion',
    adjectives: '$rel',
    members: '$relpl|religious people|nonreligious people',
    traits: '$rel|religious|a believer|a churchgoer',
    suggestion: 'welcoming to all',
  },
  {
    cls: 'sex',
    adjectives: 'female|male',
    members: 'women|men|females|males|ladies|gentlemen|girls|guys',
    traits: 'female|male|a woman|a man',
    suggestion: 'welcoming to all',
  },
  {
    cls: 'disability',
    adjectives: '$dis|blind|deaf|mentally ill|mentally disabled|physically disabled',
    members:
      'disabled people|disabled persons|the disabled|handicapped people|handicapped persons|the handicapped|wheelchair users|people in wheelchairs|people with disabilities|persons with disabilities|the mentally ill|mentally ill people|the blind|the deaf|blind people|deaf people',
    traits: 'able bodied|ablebodied|ambulatory|in good health|physically fit|healthy|mentally stable|of sound mind|mobile|fully mobile',
    suggestion: 'accessibility details available on request',
  },
  {
    cls: 'national-origin',
    adjectives: '$nat|foreign|immigrant|non english speaking|american|native born',
    members:
      'immigrants|foreigners|americans|mexicans|italians|indians|pakistanis|arabs|russians|africans|haitians|cubans|filipinos|germans|hispanics|latinos|somalis|nigerians|iranians|syrians|asians|chinese people|irish people|foreign nationals|non english speakers|people with accents',
    traits: 'american|an american|american born|english speaking|a native english speaker|a native speaker|fluent in english|$nat',
    suggestion: 'welcoming to all',
  },
  {
    cls: 'source-of-income',
    adjectives: 'section 8|voucher|subsidized|welfare',
    members:
      'section 8|section 8 tenants|voucher holders|vouchers|housing vouchers|welfare recipients|people on welfare|people on assistance|ssi recipients|subsidized tenants',
    traits: 'employed|on payroll|w2 employed',
    suggestion: 'all lawful, verifiable sources of income considered',
  },
  {
    cls: 'marital-status',
    adjectives: 'unmarried|divorced|cohabiting|unwed|married',
    members: 'unmarried couples|unmarried people|divorcees|divorced people|cohabiting couples|live in partners',
    traits: 'married|a married couple|husband and wife',
    suggestion: 'welcoming to all households',
  },
  // "Seniors only" is lawful for qualifying senior housing (HOPA; Cal. Civ. Code §51.3): a warning, not an error.
  {
    cls: 'age',
    onlyIsLawful: true,
    adjectives: 'senior|elderly|older|retired',
    members: 'seniors|senior citizens|the elderly|elderly people|retirees|older people|older adults|boomers|baby boomers',
    suggestion: 'welcoming to all',
  },
  {
    cls: 'age',
    adjectives: 'young|younger|youthful',
    members: 'young people|young adults|young professionals|millennials|gen z|gen zers|twentysomethings|college age people',
    traits: 'under #|younger than #|no older than #',
    suggestion: 'welcoming to all',
  },
  {
    cls: 'sexual-orientation',
    adjectives: 'gay|lesbian|bisexual|lgbt|lgbtq|queer|same sex|straight|heterosexual',
    members:
      'gays|lesbians|homosexuals|bisexuals|gay people|gay couples|lesbian couples|same sex couples|lgbt people|lgbtq people|lgbt couples|lgbtq couples|lgbt applicants|lgbtq applicants',
    traits: 'straight|heterosexual',
    suggestion: 'welcoming to all',
  },
  {
    cls: 'gender-identity',
    adjectives: 'transgender|trans|nonbinary|non binary|transsexual|cisgender',
    members:
      'transgender people|trans people|transgender persons|transsexuals|nonbinary people|non binary people|cross dressers|crossdressers|trans women|trans men',
    traits: 'cisgender|gender conforming',
    suggestion: 'welcoming to all',
  },
  {
    cls: 'military-status',
    adjectives: 'military|veteran|active duty|enlisted|civilian',
    members:
      'veterans|vets|soldiers|service members|servicemembers|military families|military personnel|active duty personnel|active duty military|sailors|marines',
    traits: 'a civilian|civilian|non military',
    suggestion: 'welcoming to all',
  },
  {
    cls: 'citizenship-immigration',
    adjectives: 'undocumented|illegal|noncitizen|non citizen|citizen',
    members:
      'undocumented immigrants|illegal immigrants|illegals|illegal aliens|non citizens|noncitizens|undocumented people|the undocumented|daca recipients',
    traits: 'a us citizen|a u s citizen|a citizen|an american citizen|a legal resident|a permanent resident|documented|legal',
    suggestion: 'all applicants screened by the same criteria',
  },
];

const REFUSE =
  '(only|exclusively|not|never|wont|will not|dont|do not|does not|doesnt|cannot|cant|refuse to|refuses to|will only|would only|prefer to) (rent|sell|lease|show|renting|selling|leasing|showing|rents|sells|leases) [this|the|our|my] [home|house|unit|property|apartment|room] to [a|an|any]';
const NOT_FOR =
  '(not|never|isnt|is not) [a|the|an] [good|great|right|ideal|suitable|safe|appropriate] (fit|match|place|home|choice|option|suitable|suited|appropriate|safe|designed|meant|intended|ideal|recommended|built) (for|to)';
const REJECT =
  '(cannot|cant|unable to|will not|wont|do not|dont|does not|doesnt|not|never|would rather not) (|want to|be able to) (accommodate|accept|accepting|allow|allowing|take|taking|want|wants|house|permit|welcome|consider|considering|entertain|tolerate|approve) [any|more|additional]';
const EXCLUDED =
  '[is|are|will] [be] (only|preferred|wanted|need not apply|not welcome|not allowed|not accepted|not permitted|not considered|unwelcome|are not welcome|are not allowed|are unwelcome|need not inquire|please do not apply|do not apply|should not apply|keep out|stay away)';

const PERSON =
  '(tenant|tenants|renter|renters|buyer|buyers|applicant|applicants|people|persons|person|family|families|resident|residents|occupant|occupants|couple|couples|household|households|roommate|roommates|individual|individuals|lodger|lodgers|neighbor|neighbors|clientele) !room|rooms|home|homes|house|houses|residence|residences|zoning|zoned|lot|lots|neighborhood|dwelling|dwellings|size|sized|style|owned|run|friendly|oriented|business|businesses|practice|law|physician|doctor|dentist|medicine';
const PREFER = '(prefer|prefers|preferred|preferring|seeking|looking for|want|wants|wanted|favor|favors|ideally|only) [a|an|the]';

const EXCLUDED_HARD =
  '[is|are|will] [be] (need not apply|not welcome|not allowed|not accepted|not permitted|not considered|unwelcome|are not welcome|are not allowed|are unwelcome|need not inquire|please do not apply|do not apply|should not apply|keep out|stay away)';

const FRAME_TERMS: readonly FairHousingTerm[] = GROUPS.map((g, i) => ({
  id: `${g.cls}-frames-${i}`,
  cls: g.cls,
  severity: 'error' as const,
  patterns: [
    `no (${g.members}) !$goods`,
    `(${g.members}) ${g.onlyIsLawful ? EXCLUDED_HARD : EXCLUDED}`,
    `${REFUSE} (${g.members})`,
    `${REJECT} (${g.members})`,
    `no (${g.adjectives}) ${PERSON}`,
    `(${g.adjectives}) ${PERSON.replace(/ !.*$/, '')} ${g.onlyIsLawful ? EXCLUDED_HARD : EXCLUDED}`,
    `${PREFER} (${g.adjectives}) ${PERSON}`,
    `${REFUSE} (${g.adjectives}) ${PERSON}`,
    `${REJECT} (${g.adjectives}) ${PERSON}`,
    `${NOT_FOR} [the] (${g.members})`,
    ...(g.traits
      ? [
          `(must|should|need to|has to|have to) be (${g.traits}) !$goods`,
          `(${g.traits}) (applicants|tenants|renters|buyers|residents|occupants) only`,
        ]
      : []),
  ],
  suggestion: g.suggestion,
}));

/**
 * Phrases that look like trouble but are acceptable (see the decisions
 * above). A warning or error match lying entirely inside one of these is
 * dropped, so e.g. "single family neighborhood" is not read as "family
 * neighborhood", nor "Jewish Community Center" as "Jewish community".
 */
export const ACCEPTABLE_PHRASES: readonly string[] = [
  'family (room|rooms|den|kitchen|gathering|gatherings|size|sized|friendly floor plan|owned|run|business)',
  'single family [home|homes|house|houses|residence|residences|neighborhood|neighbourhood|community|communities|lot|lots|zoning|zoned|subdivision|street|area|dwelling|detached]',
  'master (bedroom|bedrooms|suite|suites|bath|bathroom|closet|retreat|plan|planned|planned community|craftsman|carpenter)',
  'mother in law (suite|unit|apartment|quarters|plan|wing)',
  'in law (suite|unit|apartment|quarters|plan)',
  'bachelor (apartment|apartments|unit|units|suite|suites)',
  'walk in (closet|closets|pantry|pantries|shower|showers|tub)',
  'walking (distance|trail|trails|path|paths)',
  'exclusive (listing|listings|right|agency|agent|broker|brokerage|representation|offering|showing)',
  'deed restricted (community|neighborhood|neighbourhood|subdivision|lots|development)',
  '(jewish|christian|catholic|islamic|muslim|hindu|buddhist) (community center|community centre|community college|community hospital|community church|heritage)',
  'senior (center|centre|discount|discounts)',
  'his and (hers|her)',
  'private (yard|patio|backyard|pool|entrance|entry|balcony|deck|garden|office|suite|dock|drive|driveway|lot|setting|courtyard|beach|road|well|sale)',
  'adult (swim|pool|lounge|lap pool)',
  'no (age restrictions|age restriction|hoa|rental restrictions)',
  // Things named after people, not people: support payments, day care, safety features.
  'child (support|care|proof|proofing|safety|custody|locks|gate|gates|seat|seats)',
  'childcare|childproof|childproofed',
];

/** Every term the matcher compiles: explicit phrases plus the generated frames. */
export const FAIR_HOUSING_TERMS: readonly FairHousingTerm[] = [...EXPLICIT_TERMS, ...FRAME_TERMS];
