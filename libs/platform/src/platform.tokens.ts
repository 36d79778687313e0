export const APP_NAME = Symbol('APP_NAME');
export const APP_CONFIG = Symbol('APP_CONFIG');
