export const APP_NAME = Symbol('APP_NAME');
export const APP_CONFIG = Symbol('APP_CONFIG');
/** The rulebook versions this build ships (`rulebooks` of @rlp/rulebook); tests may add their own. */
export const RULEBOOKS = Symbol('RULEBOOKS');
/** The S3 endpoint URL this app talks to (browsers upload there directly). */
export const STORAGE_ENDPOINT = Symbol('STORAGE_ENDPOINT');
