import { Foundation1763900000000 } from './1763900000000-foundation';

/** In order of application. */
export const MIGRATIONS = [Foundation1763900000000];
