import { SetMetadata } from '@nestjs/common';
import type { Permission } from './access-policy';

export const REQUIRED_PERMISSION = 'case-journey:required-permission';

/** Names the permission a route needs; the AccessGuard refuses routes that name none. */
export const Requires = (permission: Permission) => SetMetadata(REQUIRED_PERMISSION, permission);
