/**
 * Password rules shared by the forms (in the browser) and the server. This
 * file must stay free of server imports: the hashing lives in ./password.ts.
 */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;
