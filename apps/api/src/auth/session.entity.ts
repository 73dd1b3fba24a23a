import { Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, LongTextColumn, ShortTextColumn, TimestampColumn } from '../database/columns';

/**
 * A staff session. The JWT only carries its id: logout and the idle timeout end a session here,
 * and the SANDI permissions it runs with are refreshed here during the session.
 */
@Entity('sessions')
@Index(['username'])
export class SessionEntity {
  /** The token's `jti`. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @ShortTextColumn(100)
  username: string;

  @ShortTextColumn(200, { name: 'display_name' })
  displayName: string;

  /** The user's highest IVM role: staff, supervisor or manager. */
  @ShortTextColumn(16)
  role: string;

  /** JSON object: queue code → the user's role in that queue. */
  @LongTextColumn({ name: 'queue_roles_json' })
  queueRolesJson: string;

  @TimestampColumn({ name: 'permissions_refreshed_at' })
  permissionsRefreshedAt: Date;

  @TimestampColumn({ name: 'last_seen_at' })
  lastSeenAt: Date;

  @TimestampColumn({ name: 'expires_at' })
  expiresAt: Date;

  @TimestampColumn({ name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  @ShortTextColumn(64, { name: 'ip_address', nullable: true })
  ipAddress: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}
