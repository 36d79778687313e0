import { createApi } from '@rlp/web-ui/api';
import type { paths } from './assessor-api';

/**
 * The typed client of the assessor API, generated from its own OpenAPI document
 * (`npm run api:client`); the CSRF and error handling are shared with the other portals.
 */
export const api = createApi<paths>();

export { ApiError, must, OfflineError, problemOf, raw, type ApiProblem } from '@rlp/web-ui/api';
