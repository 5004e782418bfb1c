/** The audience (resource indicator) of the API's access tokens, unless configured otherwise (OIDC_AUDIENCE). */
export const DEFAULT_API_AUDIENCE = 'urn:inburgering:api';
/** The scope a client asks for to call the API. */
export const API_SCOPE = 'api';
