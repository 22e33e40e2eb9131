import { Injectable, type OnModuleInit } from '@nestjs/common';
import { RestHandlerRegistry } from '../rest/rest-handler.registry';
import { CategoriesService } from './categories.service';

/** `Magento_Catalog` category routes (`Magento_Catalog::categories`). */
@Injectable()
export class CategoryRoutesService implements OnModuleInit {
  constructor(
    private readonly registry: RestHandlerRegistry,
    private readonly categories: CategoriesService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      'GET /V1/categories': (call) => this.categories.tree(call),
      'GET /V1/categories/:categoryId': (call) => this.categories.get(call.params['categoryId']),
      'GET /V1/categories/list': (call) => this.categories.search(call),
    });
  }
}
