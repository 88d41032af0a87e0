import { ConfigurationError } from '@case-journey/platform';
import { createWeb } from './create-web';
import { loadWebConfiguration } from './web-configuration';

/** The web app's process: `npm run web` (npm start runs it beside the API). */
async function main(): Promise<void> {
  const configuration = loadWebConfiguration();
  const app = await createWeb(configuration);
  await app.listen(configuration.port, configuration.host);
  console.log(`case-journey web on ${configuration.baseUrl} (API ${configuration.apiUrl}, sign-in ${configuration.oidcIssuer})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
});
