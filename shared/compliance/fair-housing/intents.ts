/**
 * Exclusion and preference intent, as data (the intent detector's lexicon).
 * Entries are word sequences compared stem to stem after normalisation; a
 * `#` matches a number.
 *
 * How negation changes them (wink-nlp's negation scope decides whether a
 * word is negated):
 * - `accept` words ("allowed", "welcome", "rent to", "consider") exclude when
 *   negated ("children will not be allowed", "we don't take section 8") and
 *   are fine otherwise ("vouchers accepted").
 * - `exclude` words ("refused", "need not apply", "turned away") exclude,
 *   and are fine when negated ("families are never refused").
 * - `prefer` words ("only", "perfect for", "must be", "seeking") state a
 *   preference; negated ("not ideal for", "must not be") they exclude, so
 *   either way it is a violation.
 * - `cancel` phrases make the clause inclusive ("not only", "regardless of").
 */
export const ACCEPT_WORDS: readonly string[] = [
  'allowed', 'permitted', 'accepted', 'accept', 'accepting', 'welcome', 'welcomed', 'considered', 'consider', 'considering', 'approved', 'approve', 'tolerated', 'tolerate', 'entertained',
  'rent to', 'rent', 'renting to', 'lease to', 'sell to', 'show to', 'take', 'taking', 'accommodate', 'accommodated', 'admitted', 'admit', 'eligible', 'qualify',
  'suitable', 'suited', 'appropriate', 'safe', 'designed', 'meant', 'intended', 'equipped', 'ideal', 'perfect', 'great', 'good fit', 'right fit', 'a fit', 'fit', 'a match', 'recommended', 'okay', 'ok', 'invited', 'apply', 'inquire', 'wanted', 'work',
  // Said negated, these exclude ("would not be comfortable here", "does not participate in the HCV program", "disability income does not count").
  'be shown', 'shown the', 'show the unit', 'show the home', 'show the property', 'comfortable', 'happy', 'fit in', 'belong', 'participate', 'participating', 'participates', 'work with', 'working with', 'deal with', 'honor', 'honored', 'count', 'counts', 'counted', 'process', 'processed', 'entertain',
];

export const EXCLUDE_WORDS: readonly string[] = [
  'need not apply', 'needn t apply', 'neednt apply', 'need not inquire', 'please do not apply', 'do not apply', 'should not apply', 'should look elsewhere', 'look elsewhere', 'keep out', 'stay away', 'not welcome',
  'refused', 'refuse', 'refuses', 'rejected', 'reject', 'rejects', 'excluded', 'exclude', 'denied', 'deny', 'turned away', 'turn away', 'turned down', 'banned', 'ban', 'barred from', 'prohibited', 'forbidden', 'unwelcome',
  'discouraged', 'discourage', 'disqualified', 'disqualify', 'disqualifies', 'screened out', 'off limits', 'no go', 'not for', 'without', 'free', 'less', 'restricted from', 'avoid', 'pass on', 'no room for',
  'dealbreaker', 'deal breaker', 'unacceptable', 'not an option', 'must not have', 'must not be', 'may not have', 'cannot have', 'can not have', 'should not have', 'no history of',
  // Different terms for the group are exclusion too ("will have to pay a higher deposit", "need a cosigner", "screened more carefully").
  'higher deposit', 'higher security deposit', 'extra deposit', 'additional deposit', 'larger deposit', 'double deposit', 'pay more', 'higher rent', 'need a cosigner', 'needs a cosigner', 'require a cosigner', 'requires a cosigner',
  'screened more', 'more carefully', 'extra screening', 'additional screening', 'extra scrutiny', 'evicted', 'evict', 'elsewhere', 'consider other', 'other properties', 'another property', 'another building', 'other buildings', 'other neighborhoods', 'another neighborhood', 'another area',
  'not here', 'not in this building', 'not at this property', 'not in this home', 'not this one', 'not for this',
  'free of', 'free from', 'clear of', 'opted out of', 'opt out of', 'opting out of', 'not set up for', 'not equipped for', 'must not require', 'must not need', 'should not need', 'cannot require', 'excluding', 'no longer accept', 'no longer accepting', 'no longer take', 'no longer taking',
  'not eligible', 'ineligible', 'does not qualify', 'do not qualify', 'will be declined', 'declined', 'decline', 'weeded out', 'filtered out', 'need not inquire', 'move along', 'not suitable', 'unsuitable', 'not a good fit', 'not a fit', 'wrong fit',
];

/** Exclusion words that only count right after the group ("child-free", "childless"). */
export const ADJACENT_EXCLUDE_WORDS: ReadonlySet<string> = new Set(['free', 'less']);

export const PREFER_WORDS: readonly string[] = [
  'only', 'exclusively', 'solely', 'strictly', 'preferred', 'prefer', 'prefers', 'preferably', 'preference', 'ideally', 'perfect for', 'ideal for', 'great for', 'best for', 'suited for', 'suited to', 'suitable for', 'made for',
  'designed for', 'geared to', 'geared toward', 'geared towards', 'tailored to', 'tailored for', 'intended for', 'meant for', 'targeted to', 'just right for', 'excellent for', 'a dream for', 'perfect match for', 'wonderful for',
  'seeking', 'looking for', 'wanted', 'want', 'wants', 'desired', 'requested', 'favored', 'favoured', 'favor', 'must be', 'must have', 'has to be', 'have to be', 'need to be', 'needs to be', 'required to be', 'should be',
  'required', 'requirement', 'a must', 'are required', 'would rather', 'reserved for', 'limited to', 'restricted to', 'catering to', 'caters to', 'cater to',
  'must provide', 'must submit', 'must show', 'give preference', 'gives preference', 'priority to', 'priority for', 'first dibs',
  'must use', 'must match', 'must correspond to', 'must align with', 'must conform to', 'has to match', 'have to match', 'must reflect', 'must agree with', 'consistent with', 'matching',
  'must present as', 'must dress as', 'must identify as', 'must live as', 'must present', 'must dress', 'place for', 'home for', 'spot for', 'the right kind of', 'the right sort of', 'our kind of', 'your kind of', 'among their own', 'their own kind',
];

/**
 * Who lives there, said as a selling point ("the neighbors are all white",
 * "a predominantly Hispanic area"): these words right before a group mention
 * state a preference.
 */
export const DESCRIBE_WORDS: readonly string[] = [
  'all', 'mostly', 'predominantly', 'predominately', 'majority', 'largely', 'mainly', 'primarily', 'overwhelmingly', 'entirely', 'almost all', 'almost entirely', 'heavily', 'nearly all', 'full of', 'filled with',
  'populated by', 'populated with', 'surrounded by', 'dominated by', 'made up of', 'home to mostly', 'a community of', 'a neighborhood of',
  // Shares and permanence said as a selling point ("90% white", "still a white street", "has always been Caucasian").
  '# %', '# percent', 'still', 'always been', 'always was', 'stayed', 'remained', 'remains', 'historically', 'traditionally', 'keep it', 'kept it',
];

/** Phrases that make a clause inclusive: the other cues in it do not exclude anyone. */
export const CANCEL_PHRASES: readonly string[] = [
  'not only', 'not just', 'regardless of', 'irrespective of', 'no matter', 'whether or not', 'all are welcome', 'everyone is welcome', 'everyone welcome', 'all welcome', 'welcome all', 'we welcome', 'equal housing', 'fair housing',
  'does not discriminate', 'do not discriminate', 'without regard to', 'without discrimination', 'as well as', 'and also',
  'everybody is welcome', 'everybody welcome', 'everyone s welcome', 'all are invited', 'everyone is invited', 'open to all', 'open to everyone',
  // Not asking about a class is the opposite of screening on it.
  'do not ask', 'does not ask', 'never ask', 'will not ask', 'not ask about', 'no questions about',
  // An assistance animal is not a pet: the classic inclusive carve-out.
  'not pets', 'not a pet', 'not considered pets', 'not considered a pet', 'not treated as pets',
  // Equal treatment said outright.
  'same screening', 'same criteria', 'same standards', 'same standard', 'same terms', 'same process', 'treated the same', 'treated equally', 'as everyone else', 'like everyone else', 'like any other', 'like all other', 'equal opportunity', 'equally welcome', 'are encouraged to apply', 'encouraged to apply', 'encourage', 'no discrimination',
];

/**
 * Steering: a group sent to one part of the property ("families with
 * children will be placed on the first floor only"). These words exclude
 * only in a clause that also limits ("only", "separate", "designated").
 */
export const STEER_WORDS: readonly string[] = ['placed', 'assigned', 'steered', 'relegated', 'confined to', 'segregated', 'kept to', 'housed in', 'put in', 'moved to', 'directed to', 'shown only', 'restricted'];
export const STEER_LIMITS: readonly string[] = ['only', 'separate', 'designated', 'specific', 'exclusively', 'solely', 'just'];

/** Cancel phrases that welcome everyone: a soft preference elsewhere in the same text excludes no one. */
export const WELCOME_EVERYONE_PHRASES: readonly string[] = ['all are welcome', 'everyone is welcome', 'everyone welcome', 'all welcome', 'welcome all', 'everybody is welcome', 'everybody welcome', 'everyone s welcome', 'all are invited', 'everyone is invited', 'open to all', 'open to everyone'];

/** Pronouns that carry a group named in the previous clause into this one ("Have kids? They are not allowed."). */
export const CARRY_PRONOUNS: ReadonlySet<string> = new Set(['they', 'them', 'those', 'these', 'such', 'their', 'theirs', 'he', 'she', 'him', 'her', 'you', 'your']);
