import { Module } from '@nestjs/common';
import { AuditSealer } from './audit-sealer';
import { AuditVerifier } from './audit-verifier';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

/** The audit log. Other modules import it and call `AuditService.record(manager, …)` in their own transactions. */
@Module({
  controllers: [AuditController],
  providers: [AuditService, AuditRepository, AuditSealer, AuditVerifier],
  exports: [AuditService],
})
export class AuditModule {}
