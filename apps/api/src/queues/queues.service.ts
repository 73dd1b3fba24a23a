import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { QueueEntity } from './queue.entity';

@Injectable()
export class QueuesService {
  constructor(@InjectRepository(QueueEntity) private readonly queues: Repository<QueueEntity>) {}

  /** The queue a hospital number belongs to: the number a client texts decides the queue. */
  findByNumber(phoneNumber: string): Promise<QueueEntity | null> {
    return this.queues.findOne({ where: { phoneNumber } });
  }

  findByCode(code: string): Promise<QueueEntity | null> {
    return this.queues.findOne({ where: { code: code.toUpperCase() } });
  }

  findById(id: number): Promise<QueueEntity | null> {
    return this.queues.findOne({ where: { id } });
  }

  list(): Promise<QueueEntity[]> {
    return this.queues.find({ order: { id: 'ASC' } });
  }
}
