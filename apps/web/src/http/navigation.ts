import type { Role } from '@case-journey/access';
import type { SignedInUser } from '../sign-in/signed-in-user';

interface NavigationItem {
  href: string;
  text: string;
  roles: readonly Role[] | 'everyone';
  /** Other paths of the same work, where the item shows as the current one too. */
  also?: readonly RegExp[];
}

/**
 * Where each role's work is. Only a convenience: a page someone reaches by its address is still
 * refused by the API when their token does not allow it.
 */
const ITEMS: readonly NavigationItem[] = [
  { href: '/cases', text: 'Find a case', roles: ['case-progression', 'witness-care'] },
  { href: '/worklist', text: 'Worklist', roles: ['witness-care', 'case-progression'] },
  { href: '/reports/compliance', text: 'Compliance report', roles: ['board', 'case-progression', 'witness-care'] },
  { href: '/admin', text: 'Administration', roles: ['admin'] },
  { href: '/audit', text: 'Audit log', roles: ['data-protection'] },
  { href: '/erasures', text: 'Erase personal data', roles: ['data-protection'], also: [/^\/victims\/[^/]+\/erasure(\/|$)/] },
  { href: '/retention', text: 'Retention review', roles: ['data-protection'] },
  { href: '/public/compliance', text: 'Published figures', roles: 'everyone' },
];

export function navigationFor(user: SignedInUser | undefined, path: string) {
  return ITEMS.filter((item) => item.roles === 'everyone' || (user && item.roles.some((role) => user.roles.includes(role)))).map((item) => ({
    href: item.href,
    text: item.text,
    active: path === item.href || path.startsWith(`${item.href}/`) || (item.also ?? []).some((pattern) => pattern.test(path)),
  }));
}

/** The page each role starts on after signing in, the first of the user's roles listed here winning. */
const START_PAGES: ReadonlyArray<[Role, string]> = [
  ['witness-care', '/worklist'],
  ['case-progression', '/cases'],
  ['board', '/reports/compliance'],
  ['admin', '/admin'],
  ['data-protection', '/audit'],
];

export function startPageOf(user: SignedInUser): string {
  return START_PAGES.find(([role]) => user.roles.includes(role))?.[1] ?? '/';
}
