export { seedDemo, type DemoLogin } from './demo.js';
export { seedDemoListings } from './demo-listings.js';
export { switchDemo, type DemoSwitchSource } from './demo-switch.js';
