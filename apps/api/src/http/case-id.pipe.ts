import { Injectable, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { RequestValidationError } from './request-validation.error';

/** A case id in the path must be a UUID; anything else is a 400 naming the `id` parameter. */
@Injectable()
export class CaseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUUID(value)) throw new RequestValidationError([{ field: 'id', messages: ['id must be a case id (a UUID)'] }]);
    return value.toLowerCase();
  }
}
