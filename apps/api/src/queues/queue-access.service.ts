import { Injectable } from '@nestjs/common';
import type { AuthUser, IvmRole } from '../auth/auth-user';
import { DomainError } from '../common/domain-error';
import type { QueueEntity } from './queue.entity';
import { QueuesService } from './queues.service';

/**
 * Which queues a user may work. Anything in a queue the user may not work is answered with 404,
 * so its existence is not revealed.
 */
@Injectable()
export class QueueAccessService {
  constructor(private readonly queues: QueuesService) {}

  /** The queues the user may work, in id order. */
  async workable(user: AuthUser): Promise<QueueEntity[]> {
    return (await this.queues.list()).filter((queue) => user.queueRoles[queue.code] !== undefined);
  }

  roleIn(user: AuthUser, queueCode: string): IvmRole | null {
    return user.queueRoles[queueCode] ?? null;
  }

  /** The queue by code, when the user may work it; otherwise 404. */
  async byCode(user: AuthUser, code: string): Promise<QueueEntity> {
    const queue = await this.queues.findByCode(code);
    if (!queue || !user.queueRoles[queue.code]) {
      throw new DomainError('queue_not_found', 404, `There is no queue ${code.toUpperCase()} you can work.`);
    }
    return queue;
  }

  /** Throws 404 unless the user may work the queue with this id. */
  async assertWorkable(user: AuthUser, queueId: number, what = 'conversation'): Promise<QueueEntity> {
    const queue = await this.queues.findById(queueId);
    if (!queue || !user.queueRoles[queue.code]) throw notFound(what);
    return queue;
  }
}

export function notFound(what: string): DomainError {
  return new DomainError(`${what}_not_found`, 404, `That ${what} does not exist, or is in a queue you cannot work.`);
}
