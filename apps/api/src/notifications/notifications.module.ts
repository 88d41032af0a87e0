import { Module } from '@nestjs/common';
import { AreasModule } from '../areas/areas.module';
import { ReadModelsModule } from '../read-models/read-models.module';
import { ListNotificationsController } from './list-notifications.controller';
import { ListNotificationsHandler } from './list-notifications.handler';

@Module({ imports: [ReadModelsModule, AreasModule], controllers: [ListNotificationsController], providers: [ListNotificationsHandler] })
export class NotificationsModule {}
