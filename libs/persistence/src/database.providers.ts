import { Injectable, OnApplicationShutdown, Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** Destroys the app's pool when the app closes (after in-flight requests have finished). */
@Injectable()
export class DataSourceLifecycle implements OnApplicationShutdown {
  constructor(private readonly dataSource: DataSource) {}
  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/**
 * Each app owns one DataSource, injected by its class. (Not TypeOrmModule: two apps in one
 * process would share its process-wide name registry; a plain provider keeps them apart.)
 */
export function databaseProviders(databaseUrl: string, applicationName: string): Provider[] {
  return [
    {
      provide: DataSource,
      useFactory: () => new DataSource(dataSourceOptions(databaseUrl, { applicationName })).initialize(),
    },
    DataSourceLifecycle,
  ];
}
