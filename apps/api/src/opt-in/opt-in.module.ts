import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ConsentService } from './consent.service';

@Module({
  imports: [AuditModule],
  providers: [ConsentService],
  exports: [ConsentService],
})
export class OptInModule {}
