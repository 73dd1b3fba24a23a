import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ContactEntity } from './contact.entity';

@Injectable()
export class ContactsService {
  /**
   * The contact for a phone, created on its first text. Two first texts racing on MySQL: the
   * loser's insert is ignored and it reads the winner's row (READ COMMITTED).
   */
  async findOrCreate(manager: EntityManager, phone: string, options: { lock?: boolean } = {}): Promise<ContactEntity> {
    const repository = manager.getRepository(ContactEntity);
    // With `lock` (MySQL/MariaDB), the row stays locked until the caller's transaction ends, so
    // concurrent texts from the same phone read its consent one after another.
    const find = () => repository.findOne({ where: { phone }, ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    const existing = await find();
    if (existing) return existing;
    await manager.createQueryBuilder().insert().into(ContactEntity)
      .values({ phone, consentState: 'none' }).orIgnore().execute();
    const created = await find();
    if (!created) throw new Error(`The contact for ${phone} vanished while it was being created.`);
    return created;
  }

  findByPhone(manager: EntityManager, phone: string): Promise<ContactEntity | null> {
    return manager.getRepository(ContactEntity).findOne({ where: { phone } });
  }
}
