import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OutboxOperationsStore } from '../../../../libs/store/src';
import { OutboxController } from './outbox.controller';
import { OutboxService } from './outbox.service';

/** The outbound notifications for operators: partners' subscriptions, dead letters and their replay. */
@Module({
  controllers: [OutboxController],
  providers: [
    {
      provide: OutboxOperationsStore,
      useFactory: (dataSource: DataSource) => new OutboxOperationsStore(dataSource),
      inject: [DataSource],
    },
    OutboxService,
  ],
})
export class OutboxModule {}
