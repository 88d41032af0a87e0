/**
 * Who may use case-journey. `public` is anyone without a token; a token never grants it, and what
 * `public` may do every caller may do.
 */
export const ROLES = ['agency-system', 'case-progression', 'witness-care', 'board', 'public', 'admin', 'data-protection'] as const;
export type Role = (typeof ROLES)[number];

/** The roles a token can carry. */
export const SIGNED_IN_ROLES = ROLES.filter((role): role is Exclude<Role, 'public'> => role !== 'public');

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);
