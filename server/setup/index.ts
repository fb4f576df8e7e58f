export { prepareFirstRun, setupOpen, claimSetupToken, lockFirstRun, setupTokenValid, SETUP_TOKEN } from './first-run.js';
export {
  BrokerageBasicsSchema,
  BrandBasicsSchema,
  BASIC_FONTS,
  US_STATES,
  StateSchema,
  brandKitFromBasics,
  createBrokerage,
  createFirstAdmin,
  inviteFirstAdmin,
  licensedStatesFor,
  rulePacksFor,
  type BrokerageBasics,
} from './brokerage.js';
