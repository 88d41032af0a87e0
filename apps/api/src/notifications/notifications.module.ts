import { Module } from '@nestjs/common';
import { ReadModelsModule } from '../read-models/read-models.module';
import { ListNotificationsController } from './list-notifications.controller';
import { ListNotificationsHandler } from './list-notifications.handler';

@Module({ imports: [ReadModelsModule], controllers: [ListNotificationsController], providers: [ListNotificationsHandler] })
export class NotificationsModule {}
