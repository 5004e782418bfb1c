/** The header that says why personal data is accessed (Open Zaak's X-Audit-Toelichting is the model). */
export const AUDIT_PURPOSE_HEADER = 'X-Audit-Purpose';
