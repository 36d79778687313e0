/** Injection tokens of the accounts feature. */
export const AUTH_CONFIG = Symbol('AUTH_CONFIG');
/** Which roles may log in on this app (the candidate portal vs the assessor/admin API). */
export const PORTAL_ROLES = Symbol('PORTAL_ROLES');
