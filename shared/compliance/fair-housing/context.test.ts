import { describe, expect, it } from 'vitest';
import { RULE_PACKS } from '../../brand/index.js';
import { scanFairHousing } from './scan.js';

/** Context that turns a look-alike into acceptable copy, and structure that makes a violation out of words far apart. */
const ALL = [...RULE_PACKS];
const flagged = (text: string) => scanFairHousing(text, ALL).map((f) => `${f.severity}:${f.cls}`);

describe('context exceptions', () => {
  it.each([
    // Legal capacity to sign a lease is not an age preference, nor is any word inside it.
    'Applicants must be 18 or older to sign the lease; minors may live here with a parent or guardian.',
    // Shared living: a roommate ad may state a sex preference.
    'Roommate wanted to share my 2BR apartment (shared kitchen and bath); female preferred.',
    'Looking for a female housemate to share the home I live in.',
    // Welcoming everyone cancels the soft preferences in the same text.
    "Empty nester? Downsizer? First-time buyer? Everyone's welcome at Saturday's open house",
    // Not asking is the opposite of screening.
    'We do not ask about marital status; list all adult occupants on the application.',
    // "all" before a source of income or a household word does not describe the neighbours.
    'We take Section 8 & all vouchers 🙌',
    // Forward-pointing preference words never reach back.
    "The seller's family has owned this home for three generations.",
    // Welcoming families excludes no one.
    'Military families welcome; we honor SCRA lease terminations.',
    'Family-friendly building with a tot lot and bike storage.',
  ])('%j is acceptable', (text) => expect(flagged(text)).toEqual([]));

  it.each([
    ['Deaf applicants can’t use the intercom, so we can’t rent to them.', 'error:disability'],
    ['Female tenants preferred.', 'error:sex'],
    ['The neighbors are all white.', 'error:race'],
    ['Kids love this street; this quiet condo isn’t for them.', 'error:familial-status'],
    // Steering: a group sent to one part of the property, in a clause that limits.
    ['Families with children will be placed on the first floor only.', 'error:familial-status'],
    // Scare quotes sit inside the coded phrase.
    ['No "program" tenants.', 'error:source-of-income'],
    ['Only "real" men and women.', 'error:sex'],
    // "rent only to", "members of the": small words between a preference and its group.
    ['We rent only to women.', 'error:sex'],
    ['Restricted to members of the white race.', 'error:race'],
    ['Applicants must be free of mental illness.', 'error:disability'],
    // A preference with words inside it ("great unit for", "perfect home for").
    ['Great unit for a quiet guy.', 'error:sex'],
    ['Perfect starter home for a Catholic family.', 'error:religion'],
    // Different terms for the group, and a relative clause between the preference and the group.
    ['Divorced applicants need a cosigner.', 'error:marital-status'],
    ['Looking for a tenant who shares our Christian faith.', 'error:religion'],
    // A trait asked as a short question, the exclusion in the next clause.
    ['Divorced? Look elsewhere.', 'error:marital-status'],
    // A limited verb phrase and its recipient; a coordinated object; a contrast after a preference.
    ['The landlord will only sell the condo to a Hindu buyer.', 'error:religion'],
    ['We are only taking calls from women.', 'error:sex'],
    ['Tenants must use the name and pronouns given at birth.', 'error:gender-identity'],
    ['We want tenants paid by their employer, not the housing authority.', 'error:source-of-income'],
    // An exclusion reaching a person defined by a relative clause.
    ['Not a fit for anyone who is still attending Sunday mass.', 'error:religion'],
    // A negated open preference.
    ['Honestly this is not the apartment for wheelchair users.', 'error:disability'],
    // An obligation that names a group is a preference ("must be born male").
    ['Tenants must be born male.', 'error:gender-identity'],
    // Different terms: more to prove, a pet's fee for an assistance animal.
    ['Applicants who are Muslim will be asked for extra references.', 'error:religion'],
    ['Companion animals are charged pet rent like any dog.', 'error:disability'],
    // A short aside in parentheses stays in its clause.
    ['Rental assistance (ERAP) recipients are not accepted.', 'error:source-of-income'],
    // An adjective of a described class on the area itself.
    ['Quiet Hispanic neighborhood close to the park.', 'error:national-origin'],
    // Blockbusting: the neighbourhood's change sold as a reason.
    ['List with us before the area changes for good.', 'warning:race'],
    // A negation one auxiliary back; "the" + an adjective as people; availability and payment said negated.
    ['Muslim renters would not feel welcome here.', 'error:religion'],
    ['This loft is not designed for the visually impaired.', 'error:disability'],
    ['The unit is not available to married couples.', 'error:marital-status'],
    ['Rent may not be paid by a housing agency.', 'error:source-of-income'],
    // The preference said with a verb; the group called a burden (negation does not turn it around).
    ['We would like to rent to a Korean family.', 'error:national-origin'],
    ["The owner doesn't want the hassle of voucher paperwork.", 'error:source-of-income'],
    // A pet's rules for an assistance animal.
    ['Service dogs are subject to the pet policy.', 'error:disability'],
    // Where someone is from, said of a person; another way to send someone elsewhere.
    ['We will not lease to applicants from Haiti.', 'error:national-origin'],
    ['Vouchers? Try somewhere else.', 'error:source-of-income'],
    // The place said not to be for the group; worshipping with the owner.
    ["Sorry, we're not a Section 8 complex.", 'error:source-of-income'],
    ['Priority goes to renters who pray with us.', 'error:religion'],
    // A short reply to a question about the group; another place of the same kind; payer + payment; a contrast after acceptance.
    ['Deaf? Please check our other units.', 'error:disability'],
    ['Program money is refused here.', 'error:source-of-income'],
    ['Rent is accepted from the tenant only, not a charity.', 'error:source-of-income'],
    ['Owner declined to join the voucher program.', 'error:source-of-income'],
    // Payment said to come from one source; a condition or aid called by its name; a dismissive exclusion.
    ['Rent must come from paychecks only.', 'error:source-of-income'],
    ['Applicants undergoing chemotherapy are not a good fit.', 'error:disability'],
    ['Tenants must be able to climb two flights of stairs.', 'error:disability'],
    // Scarcity sold as a feature; a curt refusal as a reply.
    ['Quiet street with barely any Asians.', 'error:race'],
    ['Section 8? Hard pass.', 'error:source-of-income'],
    ["Voucher tenants, please don't bother.", 'error:source-of-income'],
  ])('%j is still a violation', (text, expected) => expect(flagged(text)).toContain(expected));

  it.each([
    'Wheelchair users are assigned accessible parking spaces.',
    'Grab bars and a wide doorway make the bath wheelchair accessible.',
    'Painted in Swiss Coffee white with black iron fixtures.',
    'Assistance animals are not considered pets.',
    // An obligation on a group is not a preference for it; a yard "for kids" is not about who lives there.
    'Children must be accompanied by an adult at the pool.',
    'Great backyard for kids and pets to play.',
    'Church Street address, two blocks from the Jewish Community Center.',
    'Pet rent $35/month; assistance animals exempt.',
    'No modifications to the unit without written approval.',
    'Great for after-school programs and weekend soccer.',
    'Only 2 blocks to the school; rent includes water.',
    'The owner will only rent the unit furnished.',
    'All income sources, including SSI and vouchers, count toward qualifying.',
    'Like-minded neighbors gather at the clubhouse on Fridays.',
    'Kosher kitchen with two sinks and a warming drawer.',
    'Parking is not available to guests after 10 pm.',
    // An auxiliary names no one ("can" is not "cane"); a numbered section of a document is not the program.
    'We cannot make exceptions for late rent.',
    'Per Section 8 of the bylaws, grills are not allowed on balconies.',
    'Buyers relocating from Mexico City will love the commute.',
    // Who built or owned the home is history, not a preference.
    'Restored farmhouse built by a Quaker family in 1890.',
    // A requirement said not to be one demands nothing.
    'A marriage certificate is not required; any adult may co-sign.',
    // Able to do something that is not physical; the home's past owners.
    'Applicants must be able to pass a credit check and provide two references.',
    'The previous owners, a Polish family, added the sunroom.',
  ])('%j is acceptable (steering needs a limit; stems never collide with cues)', (text) => expect(flagged(text)).toEqual([]));
});
