import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ContactEntity } from './contact.entity';

@Injectable()
export class ContactsService {
  /**
   * The contact for a phone, created on its first text. Two first texts racing on MySQL: the
   * loser's insert is ignored and it reads the winner's row (READ COMMITTED).
   */
  async findOrCreate(manager: EntityManager, phone: string): Promise<ContactEntity> {
    const repository = manager.getRepository(ContactEntity);
    const existing = await repository.findOne({ where: { phone } });
    if (existing) return existing;
    await manager.createQueryBuilder().insert().into(ContactEntity)
      .values({ phone, consentState: 'none' }).orIgnore().execute();
    return repository.findOneOrFail({ where: { phone } });
  }

  findByPhone(manager: EntityManager, phone: string): Promise<ContactEntity | null> {
    return manager.getRepository(ContactEntity).findOne({ where: { phone } });
  }
}
