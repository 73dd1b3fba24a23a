import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { QueuesService } from '../queues/queues.service';
import { mapPermissions, readPermissionMap, type MappedAccess, type PermissionMap } from './permission-map';

/** SANDI permissions → IVM role and queues, by the configured permission map. */
@Injectable()
export class AccessMapper {
  private readonly permissionMap: PermissionMap;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly queues: QueuesService,
  ) {
    this.permissionMap = readPermissionMap(config.auth.permissionMapPath);
  }

  async map(permissions: string[]): Promise<MappedAccess | null> {
    const codes = (await this.queues.list()).map((queue) => queue.code);
    return mapPermissions(permissions, this.permissionMap, codes);
  }
}
