import type { ProtectedClass } from './classes.js';

/**
 * Protected-group mentions, per class, as data (the group detector's lexicon).
 *
 * - `nouns`: words or phrases that name people of the class on their own
 *   ("Muslims", "kids", "wheelchair users", "section 8"). A noun mention is a
 *   violation only under exclusion or preference intent in its clause.
 * - `adjectives`: words that name the class when they describe a person
 *   ("white tenants", "Christian family", "married couple") or are said of
 *   one ("tenants must be married", "the neighbors are all white").
 * - `describesOccupant`: for these classes a person described by the
 *   adjective is a violation with no other intent word ("white family home",
 *   "Christian neighbors", "female roommate" — HUD's examples).
 * - `soft`: terms whose *preference* is a warning, not an error: a
 *   preference for families is not an exclusion (brokerages still ask agents
 *   to describe the home), and "seniors"/"55+" is lawful for housing that
 *   qualifies under HOPA (42 U.S.C. §3607(b)). Their exclusion ("no
 *   families", "no seniors") is still an error.
 *
 * Words are compared after normalisation (case, diacritics, look-alike
 * digits and symbols, rejoined split words, one-edit misspellings of words
 * of five letters or more) and stemming, so "Muslims", "muslim's" and
 * "Moslim" are one entry. `misspellings` lists common short misspellings the
 * edit-distance step cannot reach (words under five letters).
 */
export interface GroupLexicon {
  cls: ProtectedClass;
  nouns: readonly string[];
  adjectives: readonly string[];
  describesOccupant?: boolean;
  soft?: readonly string[];
  suggestion: string;
}

export const GROUP_LEXICON: readonly GroupLexicon[] = [
  {
    cls: 'race',
    describesOccupant: true,
    nouns: ['ghetto', 'ghetto crowd', 'ghetto types', 'ghetto element', 'urban element', 'urban crowd', 'urban types', 'urban folks', 'urban youth', 'inner city types', 'inner city crowd', 'hood types', 'hood rats', 'thugs', 'gangbangers', 'diversity', 'white race', 'black race', 'the white race', 'whites only', 'coloreds', 'mulattos', 'blackies', 'darkies', 'spooks', 'whites', 'blacks', 'caucasians', 'asians', 'negroes', 'minorities', 'nonwhites', 'non whites', 'african americans', 'afro americans', 'black people', 'white people', 'asian people', 'brown people', 'asian americans', 'native americans', 'american indians', 'pacific islanders'],
    adjectives: ['mulatto', 'black skinned', 'racially', 'ethnic minority', 'white', 'black', 'caucasian', 'asian', 'negro', 'aryan', 'nonwhite', 'non white', 'minority', 'african american', 'afro american', 'asian american', 'native american', 'biracial', 'mixed race', 'interracial', 'brown'],
    suggestion: 'welcoming to all',
  },
  {
    cls: 'color',
    describesOccupant: true,
    nouns: ['people of color', 'persons of color', 'people of colour', 'folks of color', 'dark complexions', 'light complexions'],
    adjectives: ['fairer', 'fairer skinned', 'wheat complexioned', 'wheatish', 'fair complexioned', 'fair complexion', 'dusky', 'swarthy', 'high yellow', 'redbone', 'melanated', 'dark skinned', 'light skinned', 'fair skinned', 'darker skinned', 'lighter skinned', 'pale skinned', 'olive skinned', 'brown skinned', 'dark skin', 'light skin', 'fair skin', 'dark skin tone', 'light skin tone', 'fair skin tone', 'light complected', 'dark complected', 'dark complexioned', 'light complexioned', 'colored'],
    suggestion: 'welcoming to all',
  },
  {
    cls: 'religion',
    describesOccupant: true,
    nouns: ['members of the parish', 'members of our church', 'members of the congregation', 'members of our congregation', 'church people', 'church folks', 'church family', 'church families', 'pastor reference', 'pastors reference', 'reference from a pastor', 'reference from your pastor', 'letter from your pastor', 'clergy reference', 'church reference', 'clergy letter', 'baptism certificate', 'proof of church membership', 'people of faith', 'persons of faith', 'fellow believers', 'believers only', 'christ followers', 'followers of christ', 'hijabis', 'hijabs', 'hijab', 'headscarves', 'headscarf', 'turbans', 'turban', 'yarmulkes', 'burqas', 'burkas', 'niqabs', 'church attendance', 'church membership', 'jews', 'rabbis', 'imams', 'pastors', 'witches', 'pagans', 'satanists', 'infidels', 'nonchristians', 'non christians', 'gentiles', 'christian values', 'christians', 'catholics', 'protestants', 'jews', 'muslims', 'moslems', 'hindus', 'buddhists', 'sikhs', 'mormons', 'evangelicals', 'baptists', 'methodists', 'lutherans', 'atheists', 'agnostics', 'churchgoers', 'believers', 'nonbelievers', 'non believers', 'unbelievers', 'heathens', 'church members', 'parishioners', 'congregants', 'religious people', 'jehovahs witnesses', 'scientologists', 'quakers', 'amish'],
    adjectives: ['church', 'christ centered', 'faith based', 'bible based', 'sabbath observant', 'shabbat observant', 'devout', 'practicing', 'worshipping', 'godly', 'god loving', 'church attending', 'non christian', 'nonchristian', 'hasidic', 'orthodox', 'kosher keeping', 'christian only', 'muslim only', 'jewish only', 'christian', 'catholic', 'protestant', 'jewish', 'muslim', 'moslem', 'islamic', 'hindu', 'buddhist', 'sikh', 'mormon', 'lds', 'evangelical', 'baptist', 'methodist', 'lutheran', 'presbyterian', 'pentecostal', 'orthodox jewish', 'atheist', 'agnostic', 'churchgoing', 'church going', 'god fearing', 'bible believing', 'born again', 'religious', 'nonreligious', 'secular', 'faithful', 'observant'],
    suggestion: 'welcoming to all',
  },
  {
    cls: 'sex',
    describesOccupant: true,
    nouns: ['dudes', 'dude', 'bros', 'fellas', 'fellows', 'chicks', 'gals', 'businesswoman', 'businessman', 'businesswomen', 'businessmen', 'working woman', 'working women', 'working man', 'working men', 'career girl', 'single lady', 'single woman', 'single man', 'single female', 'single male', 'madams', 'sirs', 'males only', 'females only', 'a woman', 'a man', 'women', 'men', 'females', 'males', 'ladies', 'gentlemen', 'girls', 'guys', 'gals', 'boys', 'woman', 'man', 'lady', 'gentleman', 'girl', 'guy', 'bachelor', 'bachelorette', 'bachelors', 'career woman', 'career women'],
    adjectives: ['womens', 'mens', 'female', 'male', 'feminine', 'masculine'],
    suggestion: 'welcoming to all',
  },
  {
    cls: 'disability',
    nouns: ['mental health issues', 'mental health conditions', 'mental disorders', 'psychiatric history', 'psychiatric disabilities', 'oxygen', 'oxygen tank', 'caregiver', 'caregivers', 'live in aide', 'live in aides', 'home health aide', 'home health aides', 'personal care aides', 'methadone', 'suboxone', 'in recovery', 'recovery', 'psychiatric medication', 'psychiatric medications', 'psych meds', 'medication', 'medications', 'mental health', 'mental health history', 'mental health problems', 'drug addicts', 'former addicts', 'former drug addicts', 'former drug users', 'recovering drug users', 'mobility issues', 'mobility impairments', 'mobility problems', 'mobility devices', 'mobility aids', 'hearing aids', 'walker', 'cane', 'prosthetics', 'seizure disorders', 'hiv positive', 'group home', 'group homes', 'halfway house', 'halfway houses', 'a disability', 'disabled veterans', 'special needs children', 'the mentally disabled', 'mental disabilities', 'intellectual disabilities', 'developmental disabilities', 'learning disabilities', 'physical disabilities', 'physical limitations', 'physical impairments', 'chronic conditions', 'chronic illnesses', 'illnesses', 'diabetes', 'diabetics', 'epileptics', 'schizophrenics', 'bipolar people', 'psych patients', 'mental patients', 'retarded', 'slow people', 'invalids', 'shut ins', 'climb stairs', 'walk up stairs', 
      'wheelchair users', 'wheelchair user', 'wheelchair', 'wheelchairs', 'wheel chair', 'walkers', 'canes', 'crutches', 'mobility scooters', 'oxygen tanks', 'service animals', 'service animal',
      'service dogs', 'service dog', 'support animals', 'support animal', 'emotional support animals', 'emotional support animal', 'assistance animals', 'guide dogs', 'seeing eye dogs', 'therapy animals',
      'the disabled', 'the handicapped', 'the blind', 'the deaf', 'disabilities', 'disability', 'handicaps', 'mental illness', 'mental illnesses', 'mental health issues', 'mental health conditions',
      'psychiatric conditions', 'depression', 'anxiety', 'ptsd', 'bipolar', 'bipolar disorder', 'schizophrenia', 'autism', 'hiv', 'aids', 'epilepsy', 'seizures', 'dementia', 'alzheimers', 'cancer', 'chronic illness',
      'addicts', 'crazies', 'crazy people', 'psychos', 'lunatics', 'the mentally ill', 'recovering addicts', 'recovering alcoholics', 'alcoholics', 'people in recovery', 'amputees', 'paraplegics', 'quadriplegics', 'cripples', 'special needs', 'medical conditions', 'health conditions', 'health problems',
    ],
    adjectives: ['hiv positive', 'diabetic', 'epileptic', 'schizophrenic', 'psychotic', 'mentally challenged', 'developmentally disabled', 'intellectually disabled', 'learning disabled', 'hard of hearing', 'mobility impaired', 'mobility limited', 'bedridden', 'housebound', 'frail', 'infirm', 'medically fragile', 'retarded', 'neurotypical', 'non disabled', 'nondisabled', 'independent', 'self sufficient', 'fully independent', 'physically able', 'physically capable', 'able', 'disabled', 'handicapped', 'handicap', 'crippled', 'blind', 'deaf', 'mentally ill', 'mentally disabled', 'physically disabled', 'wheelchair bound', 'wheelchair using', 'able bodied', 'ablebodied', 'physically fit', 'fully mobile', 'ambulatory', 'healthy', 'in good health', 'in excellent health', 'in perfect health', 'in good physical health', 'of sound mind', 'mentally unstable', 'mentally stable', 'mentally sound', 'sane', 'special needs', 'autistic', 'sick', 'ill', 'impaired', 'hearing impaired', 'visually impaired'],
    suggestion: 'accessibility details available on request',
  },
  {
    cls: 'familial-status',
    nouns: ['kids running around', 'small children', 'growing families', 'large families', 'big families', 'families with kids', 'moms', 'dads', 'mothers', 'fathers', 'newborns', 'newborn', 'strollers', 'stroller', 'pregnant tenants', 'expectant parents', 'foster children', 'foster kids', 'grandkids', 'grandchildren', 'nanny', 'custody', 
      'kids', 'kid', 'children', 'child', 'minors', 'minor', 'teens', 'teen', 'teenagers', 'teenager', 'toddlers', 'toddler', 'infants', 'infant', 'babies', 'baby', 'youngsters', 'little ones', 'kiddos',
      'families', 'family', 'families with children', 'parents', 'single parents', 'pregnant women', 'expecting parents', 'expectant mothers', 'couple', 'couples', 'single', 'singles', 'adults', 'adult', 'grownups', 'grown ups',
      'empty nesters', 'kidz', 'kiddies', 'chilren', 'childs',
    ],
    // "child-free", "adults only" are standalone exclusions: the phrase lexicon and the adjacent "free"/"less" intent handle them.
    adjectives: ['pregnant', 'expecting', 'expectant', 'mature'],
    // A preference for families or children signals a household but excludes no one: a warning.
    soft: ['kids running around', 'small children', 'growing families', 'large families', 'big families', 'families with kids', 'moms', 'dads', 'mothers', 'fathers', 'newborns', 'newborn', 'strollers', 'stroller', 'foster children', 'foster kids', 'grandkids', 'grandchildren', 'nanny', 'custody', 'families', 'family', 'empty nesters', 'parents', 'kids', 'kid', 'children', 'child', 'kiddos', 'little ones', 'teens', 'teen', 'teenagers', 'teenager', 'toddlers', 'toddler', 'babies', 'baby', 'youngsters', 'infants', 'infant', 'minors', 'minor', 'kidz', 'kiddies', 'chilren', 'childs'],
    suggestion: 'welcoming to all',
  },
  {
    cls: 'national-origin',
    describesOccupant: true,
    nouns: ['middle east', 'the middle east', 'overseas', 'abroad', 'other countries', 'another country', 'foreign countries', 'third world countries', 'desis', 'desi', 'gringos', 'accents', 'foreign accents', 'heavy accents', 'thick accents', 'accented english', 'non american names', 'foreign names', 'foreign sounding names', 'english fluency', 'fluent english', 'speak english', 'speaks english', 'native english', 'english as a first language', 'first language', 'asylum seekers', 'expats', 'expatriates', 'newcomers to this country', 'new americans', 'anchor babies', 'wetbacks', 'aliens', 'gypsies', 'roma', 'somali people', 'ethnic groups', 
      'immigrants', 'foreigners', 'foreign nationals', 'refugees', 'migrants', 'americans', 'mexicans', 'italians', 'indians', 'pakistanis', 'arabs', 'russians', 'africans', 'haitians', 'cubans', 'filipinos',
      'germans', 'hispanics', 'latinos', 'latinas', 'latinx', 'somalis', 'nigerians', 'iranians', 'syrians', 'chinese', 'irish', 'puerto ricans', 'dominicans', 'jamaicans', 'vietnamese', 'koreans', 'japanese',
      'poles', 'ukrainians', 'afghans', 'iraqis', 'middle easterners', 'non english speakers', 'english speakers', 'native english speakers', 'native english speaker', 'native speakers', 'spanish speakers', 'people with accents',
      'born in this country', 'born here', 'born in the country', 'born in the usa', 'born in the us', 'born in the united states', 'born in america', 'american born', 'us born', 'native born', 'foreign born',
    ],
    adjectives: ['desi', 'south asian', 'east asian', 'southeast asian', 'latin american', 'caribbean', 'west indian', 'eastern european', 'slavic', 'balkan', 'arabian', 'gora', 'canadian', 'cambodian', 'laotian', 'thai', 'indonesian', 'malaysian', 'bangladeshi', 'sri lankan', 'nepali', 'tibetan', 'mongolian', 'taiwanese', 'egyptian', 'moroccan', 'algerian', 'tunisian', 'libyan', 'sudanese', 'ethiopian', 'eritrean', 'kenyan', 'ghanaian', 'senegalese', 'congolese', 'ugandan', 'liberian', 'lebanese', 'palestinian', 'israeli', 'jordanian', 'saudi', 'yemeni', 'kurdish', 'armenian', 'turk', 'uzbek', 'chechen', 'bosnian', 'serbian', 'croatian', 'albanian', 'romanian', 'bulgarian', 'hungarian', 'czech', 'slovak', 'lithuanian', 'latvian', 'estonian', 'belarusian', 'portuguese', 'spanish', 'dutch', 'belgian', 'swiss', 'austrian', 'swedish', 'norwegian', 'danish', 'finnish', 'scottish', 'welsh', 'australian', 'peruvian', 'ecuadorian', 'bolivian', 'chilean', 'argentinian', 'argentine', 'honduran', 'nicaraguan', 'panamanian', 'costa rican', 'mexican american', 'chinese american', 'korean american', 'japanese american', 'indian american', 'arab american', 'haitian american', 'nigerian american', 'pakistani american', 'vietnamese american', 'filipino american', 'foreign national', 'non native', 'nonnative', 'non american', 'un american', 'undocumented', 'illegal', 'immigrant', 'refugee', 
      'mexican', 'irish', 'italian', 'chinese', 'japanese', 'korean', 'vietnamese', 'indian', 'pakistani', 'arab', 'arabic', 'polish', 'russian', 'african', 'haitian', 'cuban', 'filipino', 'german', 'hispanic',
      'latino', 'latina', 'latinx', 'somali', 'nigerian', 'ukrainian', 'iranian', 'syrian', 'guatemalan', 'salvadoran', 'dominican', 'jamaican', 'hmong', 'afghan', 'iraqi', 'puerto rican', 'middle eastern',
      'foreign', 'immigrant', 'american', 'american born', 'native born', 'us born', 'foreign born', 'non english speaking', 'english speaking', 'spanish speaking', 'ethnic', 'european', 'anglo', 'scandinavian', 'french', 'british', 'english', 'greek', 'turkish', 'persian', 'brazilian', 'colombian', 'venezuelan',
    ],
    suggestion: 'welcoming to all',
  },
  {
    cls: 'age',
    // An age floor or ceiling. Numbers up to 21 are the age of majority or legal capacity to sign a lease, not an age preference (see AGE_OF_MAJORITY in clause-detector.ts).
    nouns: ['elderly tenants', 'old folks', 'older folks', 'young folks', 'young tenants', 'young renters', 'young buyers', 'college students', 'students', 'kids in their 20s', 'people in their 20s', 'retirement age', 'golden agers', 'geezers', 'zoomers', 'in their 20s', 'in their twenties', 'in their 30s', 'in their thirties', 'between # and #', 'ages # to #', 'aged # to #', 'over #', 'under #', 'older than #', 'younger than #', 'above #', 'below #', '# and older', '# and over', '# or older', '# or over', '# and up', '# and younger', '# or younger', '# and under', '# plus', '# years and older', '# years or older', '# years of age and older', 'seniors', 'senior citizens', 'the elderly', 'elderly', 'retirees', 'older people', 'older adults', 'boomers', 'baby boomers', 'young people', 'young adults', 'young professionals', 'millennials', 'gen zers', 'twentysomethings', 'twenty somethings', 'thirtysomethings', 'old people', 'oldsters', 'youngsters', 'young crowd', 'young couples'],
    adjectives: ['elder', 'geriatric', 'twenty something', 'thirty something', 'senior', 'elderly', 'older', 'old', 'retired', 'young', 'younger', 'youthful', 'aged', 'aging', 'middle aged', 'college age', 'millennial'],
    soft: ['seniors', 'senior citizens', 'retirees', 'older adults', 'senior', 'retired'],
    suggestion: 'welcoming to all',
  },
  {
    cls: 'source-of-income',
    nouns: ['handouts', 'handout', 'government handouts', 'freeloaders', 'charity cases', 'govt assistance', 'gov assistance', 'hcv', 'hcv program', 'hcv holders', 'housing choice voucher program', 'voucher program', 'voucher programs', 'section 8 program', 'housing authority', 'housing authorities', 'public housing authority', 'third party payments', 'third party rent payments', 'government payments', 'government programs', 'housing programs', 'housing program', 'assistance programs', 'assistance program', 'rental assistance programs', 'rental assistance program', 'program tenants', 'program participants', 'cityfheps', 'fheps', 'hasa', 'vash', 'tanf', 'ebt', 'snap benefits', 'dss', 's8', 'sec8', 'voucher inspections', 'hqs inspections', 'disability checks', 'disability benefits', 'social security income', 'ssi income', 'unemployment benefits', 'public assistance income', 'government checks', 'welfare checks', 'cash assistance', 'housing subsidy', 'housing subsidies', 'rent subsidies', 'rent subsidy', 'w2 income', 'paycheck income', 'wage income', 'earned income', 'employment income', 'with jobs', 'with a job', 'with steady jobs', 'tenants with jobs', 'gainfully employed', 'on assistance', 'on welfare', 'on public assistance', 'on section 8', 'on disability', 'section 8', 'section eight', 'sec 8', 'sect 8', 'vouchers', 'voucher', 'housing vouchers', 'housing choice vouchers', 'voucher holders', 'welfare', 'welfare recipients', 'ssi', 'ssdi', 'social security', 'disability income', 'public assistance', 'government assistance', 'rental assistance', 'assistance', 'subsidies', 'subsidy', 'hud', 'food stamps', 'unemployment', 'housing assistance', 'benefits'],
    adjectives: ['w2', 'subsidised', 'government subsidized', 'section 8', 'voucher', 'subsidized', 'assisted', 'government assisted', 'welfare', 'employed', 'fully employed', 'w2 employed', 'salaried'],
    suggestion: 'all lawful, verifiable sources of income considered',
  },
  {
    cls: 'marital-status',
    nouns: ['mr and mrs', 'mr mrs', 'proof of marriage', 'marriage certificate', 'marriage certificates', 'marriage license', 'wedded couples', 'legally married couples', 'spouses only', 'unmarried partners', 'boyfriends', 'girlfriends', 'boyfriend', 'girlfriend', 'significant others', 'domestic partners', 'common law couples', 'single people', 'unmarried people', 'divorced people', 'divorced women', 'divorced men', 'single moms', 'single dads', 'newlyweds', 'married couples', 'married couple', 'unmarried couples', 'divorcees', 'divorcee', 'single mothers', 'single mother', 'single moms', 'single mom', 'single fathers', 'single dads', 'single parents', 'husband and wife', 'husbands and wives', 'widows', 'widowers', 'live in partners', 'cohabiting couples', 'spouses'],
    adjectives: ['legally married', 'wedded', 'unmarried', 'married', 'unmarried', 'divorced', 'separated', 'widowed', 'cohabiting', 'unwed', 'engaged', 'husband and wife'],
    suggestion: 'welcoming to all households',
  },
  {
    cls: 'sexual-orientation',
    nouns: ['lgb', 'gay people', 'gay men', 'gay women', 'lesbian women', 'same sex partners', 'same gender couples', 'alternative lifestyle', 'alternative lifestyles', 'two moms', 'two dads', 'man and a woman', 'a man and a woman', 'one man and one woman', 'fags', 'faggots', 'dykes', 'homos', 'sodomites', 'normal couples', 'gays', 'lesbians', 'homosexuals', 'bisexuals', 'queers', 'gay couples', 'lesbian couples', 'same sex couples', 'lgbt people', 'lgbtq people', 'heterosexuals', 'straights', 'straight couples'],
    adjectives: ['lgb', 'homo', 'same gender', 'pansexual', 'asexual', 'heterosexual only', 'gay', 'lesbian', 'bisexual', 'lgbt', 'lgbtq', 'lgbtqia', 'queer', 'same sex', 'homosexual', 'straight', 'heterosexual'],
    suggestion: 'welcoming to all',
  },
  {
    cls: 'gender-identity',
    nouns: ['pronouns', 'preferred pronouns', 'birth certificate', 'birth certificates', 'sex at birth', 'gender at birth', 'assigned sex at birth', 'sex assigned at birth', 'biological sex', 'biological gender', 'sex on their id', 'gender on their id', 'legal sex', 'anyone transitioning', 'people transitioning', 'transitioning', 'gender transition', 'gender reassignment', 'sex reassignment', 'sex change', 'sex changes', 'gender affirming surgery', 'cross dressing', 'crossdressing', 'cross dresser', 'drag performers', 'drag queen', 'he shes', 'shemales', 'shemale', 'trannies', 'tranny', 'ladyboys', 'trans folks', 'trans ppl', 'trans tenants', 'trans persons', 'trans individuals', 'gender nonconforming people', 'genderqueer people', 'gender fluid people', 'two spirit people', 'gender', 'transgender people', 'trans people', 'transsexuals', 'transgenders', 'trans women', 'trans men', 'cross dressers', 'crossdressers', 'drag queens', 'drag kings', 'nonbinary people', 'non binary people', 'biological women', 'biological men', 'biological females', 'biological males', 'birth gender', 'birth sex', 'assigned sex'],
    adjectives: ['transitioning', 'gender nonconforming', 'gender variant', 'genderfluid', 'agender', 'intersex', 'born female', 'born male', 'biologically', 'transsexual', 'transgender', 'transgendered', 'trans', 'transsexual', 'nonbinary', 'non binary', 'genderqueer', 'gender fluid', 'gender nonconforming', 'cisgender', 'cis', 'gender conforming', 'biological', 'biologically female', 'biologically male'],
    suggestion: 'welcoming to all',
  },
  {
    cls: 'military-status',
    nouns: ['vets with ptsd', 'military members', 'military tenants', 'military renters', 'military people', 'army', 'navy', 'air force', 'marine corps', 'coast guard', 'army families', 'navy families', 'military spouses', 'deployable tenants', 'pcs orders', 'scra', 'military clause', 'veterans', 'veteran', 'vets', 'soldiers', 'service members', 'servicemembers', 'servicemen', 'servicewomen', 'military', 'military families', 'military personnel', 'active duty', 'active duty personnel', 'reservists', 'national guard', 'sailors', 'marines', 'airmen', 'civilians', 'troops', 'gis'],
    adjectives: ['army', 'navy', 'ex military', 'former military', 'retired military', 'military', 'veteran', 'active duty', 'enlisted', 'civilian', 'non military', 'nonmilitary', 'deployed', 'reservist'],
    suggestion: 'welcoming to all',
  },
];

/** Disability groups a preference is fine for (describing accessibility); only their exclusion is a violation. Every disability noun counts too. */
export const DISABILITY_PREFERENCE_OK: ReadonlySet<string> = new Set(['disabled', 'handicapped', 'handicap', 'blind', 'deaf', 'special needs', 'hearing impaired', 'visually impaired', 'impaired', 'sick', 'ill', 'crippled']);

/**
 * Words for people: the head an adjective must describe to name a group
 * ("white *tenants*"), and the subject of "X are all white".
 */
export const PERSON_HEADS: readonly string[] = [
  'tenant', 'tenants', 'renter', 'renters', 'buyer', 'buyers', 'applicant', 'applicants', 'people', 'persons', 'person', 'family', 'families', 'resident', 'residents', 'occupant', 'occupants',
  'couple', 'couples', 'household', 'households', 'roommate', 'roommates', 'housemate', 'housemates', 'individual', 'individuals', 'lodger', 'lodgers', 'boarder', 'boarders', 'neighbor', 'neighbors',
  'neighbour', 'neighbours', 'clientele', 'owner', 'owners', 'homeowner', 'homeowners', 'homebuyer', 'homebuyers', 'purchaser', 'purchasers', 'folks', 'folk', 'crowd', 'guest', 'guests', 'lessee', 'lessees',
  'professional', 'professionals', 'man', 'men', 'woman', 'women', 'gentleman', 'gentlemen', 'lady', 'ladies', 'girl', 'girls', 'guy', 'guys', 'home buyers', 'home owners', 'prospects', 'candidates',
  'community', 'neighborhood', 'neighbourhood', 'area', 'block', 'enclave', 'population', 'street', 'building', 'home', 'household', 'parents', 'mothers', 'fathers', 'mom', 'moms', 'dad', 'dads', 'worshippers',
  'speaker', 'speakers', 'members', 'member', 'recipients', 'recipient', 'holders', 'holder', 'users', 'user', 'seekers', 'types', 'student', 'students', 'worker', 'workers', 'employees', 'kids', 'children', 'child', 'kid', 'everyone', 'anyone', 'someone', 'one', 'ones', 'types', 'type', 'sorts', 'kind',
];

/** Heads that make "X neighborhood/community" a place description rather than a person: those are the catch-word rules' job. */
export const PLACE_HEADS: ReadonlySet<string> = new Set(['community', 'neighborhood', 'neighbourhood', 'area', 'block', 'enclave', 'population', 'street', 'building', 'home']);
