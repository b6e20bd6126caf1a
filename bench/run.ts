/**
 * `npm run bench`: every benchmark, figures printed (never asserted in tests).
 */
import { benchCore } from './core.js';

await benchCore();
