import type { Provider } from '@nestjs/common';
import { DirectoryRoutesService } from './directory-routes.service';
import { DirectoryService } from './directory.service';

/** The directory feature's providers: countries, regions and currency (`Magento_Directory`). */
export const DIRECTORY_PROVIDERS: Provider[] = [DirectoryService, DirectoryRoutesService];
