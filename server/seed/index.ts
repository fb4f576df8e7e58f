export { seedDemo, type DemoLogin } from './demo.js';
