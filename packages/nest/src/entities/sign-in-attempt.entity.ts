import { Entity, Index } from 'typeorm';
import { IntegerColumn, TextEnumColumn, TimestampColumn, UuidPrimaryColumn, VarcharColumn } from './columns';

/** What a sign-in attempt counter counts: one normalised e-mail or one client IP. */
export type SignInAttemptKind = 'email' | 'ip';

/**
 * Failed identity-link sign-ins of one e-mail or one client IP within a window (modelled on
 * Magento's `RequestThrottler`, docs/magento-behaviour.md §3.3). Holds no secret and no plain e-mail or IP: only
 * the SHA-256 hex of the normalised value. Rows whose window has ended are ignored.
 */
@Entity('magekit_sign_in_attempts')
@Index('UQ_magekit_sign_in_attempts_subject', ['kind', 'subjectHash'], { unique: true })
@Index('IDX_magekit_sign_in_attempts_window', ['windowEndsAt'])
export class SignInAttemptEntity {
  @UuidPrimaryColumn() id!: string;
  @TextEnumColumn('kind', 8) kind!: SignInAttemptKind;
  /** Hex SHA-256 of the lower-cased, trimmed e-mail, or of the client IP. */
  @VarcharColumn('subject_hash', 64) subjectHash!: string;
  /** Failures counted in the current window. */
  @IntegerColumn('failures') failures!: number;
  /** When the current window (started by its first failure) ends. */
  @TimestampColumn('window_ends_at') windowEndsAt!: Date;
}
