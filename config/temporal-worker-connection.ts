import { NativeConnection } from '@temporalio/worker';
import { errorText } from './service-token';
import type { TemporalAccess } from './temporal-access';

/**
 * A worker's connection to Temporal (`@temporalio/worker`, kept out of config/temporal-access.ts so that the API does
 * not load the SDK's native core). Core takes a fixed token, so each renewal is handed to it with `setApiKey`.
 * Close `access` before the connection: a renewal then never reaches a closed one.
 */
export async function connectNativeTemporal(access: TemporalAccess): Promise<NativeConnection> {
  const { tokens } = access;
  const connection = await NativeConnection.connect({
    address: access.address,
    tls: access.tls,
    ...(tokens ? { apiKey: tokens.token } : {}),
  });
  tokens?.onRenewed((token) => {
    connection
      .setApiKey(token)
      .catch((error: unknown) =>
        access.warn('handing the renewed service token to the Temporal connection failed', { error: errorText(error) }),
      );
  });
  return connection;
}
