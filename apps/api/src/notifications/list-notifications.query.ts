import type { Agency } from '@case-journey/domain';

export class ListNotificationsQuery {
  constructor(readonly criteria: { agency?: Agency; offset: number; limit: number }) {}
}
