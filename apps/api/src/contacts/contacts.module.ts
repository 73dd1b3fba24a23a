import { Module } from '@nestjs/common';
import { ContactDirectoryService } from './contact-directory.service';
import { ContactsService } from './contacts.service';

@Module({
  providers: [ContactsService, ContactDirectoryService],
  exports: [ContactsService, ContactDirectoryService],
})
export class ContactsModule {}
