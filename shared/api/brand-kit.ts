/** The brokerage's brand kit (routes/brand-kit.ts): every design in the brokerage is scored against it. */
import { BrandKitSchema } from '../brand/kit.js';
import { endpoint } from './contract.js';

export const brandKitApi = {
  get: endpoint({ method: 'GET', path: '/api/brand-kit', response: BrandKitSchema }),
  /** Brand managers and admins; answers the kit as stored. */
  put: endpoint({ method: 'PUT', path: '/api/brand-kit', body: BrandKitSchema, response: BrandKitSchema }),
};
