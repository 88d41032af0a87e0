import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotificationStore, type NotificationPage } from '@case-journey/projections';
import { ListNotificationsQuery } from './list-notifications.query';

@QueryHandler(ListNotificationsQuery)
export class ListNotificationsHandler implements IQueryHandler<ListNotificationsQuery, NotificationPage> {
  constructor(private readonly notifications: NotificationStore) {}

  execute({ criteria }: ListNotificationsQuery): Promise<NotificationPage> {
    return this.notifications.list(criteria);
  }
}
