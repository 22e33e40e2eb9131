import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { loadStockModel } from '@magekit/acl';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { ActivationTimeline } from '../activation/activation-timeline';
import { ActivationEntity } from '../entities/activation.entity';
import { StoreEntity } from '../entities/store.entity';
import { VendorAccountEntity } from '../entities/vendor-account.entity';
import type { ResolvedMagentoOptions } from '../config/module-options';
import { StoreHealthService } from '../stores/store-health.service';
import { MAGEKIT_CLOCK, MAGEKIT_CONFIG } from '../tokens';
import { AnswerCache } from './answer-cache';
import { CallFailureRecorder } from './call-failure-recorder.service';
import type { FailedCallDto, StoreDetailDto } from './store-detail.dto';
import { buildResourceReport, readTokenHealth } from './store-health-view';
import { tallyStatusCounts, type StatusCounts, type StoreQuery } from './store-query';
import { StoreListInvalidation } from './store-list-invalidation';
import { buildStoreListSql } from './store-list-sql';
import { toStoreDtoOfRow, type StoreRow } from './store-row';
import type { ActivationDto, StoreDto, StorePageDto } from './store-view.dto';
import { parseFactsJson, toActivationDto, toFailedCallDto, toStoreDto } from './to-store-dto';

/** Most store list queries whose answers are kept (`admin.listCacheMs`); the oldest goes first. */
export const LIST_CACHE_MAX_ENTRIES = 100;

/** Read side of the admin API: paged store lists, store details, activation timelines, failed calls. */
@Injectable()
export class StoreDirectory implements OnModuleDestroy {
  private readonly listCache: AnswerCache<StorePageDto>;
  private readonly invalidation: StoreListInvalidation;

  constructor(
    @InjectRepository(StoreEntity) private readonly stores: Repository<StoreEntity>,
    @InjectRepository(ActivationEntity) private readonly activations: Repository<ActivationEntity>,
    @InjectRepository(VendorAccountEntity) private readonly accounts: Repository<VendorAccountEntity>,
    private readonly timeline: ActivationTimeline,
    private readonly health: StoreHealthService,
    private readonly failures: CallFailureRecorder,
    @Inject(MAGEKIT_CONFIG) private readonly config: ResolvedMagentoOptions,
    @Inject(MAGEKIT_CLOCK) clock: () => number,
  ) {
    const ttlMs = config.admin.listCacheMs;
    this.listCache = new AnswerCache({ ttlMs, maxEntries: LIST_CACHE_MAX_ENTRIES, clock: () => clock() });
    this.invalidation = new StoreListInvalidation(() => this.listCache.clear());
    if (ttlMs > 0) this.stores.manager.connection.subscribers.push(this.invalidation);
  }

  onModuleDestroy(): void {
    const subscribers = this.stores.manager.connection.subscribers;
    const index = subscribers.indexOf(this.invalidation);
    if (index >= 0) subscribers.splice(index, 1);
  }

  /**
   * Filters by status, searches base URL, consumer key, IMS client id and tenant (case-insensitive,
   * anywhere in the value), pages on the server, newest first. The page (with each store's vendor
   * account, LEFT JOINed) and its total are two queries run side by side, read as raw rows (only the
   * columns shown, no ciphertext; see `buildStoreListSql`); newest first walks
   * `IDX_magekit_stores_created` (one status: `IDX_magekit_stores_status_created`) backwards, and on
   * PostgreSQL the search reads `IDX_magekit_stores_search_trgm` (see `AddStoreListIndexes1806796800000`).
   * The answer of a query is kept for `admin.listCacheMs` (shared by its callers: do not change it),
   * and dropped at once when this DataSource writes a store or vendor account ({@link StoreListInvalidation}).
   */
  list(query: StoreQuery): Promise<StorePageDto> {
    const key = JSON.stringify([query.status, query.search, query.page, query.pageSize]);
    return this.listCache.get(key, () => this.readList(query));
  }

  private async readList(query: StoreQuery): Promise<StorePageDto> {
    const { page, count } = buildStoreListSql(query, this.stores.manager.connection.driver);
    const manager = this.stores.manager;
    const [rows, counted] = await Promise.all([
      manager.query<StoreRow[]>(page.sql, page.parameters),
      manager.query<{ count: number | string }[]>(count.sql, count.parameters),
    ]);
    const imsTokenUrl = this.config.ims.tokenUrl;
    return {
      items: rows.map((row) => toStoreDtoOfRow(row, imsTokenUrl)),
      total: Number(counted[0]?.count ?? 0),
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** How many stores have each status: one `GROUP BY` over the status index. */
  async countByStatus(): Promise<StatusCounts> {
    const rows = await this.stores
      .createQueryBuilder('s')
      .select('s.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .groupBy('s.status')
      .getRawMany<{ status: string; count: number | string }>();
    return tallyStatusCounts(rows);
  }

  /** @throws MagentoIntegrationError `STORE_NOT_FOUND` */
  async get(id: string): Promise<StoreDto> {
    const store = await this.health.findStore(id);
    const accounts = await this.accountsFor([store]);
    return toStoreDto(store, accounts.get(store.vendorAccountId ?? ''), this.config.ims.tokenUrl);
  }

  /** One store with its token health and required resources. @throws MagentoIntegrationError `STORE_NOT_FOUND` */
  async detail(id: string): Promise<StoreDetailDto> {
    const store = await this.health.findStore(id);
    const accounts = await this.accountsFor([store]);
    const latest = await this.activations.findOne({ where: { storeId: store.id }, order: { createdAt: 'DESC' } });
    const events = latest ? await this.timeline.list([latest.id]) : [];
    return {
      ...toStoreDto(store, accounts.get(store.vendorAccountId ?? ''), this.config.ims.tokenUrl),
      tokenHealth: readTokenHealth(store, events),
      resources: buildResourceReport(this.config.requiredResources, parseFactsJson(store.facts), loadStockModel()),
    };
  }

  /** The store's recent failed REST calls, newest first. @throws MagentoIntegrationError `STORE_NOT_FOUND` */
  async failedCallsOf(id: string, limit: number): Promise<FailedCallDto[]> {
    const store = await this.health.findStore(id);
    return (await this.failures.listRecent(store.id, limit)).map(toFailedCallDto);
  }

  /** Newest activation first, each with its events oldest first. @throws MagentoIntegrationError `STORE_NOT_FOUND` */
  async activationsOf(id: string): Promise<ActivationDto[]> {
    const store = await this.health.findStore(id);
    const activations = await this.activations.find({ where: { storeId: store.id }, order: { createdAt: 'DESC' } });
    const events = await this.timeline.list(activations.map((activation) => activation.id));
    return activations.map((activation) =>
      toActivationDto(
        activation,
        events.filter((event) => event.activationId === activation.id),
      ),
    );
  }

  private async accountsFor(stores: StoreEntity[]): Promise<Map<string, VendorAccountEntity>> {
    const ids = [...new Set(stores.map((store) => store.vendorAccountId).filter((id): id is string => id !== null))];
    const rows = ids.length > 0 ? await this.accounts.findBy({ id: In(ids) }) : [];
    return new Map(rows.map((row) => [row.id, row]));
  }
}
