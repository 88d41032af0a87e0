import { Injectable, PipeTransform } from '@nestjs/common';
import { RequestValidationError } from './request-validation.error';

/** A victim id in the path: any non-blank id of at most 200 characters, else a 400 naming `victimId`. */
@Injectable()
export class VictimIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (value.trim() === '' || value.length > 200) throw new RequestValidationError([{ field: 'victimId', messages: ['victimId must be a victim id'] }]);
    return value;
  }
}
