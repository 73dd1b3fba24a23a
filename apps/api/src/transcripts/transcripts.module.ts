import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { InboxModule } from '../conversations/inbox.module';
import { QueuesModule } from '../queues/queues.module';
import { TranscriptService } from './transcript.service';
import { TranscriptsController } from './transcripts.controller';

@Module({
  imports: [InboxModule, QueuesModule, AuditModule],
  controllers: [TranscriptsController],
  providers: [TranscriptService],
})
export class TranscriptsModule {}
