export { seedDemo, type DemoLogin } from './demo.js';
export { seedDemoListings } from './demo-listings.js';
