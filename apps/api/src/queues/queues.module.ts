import { Module } from '@nestjs/common';
import { QueueAccessService } from './queue-access.service';
import { QueuesService } from './queues.service';

@Module({
  providers: [QueuesService, QueueAccessService],
  exports: [QueuesService, QueueAccessService],
})
export class QueuesModule {}
