import { Injectable, PipeTransform } from '@nestjs/common';
import { PROJECTION_NAMES, type ProjectionName } from '@case-journey/projections';
import { RequestValidationError } from '../http/request-validation.error';

@Injectable()
export class ProjectionNamePipe implements PipeTransform<string, ProjectionName> {
  transform(value: string): ProjectionName {
    if (!(PROJECTION_NAMES as readonly string[]).includes(value)) {
      throw new RequestValidationError([{ field: 'name', messages: [`name must be one of ${PROJECTION_NAMES.join(', ')}`] }]);
    }
    return value as ProjectionName;
  }
}
