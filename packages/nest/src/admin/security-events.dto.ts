import { ApiProperty } from '@nestjs/swagger';
import { SECURITY_EVENT_TYPES, type SecurityEventType } from '../entities/security-event.entity';

/** One security event as the admin API shows it (`magekit_security_events`; never holds secrets). */
export class SecurityEventDto {
  @ApiProperty() id!: string;
  @ApiProperty({
    enum: SECURITY_EVENT_TYPES,
    description:
      'callback_rejected: an activation callback refused before it changed anything; store_moved: a callback with the stored secret moved a store to another origin; pending_expired: a store that never became active was removed after the consumer window; sign_in_throttled: a client address reached the sign-in failure limit.',
  })
  type!: SecurityEventType;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'Why, for callback_rejected: CALLBACK_MISMATCH (a known consumer key with another consumer secret), STORE_URL_REFUSED, PENDING_LIMIT, UNKNOWN_TENANT, INVALID_CALLBACK',
  })
  code!: string | null;
  @ApiProperty({ nullable: true, type: String }) tenant!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The store concerned (it may have been removed since)',
  })
  storeId!: string | null;
  @ApiProperty({ description: 'True when storeId names a store the service still holds' }) storeExists!: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The consumer key the request named (public), when well-formed',
  })
  consumerKey!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The store URL the request claimed (at most 512 characters)',
  })
  storeBaseUrl!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The client address' }) sourceAddress!: string | null;
  @ApiProperty() message!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
}

/** Events per type over the last 24 hours. */
export class SecurityEventCountsDto implements Record<SecurityEventType, number> {
  @ApiProperty() callback_rejected!: number;
  @ApiProperty() store_moved!: number;
  @ApiProperty() pending_expired!: number;
  @ApiProperty() sign_in_throttled!: number;
}

/** `GET /api/security-events`: newest first, with the counts of the last 24 hours. */
export class SecurityEventPageDto {
  @ApiProperty({ type: [SecurityEventDto] }) items!: SecurityEventDto[];
  @ApiProperty({
    type: SecurityEventCountsDto,
    description: 'Per type, over the 24 hours before now (storeId applies, type and before do not)',
  })
  counts!: SecurityEventCountsDto;
}
