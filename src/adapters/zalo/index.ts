/**
 * The Zalo adapter: our own Bot API client, long polling or a webhook, plain-text replies of
 * at most 2,000 characters, files and charts by signed link, the monthly budget counted.
 */
export { ZaloAdapter, zaloCapabilities, ZALO_PACING, type ZaloAdapterOptions } from './adapter.js';
