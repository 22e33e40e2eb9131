import { Column, Entity, PrimaryColumn } from 'typeorm';

/** `oauth_token_request_log`: failed token-service sign-ins per (username, user type). */
@Entity('oauth_token_request_log')
export class TokenRequestLogEntity {
  @PrimaryColumn({ name: 'user_name', type: 'varchar', length: 255 })
  userName!: string;

  /** `RequestThrottler::USER_TYPE_*`: 2 customer, 3 admin (the reverse of `UserContextInterface`). */
  @PrimaryColumn({ name: 'user_type', type: 'integer' })
  userType!: number;

  @Column({ name: 'failures_count', type: 'integer', default: 0 })
  failuresCount!: number;

  /** Unix seconds, or null when not locked. */
  @Column({ name: 'lock_expires_at', type: 'integer', nullable: true })
  lockExpiresAt!: number | null;
}

/** `jwt_auth_revoked`: JWTs of this user issued at or before `revokeBefore` are invalid. */
@Entity('jwt_auth_revoked')
export class JwtRevokedEntity {
  @PrimaryColumn({ name: 'user_type_id', type: 'integer' })
  userTypeId!: number;

  @PrimaryColumn({ name: 'user_id', type: 'integer' })
  userId!: number;

  /** Unix seconds. */
  @Column({ name: 'revoke_before', type: 'integer' })
  revokeBefore!: number;
}
