import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ActivationTimeline } from '../activation/activation-timeline';
import { ActivationEntity } from '../entities/activation.entity';
import { IdentityLinker } from './identity-linker';
import { chooseSuccessRedirect } from './success-redirect';

/** The identity-link sign-in's effect: the link, a timeline entry, and where the popup goes next. */
@Injectable()
export class IdentityLinkService {
  constructor(
    private readonly linker: IdentityLinker,
    private readonly timeline: ActivationTimeline,
    @InjectRepository(ActivationEntity) private readonly activations: Repository<ActivationEntity>,
  ) {}

  /** Links the consumer key to the account; returns the redirect target or null (show "linked"). */
  async link(
    tenant: string,
    consumerKey: string,
    vendorAccountId: string,
    successCallBack: string,
  ): Promise<string | null> {
    const store = await this.linker.link(tenant, consumerKey, vendorAccountId);
    if (!store) return null;
    const latest = await this.activations.findOne({ where: { storeId: store.id }, order: { createdAt: 'DESC' } });
    if (latest)
      await this.timeline.append(latest, {
        type: 'identity_linked',
        message: 'The merchant signed in on the identity link; the store is linked to their account.',
      });
    return store.tenant === tenant ? chooseSuccessRedirect(successCallBack, store.storeBaseUrl) : null;
  }
}
