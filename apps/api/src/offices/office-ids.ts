/** An office id: lower-case letters, digits and dashes, e.g. `gent-centrum` (it appears in paths and CSV files). */
export const OFFICE_ID = /^[a-z0-9][a-z0-9-]{0,49}$/;
export const OFFICE_ID_RULE = 'lower-case letters, digits and "-", at most 50, e.g. gent-centrum';
