import type { NotificationQuery } from '@case-journey/projections';

export class ListNotificationsQuery {
  constructor(readonly criteria: NotificationQuery) {}
}
