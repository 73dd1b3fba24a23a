import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { InboxModule } from '../conversations/inbox.module';
import { InboxEventMapper } from './inbox-event.mapper';
import { InboxGateway } from './inbox.gateway';

@Module({
  imports: [AuthModule, InboxModule],
  providers: [InboxGateway, InboxEventMapper],
})
export class RealtimeModule {}
