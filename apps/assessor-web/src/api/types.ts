import type { components } from './assessor-api';

/** Names for the generated schemas of the assessor API (see assessor-api.d.ts). */
export type Schemas = components['schemas'];
