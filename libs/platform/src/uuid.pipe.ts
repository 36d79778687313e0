import { Injectable, PipeTransform } from '@nestjs/common';
import { bilingual } from './bilingual';
import { DomainError } from './domain-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Route ids are UUIDs; anything else is a 400 with code INVALID_ID before any query runs. */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !UUID.test(value)) {
      throw new DomainError('validation', 'INVALID_ID', bilingual('Ongeldige id', 'Invalid id'), { value: String(value).slice(0, 100) });
    }
    return value.toLowerCase();
  }
}
