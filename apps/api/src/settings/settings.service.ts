import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner';
import { SettingEntity } from './setting.entity';

/** The stored texts IVM sends on its own. Defaults meet the CTIA checklist (TWILIO.md §6.3). */
export const DEFAULT_SETTINGS = {
  'texts.opt_in_prompt':
    'Illinois Vet Messenger (U of I Veterinary Teaching Hospital): reply YES to get texts about your animal\'s care. ' +
    'Msg frequency varies. Msg & data rates may apply. Reply HELP for help, STOP to cancel.',
  'texts.welcome':
    'Illinois Vet Messenger: you are now subscribed to texts from the U of I Veterinary Teaching Hospital about ' +
    'your animal\'s care. Msg frequency varies. Msg & data rates may apply. Reply HELP for help, STOP to cancel.',
  'texts.help':
    'Illinois Vet Messenger, U of I Veterinary Teaching Hospital: for help call 217-333-5300 or reply with your ' +
    'question. Msg frequency varies. Msg & data rates may apply. Reply STOP to cancel.',
} as const;

export type SettingKey = keyof typeof DEFAULT_SETTINGS;

@Injectable()
export class SettingsService implements OnModuleInit {
  constructor(
    @InjectRepository(SettingEntity) private readonly settings: Repository<SettingEntity>,
    private readonly transactions: TransactionRunner,
  ) {}

  /** Stores the defaults once, so they show (and can be edited) as settings from the first start. */
  async onModuleInit(): Promise<void> {
    await this.transactions.run(async (manager) => {
      for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
        await manager.createQueryBuilder().insert().into(SettingEntity).values({ key, value }).orIgnore().execute();
      }
    });
  }

  async get(key: SettingKey, manager?: EntityManager): Promise<string> {
    const repository = manager ? manager.getRepository(SettingEntity) : this.settings;
    const row = await repository.findOne({ where: { key } });
    return row?.value ?? DEFAULT_SETTINGS[key];
  }
}
