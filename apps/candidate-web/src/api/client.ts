import { createApi } from '@rlp/web-ui/api';
import type { paths } from './candidate-api';

/**
 * The typed client of the candidate API, generated from its own OpenAPI document
 * (`npm run api:client`); the CSRF and error handling are shared with the other portals.
 */
export const api = createApi<paths>();

export { ApiError, csrfToken, must, OfflineError, problemOf, raw, type ApiProblem } from '@rlp/web-ui/api';
