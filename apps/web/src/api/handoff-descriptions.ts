import { Inject, Injectable } from '@nestjs/common';
import { WEB_CONFIGURATION } from '../web-tokens';
import type { WebConfiguration } from '../web-configuration';
import type { SchemaObject, Schemas } from '../pages/record-handoff/handoff-forms';
import { ApiClient } from './api-client';

/** What the API says a handoff's data holds: each type's payload schema, and every schema they refer to. */
export interface HandoffDescriptions {
  /** The handoff types the API describes a payload for. */
  types: string[];
  payloadOf(type: string): SchemaObject | undefined;
  schemas: Schemas;
}

/**
 * The API's description of every handoff's data, read once from its OpenAPI document (`/docs-json`,
 * public): the payload classes' schemas, `{Type}Dto`, made by the same decorators that validate a
 * record. A failed read is tried again on the next form rather than remembered.
 */
@Injectable()
export class HandoffDescriptionsSource {
  private loading?: Promise<HandoffDescriptions>;

  constructor(@Inject(WEB_CONFIGURATION) private readonly configuration: WebConfiguration) {}

  get(): Promise<HandoffDescriptions> {
    this.loading ??= this.load();
    this.loading.catch(() => (this.loading = undefined));
    return this.loading;
  }

  private async load(): Promise<HandoffDescriptions> {
    const document = await new ApiClient(this.configuration.apiUrl, undefined, this.configuration.apiTimeoutMs).get<{ components?: { schemas?: Schemas } }>('docs-json');
    const schemas = document.components?.schemas ?? {};
    const types = Object.keys(schemas).filter((name) => name.endsWith('Dto')).map((name) => name.slice(0, -3));
    return { types, schemas, payloadOf: (type) => schemas[`${type}Dto`] };
  }
}
